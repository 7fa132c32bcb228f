/**
 * Settings users v3. Creating a user is an invitation in HubSpot (it sends a welcome email and may
 * take a paid seat); each user also gets an owner record.
 * https://developers.hubspot.com/docs/api-reference/settings-user-provisioning-v3/guide
 */
import type { Express } from 'express';
import { conflict, notFound, validationError } from './errors.js';
import { IdSequence } from './ids.js';
import type { OwnerStore } from './owners.js';
import { pageOf, parseLimit } from './paging.js';
import { portalOf } from './request-context.js';
import { isValidEmail } from './values.js';

export interface User {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  roleIds: string[];
  primaryTeamId?: string;
  secondaryTeamIds: string[];
  superAdmin: boolean;
  sendWelcomeEmail: boolean;
}

export interface UserSeed {
  email: string;
  firstName?: string;
  lastName?: string;
  superAdmin?: boolean;
}

export class UserStore {
  private readonly users: User[] = [];
  private readonly ids = new IdSequence(5000001);
  /** Invitations sent, in order: what a test checks to prove an opt-in was respected. */
  readonly invitations: string[] = [];

  constructor(private readonly owners: OwnerStore) {}

  create(seed: UserSeed & { sendWelcomeEmail?: boolean }, at: string): User {
    if (!isValidEmail(seed.email)) throw validationError(`Email address ${seed.email} is invalid`);
    if (this.byEmail(seed.email)) throw conflict(`A user with email ${seed.email} already exists in this account`);
    const user: User = {
      id: String(this.ids.next()),
      email: seed.email,
      firstName: seed.firstName ?? '',
      lastName: seed.lastName ?? '',
      roleIds: [],
      secondaryTeamIds: [],
      superAdmin: seed.superAdmin ?? false,
      sendWelcomeEmail: seed.sendWelcomeEmail ?? false,
    };
    this.users.push(user);
    if (user.sendWelcomeEmail) this.invitations.push(user.email);
    this.owners.add(
      { email: user.email, firstName: user.firstName, lastName: user.lastName, userId: Number(user.id) },
      at,
    );
    return user;
  }

  all(): User[] {
    return [...this.users];
  }

  byId(id: string): User | undefined {
    return this.users.find((u) => u.id === id);
  }

  byEmail(email: string): User | undefined {
    return this.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  remove(user: User, at: string): void {
    this.users.splice(this.users.indexOf(user), 1);
    this.owners.archiveForUser(Number(user.id), at);
  }
}

function findUser(store: UserStore, key: string, idProperty: unknown): User {
  if (idProperty !== undefined && idProperty !== 'USER_ID' && idProperty !== 'EMAIL') {
    throw validationError(`idProperty must be USER_ID or EMAIL, got ${String(idProperty)}`);
  }
  const user = idProperty === 'EMAIL' ? store.byEmail(key) : store.byId(key);
  if (!user) throw notFound(`User ${key} not found`);
  return user;
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw validationError(`${key} must be a string`);
  return value;
}

export function registerUserRoutes(app: Express, now: () => string): void {
  app.get('/settings/v3/users', (req, res) => {
    res.json(pageOf(portalOf(res).users.all(), parseLimit(req.query['limit'], 100, 100), req.query['after'], req));
  });

  app.post('/settings/v3/users', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = optionalString(body, 'email');
    if (!email) throw validationError('email is required');
    const user = portalOf(res).users.create(
      {
        email,
        firstName: optionalString(body, 'firstName'),
        lastName: optionalString(body, 'lastName'),
        sendWelcomeEmail: body['sendWelcomeEmail'] === true,
      },
      now(),
    );
    res.status(201).json(user);
  });

  app.get('/settings/v3/users/:userId', (req, res) => {
    res.json(findUser(portalOf(res).users, req.params.userId, req.query['idProperty']));
  });

  app.put('/settings/v3/users/:userId', (req, res) => {
    const user = findUser(portalOf(res).users, req.params.userId, req.query['idProperty']);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const firstName = optionalString(body, 'firstName');
    const lastName = optionalString(body, 'lastName');
    if (firstName !== undefined) user.firstName = firstName;
    if (lastName !== undefined) user.lastName = lastName;
    res.json(user);
  });

  app.delete('/settings/v3/users/:userId', (req, res) => {
    const users = portalOf(res).users;
    users.remove(findUser(users, req.params.userId, req.query['idProperty']), now());
    res.status(204).end();
  });
}
