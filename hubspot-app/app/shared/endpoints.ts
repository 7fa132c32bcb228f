import { ConnectTicketRequest, ConnectTicketResponse } from './contracts/connect.ts';
import { GuideResponse } from './contracts/guide.ts';
import { ApiPaths } from './contracts/paths.ts';
import { AppsResponse, ConnectionResponse, type SourceId } from './contracts/sources.ts';
import type { Endpoint } from './api.ts';

/** GET /api/v1/apps: the source apps a CRM can be transferred from. */
export const listApps: Endpoint<AppsResponse> = { method: 'GET', path: ApiPaths.apps, response: AppsResponse };

/** GET /api/v1/guide: the User guide checklist with the state of each step. */
export const getGuide: Endpoint<GuideResponse> = { method: 'GET', path: ApiPaths.guide, response: GuideResponse };

/** POST /api/v1/connect-tickets: a single-use link that starts connecting a source account. */
export const createConnectTicket: Endpoint<ConnectTicketResponse, ConnectTicketRequest> = {
  method: 'POST',
  path: ApiPaths.connectTickets,
  request: ConnectTicketRequest,
  response: ConnectTicketResponse,
};

/** GET /api/v1/connections/:source: this portal's connection to one source app (polled while connecting). */
export const getConnection = (source: SourceId): Endpoint<ConnectionResponse> => ({
  method: 'GET',
  path: ApiPaths.connection(source),
  response: ConnectionResponse,
});
