import { Router } from 'express';
import { ApiPaths, ConnectTicketRequest, type ConnectTicketResponse } from '../../../../shared/src/contracts/index.js';
import type { ConnectTickets } from '../../auth/connect-tickets.js';
import { callerIdentity } from '../middleware/signed-request.js';
import { parseInput } from '../validate.js';

export function connectRoutes(deps: { tickets: ConnectTickets }): Router {
  const router = Router();
  router.post(ApiPaths.connectTickets, async (req, res) => {
    const { source } = parseInput(ConnectTicketRequest, req.body, 'connect request');
    const { portalId, userId } = callerIdentity(res);
    const ticket = await deps.tickets.issue({ portalId, userId, source });
    const body: ConnectTicketResponse = { source, connectUrl: ticket.connectUrl, expiresAt: ticket.expiresAt.toISOString() };
    res.status(201).json(body);
  });
  return router;
}
