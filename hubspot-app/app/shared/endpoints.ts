import type { Endpoint } from './api.ts';
import { AuditComparison, AuditResponse, DownloadLinkResponse, StartAuditRequest } from './contracts/audit.ts';
import { ConnectTicketRequest, ConnectTicketResponse } from './contracts/connect.ts';
import { GuideResponse } from './contracts/guide.ts';
import { Job, type JobAction } from './contracts/jobs.ts';
import { ApiPaths } from './contracts/paths.ts';
import { AppsResponse, ConnectionResponse, type SourceId } from './contracts/sources.ts';

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

/** DELETE /api/v1/connections/:source: forgets the source account's access; answers the connection as it now is. */
export const disconnectSource = (source: SourceId): Endpoint<ConnectionResponse> => ({
  method: 'DELETE',
  path: ApiPaths.connection(source),
  response: ConnectionResponse,
});

/** POST /api/v1/audits: starts auditing the connected source account (202, the audit's job). */
export const startAudit: Endpoint<AuditResponse, { source: SourceId }> = {
  method: 'POST',
  path: ApiPaths.audits,
  request: StartAuditRequest,
  response: AuditResponse,
};

/** GET /api/v1/audits?source=…: the latest audit of a source (404 `no_audit` before the first one). */
export const getLatestAudit = (source: SourceId): Endpoint<AuditResponse> => ({
  method: 'GET',
  path: `${ApiPaths.audits}?source=${source}`,
  response: AuditResponse,
});

/** GET /api/v1/audits/:id: one audit's job and, once complete, its result (polled while it runs). */
export const getAudit = (id: string): Endpoint<AuditResponse> => ({
  method: 'GET',
  path: ApiPaths.audit(id),
  response: AuditResponse,
});

/** GET /api/v1/audits/:id/comparison: what changed since the audit before it (404 `no_previous_audit` for the first). */
export const getAuditComparison = (id: string): Endpoint<AuditComparison> => ({
  method: 'GET',
  path: ApiPaths.auditComparison(id),
  response: AuditComparison,
});

/** POST /api/v1/audits/:id/export-link: a short-lived, single-use link to the audit's CSV. */
export const createAuditExportLink = (id: string): Endpoint<DownloadLinkResponse> => ({
  method: 'POST',
  path: ApiPaths.auditExportLink(id),
  response: DownloadLinkResponse,
});

/** POST /api/v1/jobs/:id/pause | resume | cancel: the job as it is after the change. */
export const controlJob = (id: string, action: JobAction): Endpoint<Job> => ({
  method: 'POST',
  path: ApiPaths.jobAction(id, action),
  response: Job,
});
