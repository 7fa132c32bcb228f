/** Properties v3 and property groups: /crm/v3/properties/{objectType}/… */
import type { Express } from 'express';
import { batchResponse, batchTimer, errorEntry } from '../batch.js';
import { checkPropertyRoom } from '../crm-limits.js';
import { HubSpotError, validationError } from '../errors.js';
import { batchInputs, isRecord, numberField, requireFields, stringField } from '../input.js';
import { objectTypeOf } from '../object-types.js';
import { portalOf } from '../request-context.js';
import type { PropertyDefinition } from './definition.js';
import { parsePropertyCreate, parsePropertyUpdate } from './rules.js';

const BATCH_MAX = 100;

function names(raw: unknown): string[] | undefined {
  return typeof raw === 'string' && raw !== '' ? raw.split(',') : undefined;
}

export function registerPropertyRoutes(app: Express, now: () => string): void {
  app.get('/crm/v3/properties/:objectType', (req, res) => {
    const type = objectTypeOf(req.params.objectType);
    const wanted = names(req.query['properties']);
    const all = portalOf(res).properties.list(type, req.query['archived'] === 'true');
    res.json({ results: wanted ? all.filter((p) => wanted.includes(p.name)) : all });
  });

  app.post('/crm/v3/properties/:objectType', (req, res) => {
    const type = objectTypeOf(req.params.objectType);
    const input = parsePropertyCreate(req.body);
    checkPropertyRoom(portalOf(res), type);
    res.status(201).json(portalOf(res).properties.create(type, input, now()));
  });

  app.post('/crm/v3/properties/:objectType/batch/create', (req, res) => {
    const type = objectTypeOf(req.params.objectType);
    const timer = batchTimer(now);
    const inputs = batchInputs(req.body, 'BatchInputPropertyCreate', BATCH_MAX);
    const results: PropertyDefinition[] = [];
    const errors = [];
    for (const input of inputs) {
      try {
        const parsed = parsePropertyCreate(input);
        checkPropertyRoom(portalOf(res), type);
        results.push(portalOf(res).properties.create(type, parsed, now()));
      } catch (error) {
        if (!(error instanceof HubSpotError)) throw error;
        errors.push(errorEntry(error, { propertyName: [isRecord(input) ? String(input['name']) : ''] }));
      }
    }
    res.status(errors.length ? 207 : 201).json(batchResponse(timer, results, errors));
  });

  app.post('/crm/v3/properties/:objectType/batch/read', (req, res) => {
    const type = objectTypeOf(req.params.objectType);
    const body = requireFields(req.body, 'BatchReadInputPropertyName', ['inputs', 'archived']);
    const timer = batchTimer(now);
    const results: PropertyDefinition[] = [];
    const errors = [];
    for (const input of batchInputs(body, 'BatchReadInputPropertyName', BATCH_MAX)) {
      const name = isRecord(input) ? (stringField(input, 'name') ?? '') : '';
      try {
        results.push(portalOf(res).properties.get(type, name, body['archived'] === true));
      } catch (error) {
        if (!(error instanceof HubSpotError)) throw error;
        errors.push(errorEntry(error, { propertyName: [name] }));
      }
    }
    res.status(errors.length ? 207 : 200).json(batchResponse(timer, results, errors));
  });

  // "204 No Content … regardless of the initial state of the property (active, already archived, non-existent)".
  app.post('/crm/v3/properties/:objectType/batch/archive', (req, res) => {
    const type = objectTypeOf(req.params.objectType);
    const registry = portalOf(res).properties;
    for (const input of batchInputs(req.body, 'BatchInputPropertyName', BATCH_MAX)) {
      const name = isRecord(input) ? stringField(input, 'name') : undefined;
      const property = name ? registry.live(type, name) : undefined;
      if (property && !property.hubspotDefined) registry.archive(type, property.name, now());
    }
    res.status(204).end();
  });

  app.get('/crm/v3/properties/:objectType/groups', (req, res) => {
    res.json({ results: portalOf(res).properties.groups(objectTypeOf(req.params.objectType)) });
  });

  app.post('/crm/v3/properties/:objectType/groups', (req, res) => {
    const type = objectTypeOf(req.params.objectType);
    const body = requireFields(req.body, 'PropertyGroupCreate', ['name', 'label']);
    const group = portalOf(res).properties.createGroup(type, {
      name: stringField(body, 'name') ?? '',
      label: stringField(body, 'label') ?? '',
      displayOrder: numberField(body, 'displayOrder') ?? -1,
    });
    res.status(201).json(group);
  });

  app.get('/crm/v3/properties/:objectType/groups/:groupName', (req, res) => {
    res.json(portalOf(res).properties.group(objectTypeOf(req.params.objectType), req.params.groupName));
  });

  app.patch('/crm/v3/properties/:objectType/groups/:groupName', (req, res) => {
    const group = portalOf(res).properties.group(objectTypeOf(req.params.objectType), req.params.groupName);
    if (!isRecord(req.body))
      throw validationError('Invalid input JSON: Cannot build PropertyGroupUpdate, the body must be a JSON object');
    const label = stringField(req.body, 'label');
    const displayOrder = numberField(req.body, 'displayOrder');
    if (label !== undefined) group.label = label;
    if (displayOrder !== undefined) group.displayOrder = displayOrder;
    res.json(group);
  });

  app.delete('/crm/v3/properties/:objectType/groups/:groupName', (req, res) => {
    portalOf(res).properties.archiveGroup(objectTypeOf(req.params.objectType), req.params.groupName);
    res.status(204).end();
  });

  app.get('/crm/v3/properties/:objectType/:propertyName', (req, res) => {
    const type = objectTypeOf(req.params.objectType);
    res.json(portalOf(res).properties.get(type, req.params.propertyName, req.query['archived'] === 'true'));
  });

  app.patch('/crm/v3/properties/:objectType/:propertyName', (req, res) => {
    const type = objectTypeOf(req.params.objectType);
    res.json(portalOf(res).properties.update(type, req.params.propertyName, parsePropertyUpdate(req.body), now()));
  });

  app.delete('/crm/v3/properties/:objectType/:propertyName', (req, res) => {
    portalOf(res).properties.archive(objectTypeOf(req.params.objectType), req.params.propertyName, now());
    res.status(204).end();
  });
}
