/**
 * Small hand-made datasets (the dataset JSON format) for tests that need an exact account:
 * - `auditCompleteness`: soft-deleted persons, organizations, products, deals, activities, notes,
 *   files and participants (listed, as `options.listDeleted` is on); archived open, won and lost
 *   deals; active and archived leads with labels, and activities, notes and files on a lead; deal
 *   products, participants, parent and related organization relationships, filters; records with
 *   `visible_to` 1 owned by a non-admin user (3); a non-admin user (2) and a deactivated one (4).
 * - `transferredOnly`: only persons, organizations, deals (open, won, lost), products, activities
 *   and notes — nothing a transfer leaves behind.
 * - `syncFixture()` (sync-fixture.ts): the initial sync's proving account, over 2,000 records, as a
 *   dataset JSON value (`dataset: { json: syncFixture() }`).
 */
import { fileURLToPath } from 'node:url';

export const PIPEDRIVE_TEST_DATASETS = {
  auditCompleteness: fileURLToPath(new URL('./audit-completeness.json', import.meta.url)),
  transferredOnly: fileURLToPath(new URL('./transferred-only.json', import.meta.url)),
} as const;

export { syncFixture } from './sync-fixture.js';
