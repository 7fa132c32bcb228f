/** One HubSpot account ("portal"): every store the API reads and writes, isolated per portal. */
import { OwnerStore } from './owners.js';
import { UserStore, type UserSeed } from './users.js';

export interface PortalSeed {
  portalId: number;
  /** The portal's users (each also becomes an owner); default: one super admin. */
  users?: UserSeed[];
}

export class Portal {
  readonly id: number;
  readonly owners = new OwnerStore();
  readonly users = new UserStore(this.owners);

  constructor(seed: PortalSeed, at: string) {
    this.id = seed.portalId;
    const users = seed.users?.length ? seed.users : [{ email: `admin@hub-${seed.portalId}.example`, firstName: 'Sandbox', lastName: 'Admin', superAdmin: true }];
    for (const user of users) this.users.create(user, at);
  }

  snapshot(): Record<string, unknown> {
    return {
      portalId: this.id,
      users: this.users.all(),
      owners: this.owners.all(false),
    };
  }
}
