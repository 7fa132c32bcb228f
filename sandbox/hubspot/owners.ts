/**
 * Owners v3 (read-only in HubSpot): every user of a portal is also an owner whose id differs
 * from the user id. https://developers.hubspot.com/docs/api-reference/crm-owners-v3/guide
 */
import type { Express } from 'express';
import { notFound, validationError } from './errors.js';
import { IdSequence } from './ids.js';
import { pageOf, parseLimit } from './paging.js';
import { portalOf } from './request-context.js';

export interface Owner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  userIdIncludingInactive: number;
  type: 'PERSON';
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export class OwnerStore {
  private readonly owners: Owner[] = [];
  private readonly ids = new IdSequence(40000001);

  add(person: { email: string; firstName: string; lastName: string; userId: number }, at: string): Owner {
    const owner: Owner = {
      id: String(this.ids.next()),
      ...person,
      userIdIncludingInactive: person.userId,
      type: 'PERSON',
      archived: false,
      createdAt: at,
      updatedAt: at,
    };
    this.owners.push(owner);
    return owner;
  }

  all(archived: boolean): Owner[] {
    return this.owners.filter((o) => o.archived === archived);
  }

  byId(id: string): Owner | undefined {
    return this.owners.find((o) => o.id === id);
  }

  byUserId(userId: number): Owner | undefined {
    return this.owners.find((o) => o.userId === userId);
  }

  /** Archiving a user archives its owner (the owner stays readable with archived=true). */
  archiveForUser(userId: number, at: string): void {
    const owner = this.byUserId(userId);
    if (owner) Object.assign(owner, { archived: true, updatedAt: at });
  }
}

export function registerOwnerRoutes(app: Express): void {
  app.get('/crm/v3/owners', (req, res) => {
    const portal = portalOf(res);
    const archived = req.query['archived'] === 'true';
    const email = typeof req.query['email'] === 'string' ? req.query['email'].toLowerCase() : undefined;
    const owners = portal.owners.all(archived).filter((o) => email === undefined || o.email.toLowerCase() === email);
    res.json(pageOf(owners, parseLimit(req.query['limit'], 100, 500), req.query['after'], req));
  });

  app.get('/crm/v3/owners/:ownerId', (req, res) => {
    const portal = portalOf(res);
    const idProperty = req.query['idProperty'] ?? 'id';
    if (idProperty !== 'id' && idProperty !== 'userId')
      throw validationError(`Unknown idProperty ${String(idProperty)}`);
    const archived = req.query['archived'] === 'true';
    const owner =
      idProperty === 'userId'
        ? portal.owners.byUserId(Number(req.params.ownerId))
        : portal.owners.byId(req.params.ownerId);
    if (!owner || owner.archived !== archived)
      throw notFound(`Owner with ${idProperty}=${req.params.ownerId} not found`);
    res.json(owner);
  });
}
