/** One HubSpot account ("portal"): every store the API reads and writes, isolated per portal. */
import { hashSeed, Rng } from '../common/random.js';
import { type AccountSettings, DEFAULT_ACCOUNT } from './account.js';
import { AssociationStore } from './associations/store.js';
import { AssociationTypes } from './associations/types.js';
import { CurrencySettings } from './currencies.js';
import { FlowStore } from './flows/store.js';
import { RecordStore } from './objects/store.js';
import { OwnerStore } from './owners.js';
import { PipelineStore } from './pipelines/store.js';
import { PropertyRegistry } from './properties/registry.js';
import { DEFAULT_PORTAL_SETTINGS, type PortalSettings, type TierLimits, tierLimits } from './tier.js';
import { type UserSeed, UserStore } from './users.js';

export interface PortalSeed {
  portalId: number;
  /** The portal's users (each also becomes an owner); default: one super admin. */
  users?: UserSeed[];
  /** Company currency; default USD. */
  companyCurrency?: string;
  /** Deal pipeline limit; default: the tier's. */
  maxDealPipelines?: number;
  /** Tier and switches; default Starter, no limit increase, any probability 0.0–1.0. */
  settings?: Partial<PortalSettings>;
  account?: Partial<AccountSettings>;
}

export class Portal {
  readonly id: number;
  readonly owners = new OwnerStore();
  readonly users = new UserStore(this.owners);
  readonly properties: PropertyRegistry;
  readonly records = new RecordStore();
  settings: PortalSettings;
  /** Seeded: batch results come back shuffled, the same way for the same seed and calls. */
  readonly shuffler: Rng;
  readonly pipelines: PipelineStore;
  readonly currencies: CurrencySettings;
  readonly associationTypes = new AssociationTypes();
  readonly associations = new AssociationStore(this.associationTypes);
  readonly flows = new FlowStore();
  readonly account: AccountSettings;

  constructor(
    private readonly seed: PortalSeed,
    at: string,
    randomSeed: number,
  ) {
    this.id = seed.portalId;
    this.settings = { ...DEFAULT_PORTAL_SETTINGS, ...seed.settings };
    this.shuffler = new Rng(hashSeed(randomSeed, 'batch-order', seed.portalId));
    this.properties = new PropertyRegistry(at);
    this.pipelines = new PipelineStore(
      at,
      () => this.pipelineLimit(),
      () => this.settings.probabilityInTenths,
    );
    this.currencies = new CurrencySettings(
      CurrencySettings.checkCode(seed.companyCurrency ?? 'USD'),
      at,
      () => this.limits().currencies,
    );
    this.account = { ...DEFAULT_ACCOUNT, ...seed.account };
    const users = seed.users?.length
      ? seed.users
      : [{ email: `admin@hub-${seed.portalId}.example`, firstName: 'Sandbox', lastName: 'Admin', superAdmin: true }];
    for (const user of users) this.users.create(user, at);
  }

  /** Deal pipelines the portal may have: the seed's override, else the tier's. */
  pipelineLimit(): number {
    return this.seed.maxDealPipelines ?? this.limits().dealPipelines;
  }

  /** The limits of the portal's current tier. */
  limits(): TierLimits {
    return tierLimits(this.settings.tier);
  }

  snapshot(): Record<string, unknown> {
    return {
      portalId: this.id,
      settings: this.settings,
      users: this.users.all(),
      owners: this.owners.all(false),
      properties: this.properties.snapshot(),
      records: this.records.snapshot(),
      associations: this.associations.snapshot(),
      associationLabels: this.associationTypes.userLabels(),
      pipelines: { deals: this.pipelines.snapshot() },
      flows: this.flows.all(),
      currencies: { companyCurrency: this.currencies.companyCurrency, exchangeRates: this.currencies.allRates() },
      invitations: this.users.invitations,
    };
  }
}
