import type { SourceRecord } from '../connector.js';
import type { RecordShape } from '../record-shape.js';

const value =
  (key: string) =>
  (record: SourceRecord): unknown =>
    record.values[key];
const present = (raw: unknown) => raw !== null && raw !== undefined && !(typeof raw === 'string' && raw.trim() === '');

/**
 * Pipedrive's records (API v2; notes v1): owners are `owner_id` (notes: `user_id`), times `add_time` /
 * `update_time`, deals carry `pipeline_id`, `stage_id`, `status` (open, won, lost), `won_time` / `lost_time`
 * and `close_time`, `expected_close_date`; activities `type`, `due_date`, `due_time`; persons `name`,
 * `first_name`, `last_name`, `phones`; products `billing_frequency`.
 */
export const PIPEDRIVE_RECORD_SHAPE: RecordShape = {
  fields: {
    stage: 'stage_id',
    dueDate: 'due_date',
    dueTime: 'due_time',
    fullName: 'name',
    phones: 'phones',
    amount: 'value',
    createdAt: 'add_time',
    closedAt: 'close_time',
  },
  owner: (record) => record.values.owner_id ?? record.values.user_id,
  createdAt: value('add_time'),
  updatedAt: (record) => record.updatedAt ?? record.values.update_time,
  pipeline: value('pipeline_id'),
  stage: value('stage_id'),
  status: value('status'),
  // close_time is when the deal closed either way; won_time / lost_time where it is missing.
  closeTimes: (record) => [
    record.values.close_time,
    record.values.status === 'won' ? record.values.won_time : record.values.lost_time,
  ],
  expectedCloseDay: value('expected_close_date'),
  activityType: value('type'),
  dueDay: value('due_date'),
  dueTime: value('due_time'),
  currency: value('currency'),
  hasSplitName: (record) => present(record.values.first_name) || present(record.values.last_name),
  billingFrequency: value('billing_frequency'),
};
