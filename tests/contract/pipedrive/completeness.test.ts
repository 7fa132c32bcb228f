import { completenessCases } from './cases/completeness.js';
import { runContractCases } from './support/harness.js';

runContractCases(
  'Pipedrive sandbox vs the OpenAPI files: leads, archived deals, counts, deleted rows, scopes',
  completenessCases,
);
