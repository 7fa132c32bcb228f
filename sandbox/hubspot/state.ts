/**
 * The whole sandbox's state: portals, OAuth grants, the clock, limits, faults, request counts, and
 * which portal/user the next authorize approves.
 */
import { createSandboxClock, type SandboxClock } from '../common/clock.js';
import type { Faults } from '../common/faults.js';
import { validationError } from './errors.js';
import { createHubSpotFaults } from './faults.js';
import { RateLimiter } from './limits.js';
import { OAuthStore } from './oauth/store.js';
import type { ResolvedOptions } from './options.js';
import { Portal, type PortalSeed } from './portal.js';
import { PortalRequestCounts } from './stats.js';
import type { User } from './users.js';

export interface Approval {
  portalId: number;
  userId?: string;
}

export class SandboxState {
  readonly portals = new Map<number, Portal>();
  readonly oauth = new OAuthStore();
  readonly portalCounts = new PortalRequestCounts();
  readonly clock: SandboxClock;
  readonly limiter: RateLimiter;
  readonly faults: Faults;
  private nextApproval: Approval | undefined;

  constructor(readonly options: ResolvedOptions) {
    // The shared sandbox clock: the injected time plus an offset the inspection endpoint advances.
    this.clock = createSandboxClock({ now: () => new Date(options.now()) });
    this.limiter = new RateLimiter({
      rateLimitPer10s: options.rateLimitPer10s,
      searchRateLimitPerSecond: options.searchRateLimitPerSecond,
    });
    this.faults = createHubSpotFaults(this);
    this.reset();
  }

  nowMs(): number {
    return this.clock.now().getTime();
  }

  nowIso(): string {
    return this.clock.now().toISOString();
  }

  createPortal(seed: PortalSeed): Portal {
    if (!Number.isInteger(seed.portalId) || seed.portalId <= 0)
      throw validationError('portalId must be a positive integer');
    if (this.portals.has(seed.portalId)) throw validationError(`portal ${seed.portalId} already exists`);
    const portal = new Portal(seed, this.nowIso(), this.options.seed);
    this.portals.set(portal.id, portal);
    return portal;
  }

  /** The portal and user the next authorize approves (one-shot), else the default portal's first user. */
  setNextApproval(approval: Approval): void {
    const portal = this.portals.get(approval.portalId);
    if (!portal) throw validationError(`portal ${approval.portalId} does not exist`);
    if (approval.userId !== undefined && !portal.users.byId(approval.userId)) {
      throw validationError(`user ${approval.userId} does not exist in portal ${approval.portalId}`);
    }
    this.nextApproval = approval;
  }

  takeApproval(): { portal: Portal; user: User } {
    const approval = this.nextApproval ?? { portalId: this.options.defaultPortalId };
    this.nextApproval = undefined;
    const portal = this.portals.get(approval.portalId);
    if (!portal) throw new Error(`approved portal ${approval.portalId} is gone`);
    const user = (approval.userId ? portal.users.byId(approval.userId) : undefined) ?? portal.users.all()[0];
    if (!user) throw new Error(`portal ${portal.id} has no user to approve the install`);
    return { portal, user };
  }

  /** Back to a fresh sandbox: only the default portal, no grants, no faults, counters and limits cleared. */
  reset(): void {
    this.portals.clear();
    this.oauth.clear();
    this.portalCounts.reset();
    this.clock.set(new Date(this.options.now()));
    this.limiter.reset();
    this.limiter.limits = {
      rateLimitPer10s: this.options.rateLimitPer10s,
      searchRateLimitPerSecond: this.options.searchRateLimitPerSecond,
    };
    this.faults.reset();
    this.nextApproval = undefined;
    this.createPortal({ portalId: this.options.defaultPortalId, settings: { tier: this.options.tier } });
  }
}
