import { v2FieldCases } from './cases/v2-fields.js';
import { runContractCases } from './support/harness.js';

runContractCases('v2 fields', v2FieldCases);
