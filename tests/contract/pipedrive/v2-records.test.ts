import { v2RecordCases } from './cases/v2-records.js';
import { runContractCases } from './support/harness.js';

runContractCases(
  'v2 records (persons, organizations, deals, products, activities, pipelines, stages, deal products)',
  v2RecordCases,
);
