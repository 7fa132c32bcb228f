/**
 * The HTTP face of the fault control API. Each sandbox mounts it under its own inspection path
 * (e.g. `/_sandbox`), clearly outside the emulated API's paths.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { FaultControl, JsonValue, TargetedFault } from './faults.js';

const rate = z.number().min(0).max(1);
const status = z.number().int().min(100).max(599);

export const SettingsPatchBody = z.strictObject({
  seed: z.number().int().optional(),
  rates: z
    .strictObject({
      rateLimited: rate,
      serverError: rate,
      connectionReset: rate,
      tokenExpiry: rate,
      applyThenFail: rate,
      slow: rate,
    })
    .partial()
    .refine(({ slow: _slow, ...exclusive }) => Object.values(exclusive).reduce((sum, r) => sum + r, 0) <= 1, {
      message: 'the exclusive rates (all but slow) must not add up to more than 1',
    })
    .optional(),
  slowMs: z.number().int().min(0).optional(),
  serverErrorStatuses: z.array(status).min(1).optional(),
});

const FaultResponseBody = z.strictObject({
  status,
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

export const TargetedFaultBody = z
  .strictObject({
    method: z.string().min(1).optional(),
    path: z.string().min(1),
    query: z.record(z.string(), z.string()).optional(),
    body: z.custom<JsonValue>(isJsonValue, 'body matcher must be JSON').optional(),
    times: z.union([z.number().int().positive(), z.literal('always')]).optional(),
    respond: FaultResponseBody.optional(),
    reset: z.literal(true).optional(),
    delayMs: z.number().int().min(0).optional(),
    afterApply: z
      .union([z.strictObject({ respond: FaultResponseBody }), z.strictObject({ reset: z.literal(true) })])
      .optional(),
  })
  .refine(
    (fault) =>
      [fault.respond, fault.reset, fault.delayMs, fault.afterApply].filter((action) => action !== undefined).length ===
      1,
    {
      message: 'give exactly one of respond, reset, delayMs, afterApply',
    },
  );

function isJsonValue(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === 'object') return Object.values(value).every(isJsonValue);
  return false;
}

export function faultControlRouter(control: FaultControl): Router {
  const router = express.Router();
  router.use(express.json());

  router.get('/faults', (_req, res) => {
    res.json(control.settings());
  });
  router.patch('/faults', (req, res) => {
    const patch = SettingsPatchBody.safeParse(req.body);
    if (!patch.success) {
      res.status(400).json(invalid(patch.error));
      return;
    }
    control.configure(patch.data);
    res.json(control.settings());
  });
  router.post('/faults/targeted', (req, res) => {
    const fault = TargetedFaultBody.safeParse(req.body);
    if (!fault.success) {
      res.status(400).json(invalid(fault.error));
      return;
    }
    const spec: TargetedFault = fault.data;
    res.status(201).json({ id: control.addTargeted(spec) });
  });
  router.delete('/faults/targeted', (_req, res) => {
    control.clearTargeted();
    res.status(204).end();
  });
  router.delete('/faults/targeted/:id', (req, res) => {
    if (control.removeTargeted(req.params.id)) res.status(204).end();
    else res.status(404).json({ error: { code: 'not_found', message: `no targeted fault ${req.params.id}` } });
  });
  router.get('/requests', (_req, res) => {
    res.json(control.requests());
  });
  router.get('/requests/recent', (_req, res) => {
    res.json({ requests: control.recentRequests() });
  });
  router.delete('/requests', (_req, res) => {
    control.resetRequests();
    res.status(204).end();
  });
  return router;
}

function invalid(error: z.ZodError): { error: { code: string; message: string; details: unknown } } {
  return { error: { code: 'invalid_request', message: z.prettifyError(error), details: error.issues } };
}
