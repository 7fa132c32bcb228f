/** CRM objects v3, single-record endpoints: list, create, read, update, archive. */
import type { Express, Request } from 'express';
import { runFlows } from '../flows/runner.js';
import { requireFields } from '../input.js';
import { type ObjectType, objectTypeOf } from '../object-types.js';
import { pagingAfter, parseLimit } from '../paging.js';
import type { Portal } from '../portal.js';
import { portalOf } from '../request-context.js';
import { findRecord, objectNotFound } from './lookup.js';
import { listParam, type ReadOptions, serializeRecord } from './serialize.js';
import { uniquePropertyNames, type WriteContext, writeContext, type WriteEvent, writeOne } from './writes.js';

/** The read options of a GET: `properties`, `propertiesWithHistory`, `associations` (csv or repeated). */
function readOptions(req: Request): ReadOptions {
  const properties = listParam(req.query['properties']);
  const propertiesWithHistory = listParam(req.query['propertiesWithHistory']);
  const associations = listParam(req.query['associations']);
  return {
    ...(properties ? { properties } : {}),
    ...(propertiesWithHistory ? { propertiesWithHistory } : {}),
    ...(associations ? { associations } : {}),
  };
}

/**
 * A write context whose committed writes enrol records in the portal's flows; the flows run when
 * `runFlows` is called, after the response is serialized (HubSpot's workflows act after the write).
 */
export function objectWrites(
  portal: Portal,
  type: ObjectType,
  now: () => string,
): { ctx: WriteContext; runFlows: () => void } {
  const events: WriteEvent[] = [];
  return {
    ctx: writeContext(portal, type, now(), (event) => events.push(event)),
    runFlows: () => {
      for (const event of events.splice(0)) runFlows(portal, event, now);
    },
  };
}

const queryString = (raw: unknown): string | undefined => (typeof raw === 'string' && raw !== '' ? raw : undefined);

export function registerObjectRoutes(app: Express, now: () => string): void {
  // Paging cursor = the id of the first record of the next page (ids grow with creation).
  app.get('/crm/v3/objects/:objectType', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeOf(req.params.objectType);
    const limit = parseLimit(req.query['limit'], 10, 100);
    const after = queryString(req.query['after']);
    const records = req.query['archived'] === 'true' ? portal.records.archived(type) : portal.records.live(type);
    const start = after === undefined ? 0 : records.findIndex((r) => Number(r.id) >= Number(after));
    const page = start < 0 ? [] : records.slice(start, start + limit);
    const next = start < 0 ? undefined : records[start + limit];
    const options = readOptions(req);
    res.json({
      results: page.map((r) => serializeRecord(portal, type, r, options)),
      ...(next ? pagingAfter(req, next.id) : {}),
    });
  });

  app.post('/crm/v3/objects/:objectType', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeOf(req.params.objectType);
    const body = requireFields(req.body, 'SimplePublicObjectInputForCreate', ['properties']);
    const writes = objectWrites(portal, type, now);
    const record = writeOne(writes.ctx, undefined, body['properties'], body['associations']);
    res.status(201).json(serializeRecord(portal, type, record, { allValues: true }));
    writes.runFlows();
  });

  app.get('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeOf(req.params.objectType);
    const record = findRecord(
      portal,
      type,
      req.params.objectId,
      queryString(req.query['idProperty']),
      req.query['archived'] === 'true',
    );
    if (!record) throw objectNotFound(req.params.objectId);
    res.json(serializeRecord(portal, type, record, readOptions(req)));
  });

  app.patch('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeOf(req.params.objectType);
    const record = findRecord(portal, type, req.params.objectId, queryString(req.query['idProperty']));
    if (!record) throw objectNotFound(req.params.objectId);
    const body = requireFields(req.body, 'SimplePublicObjectInput', ['properties']);
    const writes = objectWrites(portal, type, now);
    const updated = writeOne(writes.ctx, record, body['properties']);
    res.json(serializeRecord(portal, type, updated, { allValues: true }));
    writes.runFlows();
  });

  /**
   * GDPR delete: "permanently delete a contact and all associated content" (contacts guide, GDPR
   * section; body `{ objectId, idProperty? }`, 204). Unlike archiving, the contact is gone, also from
   * `archived=true` reads, and its associations with it. An unknown contact is a 404 (undocumented:
   * the stricter reading, so a client cannot take a typo for a deletion).
   */
  app.post('/crm/v3/objects/contacts/gdpr-delete', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeOf('contacts');
    const body = requireFields(req.body, 'PublicGdprDeleteInput', ['objectId']);
    const objectId = String(body['objectId']);
    const idProperty = typeof body['idProperty'] === 'string' ? body['idProperty'] : undefined;
    const record =
      findRecord(portal, type, objectId, idProperty) ?? findRecord(portal, type, objectId, idProperty, true);
    if (!record) throw objectNotFound(objectId);
    portal.associations.forgetRecord({ type, id: record.id });
    portal.records.purge(type, record, uniquePropertyNames(portal, type));
    res.status(204).end();
  });

  // Archiving moves the record to the recycle bin; deleting what is not there is still 204.
  app.delete('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeOf(req.params.objectType);
    archiveRecord(portal, type, req.params.objectId, now());
    res.status(204).end();
  });
}

export function archiveRecord(portal: Portal, type: ObjectType, id: string, at: string): void {
  const record = portal.records.get(type, id);
  if (!record || record.archived) return;
  portal.records.archive(type, record, at, uniquePropertyNames(portal, type));
}
