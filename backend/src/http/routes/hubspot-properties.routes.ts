import { Router } from 'express';
import { z } from 'zod';
import { ApiPaths, PortalPropertiesQuery } from '../../../../shared/src/contracts/index.js';
import type { PortalProperties } from '../../transfer/settings/portal-properties.js';
import { callerIdentity } from '../middleware/signed-request.js';
import { parseInput } from '../validate.js';

const ObjectParam = z.object({ object: z.string() });

/** The signed portal's HubSpot properties of one object, with which a field can go onto. */
export function hubspotPropertiesRoutes(deps: { portalProperties: PortalProperties }): Router {
  const router = Router();
  router.get(ApiPaths.portalProperties(':object'), async (req, res) => {
    const { object } = parseInput(ObjectParam, req.params, 'object');
    const { valueType } = parseInput(PortalPropertiesQuery, req.query, 'query');
    res.json(await deps.portalProperties.list(callerIdentity(res).portalId, object, valueType));
  });
  return router;
}
