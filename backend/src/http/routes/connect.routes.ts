import { Router } from 'express';
import { z } from 'zod';
import { ApiPaths, ConnectTicketRequest, type ConnectTicketResponse } from '../../../../shared/src/contracts/index.js';
import type { ConnectTickets } from '../../auth/connect-tickets.service.js';
import type { SourceConnectService } from '../../auth/source-connect.service.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import { callerIdentity } from '../middleware/signed-request.js';
import { parseInput } from '../validate.js';

/** Connecting, polling and disconnecting a source from the HubSpot UI. */
export function connectRoutes(deps: {
  tickets: ConnectTickets;
  sourceConnect: SourceConnectService;
  sources: Pick<SourceRegistry, 'idSchema'>;
}): Router {
  const router = Router();
  const SourceParam = z.object({ source: deps.sources.idSchema });
  router.post(ApiPaths.connectTickets, async (req, res) => {
    const { source } = parseInput(
      ConnectTicketRequest.extend({ source: deps.sources.idSchema }),
      req.body,
      'connect request',
    );
    const { portalId, userId } = callerIdentity(res);
    const ticket = await deps.tickets.issue({ portalId, userId, source });
    const body: ConnectTicketResponse = {
      source,
      connectUrl: ticket.connectUrl,
      expiresAt: ticket.expiresAt.toISOString(),
    };
    res.status(201).json(body);
  });

  router.get(ApiPaths.connection(':source'), async (req, res) => {
    const { source } = parseInput(SourceParam, req.params, 'source');
    res.json(await deps.sourceConnect.status(callerIdentity(res).portalId, source));
  });

  router.delete(ApiPaths.connection(':source'), async (req, res) => {
    const { source } = parseInput(SourceParam, req.params, 'source');
    const { portalId } = callerIdentity(res);
    await deps.sourceConnect.disconnect(portalId, source);
    res.json(await deps.sourceConnect.status(portalId, source));
  });
  return router;
}
