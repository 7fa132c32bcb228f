/**
 * Associations v4: batch create (labelled), batch associate default, batch read (1,000 inputs),
 * batch archive, batch label archive, per-record endpoints, and association labels.
 * https://developers.hubspot.com/docs/api-reference/crm-associations-v4/guide
 */
import type { Express, Request, Response } from 'express';
import { batchResponse, batchTimer, errorEntry, type StandardError } from '../batch.js';
import { checkLabelRoom } from '../crm-limits.js';
import { apiError, HubSpotError, validationError } from '../errors.js';
import { batchInputs, isRecord, type Json, requireFields, stringField } from '../input.js';
import { type ObjectType, objectTypeOf } from '../object-types.js';
import { pageOf, parseLimit } from '../paging.js';
import type { Portal } from '../portal.js';
import { portalOf } from '../request-context.js';
import type { AssociationTypeDef } from './types.js';

const READ_MAX = 1000;
const WRITE_MAX = 2000;

const idOf = (raw: unknown): string => (isRecord(raw) && raw['id'] !== undefined ? String(raw['id']) : '');

function requireRecord(portal: Portal, type: ObjectType, id: string): void {
  const record = portal.records.get(type, id);
  if (!record || record.archived) {
    throw apiError(404, {
      category: 'OBJECT_NOT_FOUND',
      message: `${type.singular} ${id} does not exist`,
      context: { objectId: [id], objectType: [type.name] },
    });
  }
}

function specsToDefs(portal: Portal, from: ObjectType, to: ObjectType, raw: unknown): AssociationTypeDef[] {
  const specs = Array.isArray(raw) ? raw : [];
  if (specs.length === 0)
    throw validationError('types must list at least one { associationCategory, associationTypeId }');
  return specs.map((spec) => {
    const category = isRecord(spec) ? String(spec['associationCategory']) : '';
    const typeId = isRecord(spec) ? Number(spec['associationTypeId']) : Number.NaN;
    const def = portal.associationTypes.find(category, typeId, from, to);
    if (!def)
      throw validationError(`${category} association type ${typeId} is not valid from ${from.name} to ${to.name}`, {
        context: { associationTypeId: [String(typeId)] },
      });
    return def;
  });
}

const typeView = (def: AssociationTypeDef) => ({ category: def.category, typeId: def.typeId, label: def.label });

function pair(req: Request): { from: ObjectType; to: ObjectType } {
  return {
    from: objectTypeOf(String(req.params['fromObjectType'])),
    to: objectTypeOf(String(req.params['toObjectType'])),
  };
}

/** Runs each input, collecting HubSpot errors per input (207) instead of failing the batch. */
function perInput<T>(inputs: unknown[], run: (input: unknown) => T): { results: T[]; errors: StandardError[] } {
  const results: T[] = [];
  const errors: StandardError[] = [];
  for (const input of inputs) {
    try {
      results.push(run(input));
    } catch (error) {
      if (!(error instanceof HubSpotError)) throw error;
      errors.push(errorEntry(error, (error.body['context'] as Record<string, string[]> | undefined) ?? {}));
    }
  }
  return { results, errors };
}

function registerLabelRoutes(app: Express): void {
  const base = '/crm/v4/associations/:fromObjectType/:toObjectType/labels';
  app.get(base, (req, res) => {
    const { from, to } = pair(req);
    res.json({ results: portalOf(res).associationTypes.between(from, to).map(typeView) });
  });
  app.post(base, (req, res) => {
    const { from, to } = pair(req);
    const body = requireFields(req.body, 'PublicAssociationDefinitionCreateRequest', ['label', 'name']);
    checkLabelRoom(portalOf(res), from, to);
    const created = portalOf(res).associationTypes.createLabel(
      from,
      to,
      stringField(body, 'name') ?? '',
      stringField(body, 'label') ?? '',
      stringField(body, 'inverseLabel'),
    );
    res.json({ results: created.map(typeView) });
  });
  app.put(base, (req, res) => {
    const { from, to } = pair(req);
    const body = requireFields(req.body, 'PublicAssociationDefinitionUpdateRequest', ['associationTypeId', 'label']);
    const types = portalOf(res).associationTypes;
    const def = types.userDefined(Number(body['associationTypeId']), from, to);
    def.label = stringField(body, 'label') ?? def.label;
    const inverseLabel = stringField(body, 'inverseLabel');
    const inverse = types.byId(def.inverseTypeId, to, from);
    if (inverseLabel !== undefined && inverse && inverse !== def) inverse.label = inverseLabel;
    res.status(204).end();
  });
  app.delete(`${base}/:associationTypeId`, (req, res) => {
    const { from, to } = pair(req);
    const portal = portalOf(res);
    const def = portal.associationTypes.userDefined(Number(req.params.associationTypeId), from, to);
    const inverse = portal.associationTypes.byId(def.inverseTypeId, to, from);
    portal.associations.forgetType(def);
    if (inverse) portal.associations.forgetType(inverse);
    portal.associationTypes.remove(def);
    res.status(204).end();
  });
}

export function registerAssociationRoutes(app: Express, now: () => string): void {
  const batch = '/crm/v4/associations/:fromObjectType/:toObjectType/batch';

  app.post(`${batch}/create`, (req, res) => {
    const portal = portalOf(res);
    const { from, to } = pair(req);
    const timer = batchTimer(now);
    const { results, errors } = perInput(
      batchInputs(req.body, 'BatchInputPublicAssociationMultiPost', WRITE_MAX),
      (raw) => {
        const input = requireFields(raw, 'PublicAssociationMultiPost', ['from', 'to', 'types']);
        const fromId = idOf(input['from']);
        const toId = idOf(input['to']);
        requireRecord(portal, from, fromId);
        requireRecord(portal, to, toId);
        const defs = specsToDefs(portal, from, to, input['types']);
        for (const def of defs) portal.associations.add({ type: from, id: fromId }, { type: to, id: toId }, def);
        return {
          fromObjectTypeId: from.objectTypeId,
          fromObjectId: Number(fromId),
          toObjectTypeId: to.objectTypeId,
          toObjectId: Number(toId),
          labels: defs.flatMap((d) => (d.label ? [d.label] : [])),
        };
      },
    );
    // 200, not 201: HubSpot changed association batch create to 200 in August 2025
    // (HubSpot/hubspot-api-python#448); clients should accept both.
    res.status(errors.length ? 207 : 200).json(batchResponse(timer, results, errors));
  });

  app.post(`${batch}/associate/default`, (req, res) => {
    const portal = portalOf(res);
    const { from, to } = pair(req);
    const timer = batchTimer(now);
    const def = portal.associationTypes.defaultType(from, to);
    const { results, errors } = perInput(
      batchInputs(req.body, 'BatchInputPublicDefaultAssociationMultiPost', WRITE_MAX),
      (raw) => {
        const input = requireFields(raw, 'PublicDefaultAssociationMultiPost', ['from', 'to']);
        const fromId = idOf(input['from']);
        const toId = idOf(input['to']);
        requireRecord(portal, from, fromId);
        requireRecord(portal, to, toId);
        portal.associations.add({ type: from, id: fromId }, { type: to, id: toId }, def);
        return {
          from: { id: fromId },
          to: { id: toId },
          associationSpec: { associationCategory: def.category, associationTypeId: def.typeId },
        };
      },
    );
    res.status(errors.length ? 207 : 200).json(batchResponse(timer, results, errors));
  });

  app.post(`${batch}/read`, (req, res) => {
    const portal = portalOf(res);
    const { from, to } = pair(req);
    const timer = batchTimer(now);
    const { results, errors } = perInput(
      batchInputs(req.body, 'BatchInputPublicFetchAssociationsBatchRequest', READ_MAX),
      (raw) => {
        const fromId = idOf(raw);
        const targets = portal.associations
          .list({ type: from, id: fromId }, to)
          .filter(({ toId }) => portal.records.get(to, toId)?.archived === false);
        if (targets.length === 0) {
          throw apiError(404, {
            category: 'OBJECT_NOT_FOUND',
            subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
            message: `No ${to.name} is associated with ${from.singular} ${fromId}.`,
            context: { fromObjectId: [fromId] },
          });
        }
        return {
          from: { id: fromId },
          to: targets.map(({ toId, types }) => ({ toObjectId: Number(toId), associationTypes: types.map(typeView) })),
        };
      },
    );
    res.status(errors.length ? 207 : 200).json(batchResponse(timer, results, errors));
  });

  app.post(`${batch}/archive`, (req, res) => {
    const portal = portalOf(res);
    const { from, to } = pair(req);
    for (const raw of batchInputs(req.body, 'BatchInputPublicAssociationMultiArchive', WRITE_MAX)) {
      const input: Json = isRecord(raw) ? raw : {};
      const targets = Array.isArray(input['to']) ? input['to'] : [];
      for (const target of targets)
        portal.associations.removeAll({ type: from, id: idOf(input['from']) }, { type: to, id: idOf(target) });
    }
    res.status(204).end();
  });

  app.post(`${batch}/labels/archive`, (req, res) => {
    const portal = portalOf(res);
    const { from, to } = pair(req);
    for (const raw of batchInputs(req.body, 'BatchInputPublicAssociationMultiPost', WRITE_MAX)) {
      const input = requireFields(raw, 'PublicAssociationMultiPost', ['from', 'to', 'types']);
      const defs = specsToDefs(portal, from, to, input['types']).filter((d) => d.label !== null);
      portal.associations.removeTypes(
        { type: from, id: idOf(input['from']) },
        { type: to, id: idOf(input['to']) },
        defs,
      );
    }
    res.status(204).end();
  });

  const objectBase = '/crm/v4/objects/:objectType/:objectId/associations';
  const records = (req: Request, res: Response) => {
    const portal = portalOf(res);
    const from = objectTypeOf(String(req.params['objectType']));
    const to = objectTypeOf(String(req.params['toObjectType']));
    const fromId = String(req.params['objectId']);
    return { portal, from, to, fromId, toId: String(req.params['toObjectId']) };
  };

  app.put(`/crm/v4/objects/:objectType/:objectId/associations/default/:toObjectType/:toObjectId`, (req, res) => {
    const { portal, from, to, fromId, toId } = records(req, res);
    const timer = batchTimer(now);
    requireRecord(portal, from, fromId);
    requireRecord(portal, to, toId);
    const def = portal.associationTypes.defaultType(from, to);
    portal.associations.add({ type: from, id: fromId }, { type: to, id: toId }, def);
    res.json(
      batchResponse(timer, [
        {
          from: { id: fromId },
          to: { id: toId },
          associationSpec: { associationCategory: def.category, associationTypeId: def.typeId },
        },
      ]),
    );
  });

  app.get(`${objectBase}/:toObjectType`, (req, res) => {
    const { portal, from, to, fromId } = records(req, res);
    requireRecord(portal, from, fromId);
    const targets = portal.associations
      .list({ type: from, id: fromId }, to)
      .filter(({ toId }) => portal.records.get(to, toId)?.archived === false)
      .map(({ toId, types }) => ({ toObjectId: Number(toId), associationTypes: types.map(typeView) }));
    res.json(pageOf(targets, parseLimit(req.query['limit'], 500, 500), req.query['after'], req));
  });

  app.put(`${objectBase}/:toObjectType/:toObjectId`, (req, res) => {
    const { portal, from, to, fromId, toId } = records(req, res);
    requireRecord(portal, from, fromId);
    requireRecord(portal, to, toId);
    const defs = specsToDefs(portal, from, to, req.body);
    for (const def of defs) portal.associations.add({ type: from, id: fromId }, { type: to, id: toId }, def);
    res.status(201).json({
      fromObjectTypeId: from.objectTypeId,
      fromObjectId: Number(fromId),
      toObjectTypeId: to.objectTypeId,
      toObjectId: Number(toId),
      labels: defs.flatMap((d) => (d.label ? [d.label] : [])),
    });
  });

  app.delete(`${objectBase}/:toObjectType/:toObjectId`, (req, res) => {
    const { portal, from, to, fromId, toId } = records(req, res);
    portal.associations.removeAll({ type: from, id: fromId }, { type: to, id: toId });
    res.status(204).end();
  });

  registerLabelRoutes(app);
}
