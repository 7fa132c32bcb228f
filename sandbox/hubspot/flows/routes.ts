/** Automation v4 flows: list, create, read, replace, delete, batch read. */
import type { Express } from 'express';
import { batchResponse, batchTimer } from '../batch.js';
import { conflict } from '../errors.js';
import { batchInputs, isRecord, requireFields } from '../input.js';
import { objectTypeOf } from '../object-types.js';
import { pageOf, parseLimit } from '../paging.js';
import { portalOf } from '../request-context.js';
import { type Flow, parseFlow } from './model.js';

export function registerFlowRoutes(app: Express, now: () => string): void {
  app.get('/automation/v4/flows', (req, res) => {
    res.json(pageOf(portalOf(res).flows.all(), parseLimit(req.query['limit'], 100, 100), req.query['after'], req));
  });

  app.post('/automation/v4/flows', (req, res) => {
    const portal = portalOf(res);
    const at = now();
    const flow: Flow = {
      ...parseFlow(portal, req.body, objectTypeOf),
      id: portal.flows.nextId(),
      revisionId: '1',
      createdAt: at,
      updatedAt: at,
    };
    res.status(201).json(portal.flows.add(flow));
  });

  app.post('/automation/v4/flows/batch/read', (req, res) => {
    const flows = portalOf(res).flows;
    const timer = batchTimer(now);
    const ids = batchInputs(req.body, 'BatchInputFlowBatchReadInput', 100).map((input) =>
      isRecord(input) ? String(input['flowId']) : '',
    );
    const found = flows.all().filter((f) => ids.includes(f.id));
    res.json(batchResponse(timer, found));
  });

  app.get('/automation/v4/flows/:flowId', (req, res) => {
    res.json(portalOf(res).flows.get(req.params.flowId));
  });

  // Updates must name the revision they replace; a stale revisionId is a conflict.
  app.put('/automation/v4/flows/:flowId', (req, res) => {
    const portal = portalOf(res);
    const current = portal.flows.get(req.params.flowId);
    const body = requireFields(req.body, 'ApiFlowUpdateRequest', ['revisionId']);
    if (String(body['revisionId']) !== current.revisionId) {
      throw conflict(
        `revisionId ${String(body['revisionId'])} is not the current revision ${current.revisionId} of flow ${current.id}`,
      );
    }
    const updated: Flow = {
      ...parseFlow(portal, { ...current, ...body }, objectTypeOf),
      id: current.id,
      revisionId: String(Number(current.revisionId) + 1),
      createdAt: current.createdAt,
      updatedAt: now(),
    };
    portal.flows.replace(updated);
    res.json(updated);
  });

  app.delete('/automation/v4/flows/:flowId', (req, res) => {
    portalOf(res).flows.remove(req.params.flowId);
    res.status(204).end();
  });
}
