/**
 * All data of the emulated company: one packed table per record kind, small lists for account
 * settings (users, currencies, activity types, filters) and the field registry.
 */
import type { Clock } from '../../common/clock.js';
import { FieldRegistry } from '../fields/registry.js';
import { dateMs } from '../http/time.js';
import { RecordTable, type StoredRecord } from './table.js';
import type {
  ActivityRecord,
  ActivityTypeRecord,
  CurrencyRecord,
  DealProductRecord,
  DealRecord,
  FileRecord,
  FilterRecord,
  LeadLabelRecord,
  LeadRecord,
  NoteRecord,
  OrganizationRecord,
  OrganizationRelationshipRecord,
  ParticipantRecord,
  PersonRecord,
  PipelineRecord,
  ProductRecord,
  StageRecord,
  UserRecord,
} from './types.js';

export interface EntityRecords {
  person: PersonRecord;
  organization: OrganizationRecord;
  deal: DealRecord;
  product: ProductRecord;
  activity: ActivityRecord;
  dealProduct: DealProductRecord;
  note: NoteRecord;
  file: FileRecord;
  participant: ParticipantRecord;
  organizationRelationship: OrganizationRelationshipRecord;
  pipeline: PipelineRecord;
  stage: StageRecord;
}
export type RecordEntity = keyof EntityRecords;
export const RECORD_ENTITIES: readonly RecordEntity[] = [
  'person',
  'organization',
  'deal',
  'product',
  'activity',
  'dealProduct',
  'note',
  'file',
  'participant',
  'organizationRelationship',
  'pipeline',
  'stage',
];

export type Tables = { [E in RecordEntity]: RecordTable<EntityRecords[E]> };

/** Compile-time check that a packing order names every field of the record. */
type Missing<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number] | keyof StoredRecord>;
function rowKeys<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    keys: K & ([Missing<T, K>] extends [never] ? unknown : { missing: Missing<T, K> }),
  ): K => keys;
}

const DEAL_STATUS_CODE = { open: 0, won: 1, lost: 2 } as const;

function createTables(): Tables {
  return {
    person: new RecordTable<PersonRecord>(
      rowKeys<PersonRecord>()([
        'name',
        'first_name',
        'last_name',
        'owner_id',
        'org_id',
        'emails',
        'phones',
        'im',
        'visible_to',
        'label_ids',
        'picture_id',
        'postal_address',
        'notes',
        'birthday',
        'job_title',
        'custom',
      ]),
      { owner_id: (r) => r.owner_id, org_id: (r) => r.org_id, visible_to: (r) => r.visible_to },
    ),
    organization: new RecordTable<OrganizationRecord>(
      rowKeys<OrganizationRecord>()([
        'name',
        'owner_id',
        'visible_to',
        'address',
        'label_ids',
        'website',
        'linkedin',
        'industry',
        'annual_revenue',
        'employee_count',
        'custom',
      ]),
      { owner_id: (r) => r.owner_id, visible_to: (r) => r.visible_to },
    ),
    deal: new RecordTable<DealRecord>(
      rowKeys<DealRecord>()([
        'title',
        'creator_user_id',
        'owner_id',
        'person_id',
        'org_id',
        'pipeline_id',
        'stage_id',
        'value',
        'currency',
        'stage_change_time',
        'is_archived',
        'archive_time',
        'status',
        'probability',
        'lost_reason',
        'visible_to',
        'close_time',
        'won_time',
        'lost_time',
        'first_won_time',
        'expected_close_date',
        'label_ids',
        'origin',
        'origin_id',
        'channel',
        'channel_id',
        'source_lead_id',
        'arr',
        'mrr',
        'acv',
        'custom',
      ]),
      {
        owner_id: (r) => r.owner_id,
        person_id: (r) => r.person_id,
        org_id: (r) => r.org_id,
        pipeline_id: (r) => r.pipeline_id,
        stage_id: (r) => r.stage_id,
        status: (r) => DEAL_STATUS_CODE[r.status],
        is_archived: (r) => (r.is_archived ? 1 : 0),
        visible_to: (r) => r.visible_to,
      },
    ),
    product: new RecordTable<ProductRecord>(
      rowKeys<ProductRecord>()([
        'name',
        'code',
        'unit',
        'tax',
        'is_linkable',
        'visible_to',
        'owner_id',
        'description',
        'category',
        'billing_frequency',
        'billing_frequency_cycles',
        'prices',
        'custom',
      ]),
      { owner_id: (r) => r.owner_id, visible_to: (r) => r.visible_to },
    ),
    activity: new RecordTable<ActivityRecord>(
      rowKeys<ActivityRecord>()([
        'subject',
        'type',
        'owner_id',
        'creator_user_id',
        'deal_id',
        'lead_id',
        'person_id',
        'org_id',
        'project_id',
        'due_date',
        'due_time',
        'duration',
        'busy',
        'done',
        'marked_as_done_time',
        'location',
        'participants',
        'attendees',
        'conference_meeting_client',
        'conference_meeting_url',
        'conference_meeting_id',
        'public_description',
        'priority',
        'note',
      ]),
      {
        owner_id: (r) => r.owner_id,
        deal_id: (r) => r.deal_id,
        person_id: (r) => r.person_id,
        org_id: (r) => r.org_id,
        done: (r) => (r.done ? 1 : 0),
        due_date: (r) => dateMs(r.due_date),
      },
    ),
    dealProduct: new RecordTable<DealProductRecord>(
      rowKeys<DealProductRecord>()([
        'deal_id',
        'product_id',
        'product_variation_id',
        'name',
        'order_nr',
        'comments',
        'currency',
        'discount',
        'discount_type',
        'quantity',
        'item_price',
        'tax',
        'tax_method',
        'is_enabled',
        'billing_frequency',
        'billing_frequency_cycles',
        'billing_start_date',
      ]),
      { deal_id: (r) => r.deal_id, order_nr: (r) => r.order_nr },
    ),
    note: new RecordTable<NoteRecord>(
      rowKeys<NoteRecord>()([
        'content',
        'user_id',
        'last_update_user_id',
        'deal_id',
        'person_id',
        'org_id',
        'lead_id',
        'project_id',
        'pinned_to_deal_flag',
        'pinned_to_person_flag',
        'pinned_to_organization_flag',
        'pinned_to_lead_flag',
        'pinned_to_project_flag',
      ]),
      { user_id: (r) => r.user_id, deal_id: (r) => r.deal_id, person_id: (r) => r.person_id, org_id: (r) => r.org_id },
    ),
    file: new RecordTable<FileRecord>(
      rowKeys<FileRecord>()([
        'user_id',
        'deal_id',
        'person_id',
        'org_id',
        'product_id',
        'activity_id',
        'lead_id',
        'file_name',
        'file_type',
        'file_size',
        'inline_flag',
        'remote_location',
        'remote_id',
        's3_bucket',
        'name',
        'description',
      ]),
      { deal_id: (r) => r.deal_id },
    ),
    participant: new RecordTable<ParticipantRecord>(
      rowKeys<ParticipantRecord>()(['deal_id', 'person_id', 'added_by_user_id']),
      {
        deal_id: (r) => r.deal_id,
      },
    ),
    organizationRelationship: new RecordTable<OrganizationRelationshipRecord>(
      rowKeys<OrganizationRelationshipRecord>()(['type', 'rel_owner_org_id', 'rel_linked_org_id']),
      { rel_owner_org_id: (r) => r.rel_owner_org_id, rel_linked_org_id: (r) => r.rel_linked_org_id },
    ),
    pipeline: new RecordTable<PipelineRecord>(
      rowKeys<PipelineRecord>()(['name', 'order_nr', 'is_deal_probability_enabled']),
      {
        order_nr: (r) => r.order_nr,
      },
    ),
    stage: new RecordTable<StageRecord>(
      rowKeys<StageRecord>()([
        'name',
        'order_nr',
        'pipeline_id',
        'deal_probability',
        'is_deal_rot_enabled',
        'days_to_rotten',
      ]),
      { pipeline_id: (r) => r.pipeline_id, order_nr: (r) => r.order_nr },
    ),
  };
}

export interface Company {
  id: number;
  name: string;
  /** The subdomain: {domain}.pipedrive.com. */
  domain: string;
  country: string;
  industry: string;
}

export interface StoreOptions {
  listDeleted: boolean;
}

export class Store {
  readonly tables: Tables = createTables();
  readonly fields: FieldRegistry;
  company: Company = { id: 7010001, name: 'Sandbox Company', domain: 'sandbox', country: 'EE', industry: 'Software' };
  users: UserRecord[] = [];
  currencies: CurrencyRecord[] = [];
  activityTypes: ActivityTypeRecord[] = [];
  filters: FilterRecord[] = [];
  /** In add_time order (the order v1 /leads lists them in). */
  leads: LeadRecord[] = [];
  leadLabels: LeadLabelRecord[] = [];
  /** The user an API token or OAuth grant acts as when none is named. */
  defaultUserId = 1;
  /**
   * `listDeleted`: lists without a deleted filter also return soft-deleted rows (within the 30 days)
   * with `is_deleted: true` / `active_flag: false`. The spec does not promise they are left out, so a
   * reader must skip them itself; off by default. Set per dataset (`options`) or /_sandbox/settings.
   */
  options: StoreOptions = { listDeleted: false };

  constructor(clock: Clock) {
    this.fields = new FieldRegistry(clock);
  }

  /** Empties everything, fields back to built-ins. */
  clear(): void {
    for (const table of Object.values(this.tables)) table.clear();
    this.fields.reset();
    this.users = [];
    this.currencies = [];
    this.activityTypes = [];
    this.filters = [];
    this.leads = [];
    this.leadLabels = [];
    this.options = { listDeleted: false };
  }

  user(id: number): UserRecord | undefined {
    return this.users.find((user) => user.id === id);
  }

  /** Whether a user may see a record with this owner and visible_to (see Collection.visibleTo). */
  canSee(userId: number, record: { owner_id: number; visible_to: number }): boolean {
    return record.visible_to !== 1 || record.owner_id === userId || this.user(userId)?.is_admin === true;
  }
}
