import { v1Cases } from './cases/v1.js';
import { runContractCases } from './support/harness.js';

runContractCases(
  'v1 (users, currencies, activity types, notes, files, filters, participants, relationships, summary, webhooks)',
  v1Cases,
);
