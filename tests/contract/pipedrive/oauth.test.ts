import { oauthCases } from './cases/oauth.js';
import { runContractCases } from './support/harness.js';

runContractCases('OAuth server', oauthCases);
