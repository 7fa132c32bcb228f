import type { Endpoint } from '../api.ts';
import { DownloadLinkResponse } from '../contracts/audit.ts';
import { PortalPropertiesResponse, type PropertyValueType } from '../contracts/hubspot-properties.ts';
import { ApiPaths } from '../contracts/paths.ts';
import { SettingsResponse, UpdateSettingsRequest } from '../contracts/settings.ts';
import { SetupResponse, SetupReview, StartSetupRequest, TransferErrorsPage } from '../contracts/setup.ts';
import type { SourceId } from '../contracts/sources.ts';

/** GET /api/v1/connections/:source/settings: the settings in force, with their locks, readiness and carried-over changes. */
export const getSettings = (source: SourceId): Endpoint<SettingsResponse> => ({
  method: 'GET',
  path: ApiPaths.settings(source),
  response: SettingsResponse,
});

/** PATCH /api/v1/connections/:source/settings: changes some settings (made on the audit `auditId` names). */
export const updateSettings = (source: SourceId): Endpoint<SettingsResponse, UpdateSettingsRequest> => ({
  method: 'PATCH',
  path: ApiPaths.settings(source),
  request: UpdateSettingsRequest,
  response: SettingsResponse,
});

/** GET /api/v1/hubspot/properties/:object?valueType=…: the portal's properties, and which can take such a field. */
export const getPortalProperties = (
  object: string,
  valueType: PropertyValueType,
): Endpoint<PortalPropertiesResponse> => ({
  method: 'GET',
  path: `${ApiPaths.portalProperties(object)}?valueType=${valueType}`,
  response: PortalPropertiesResponse,
});

/** GET /api/v1/setup/review?source=…: what setup would create, reuse, skip or fail now (nothing is written). */
export const getSetupReview = (source: SourceId): Endpoint<SetupReview> => ({
  method: 'GET',
  path: `${ApiPaths.setupReview}?source=${source}`,
  response: SetupReview,
});

/** POST /api/v1/setup: starts the setup transfer (202, the transfer and its job). */
export const startSetup: Endpoint<SetupResponse, { source: SourceId }> = {
  method: 'POST',
  path: ApiPaths.setup,
  request: StartSetupRequest,
  response: SetupResponse,
};

/** GET /api/v1/setup?source=…: the latest setup transfer of a source (404 before the first one). */
export const getLatestSetup = (source: SourceId): Endpoint<SetupResponse> => ({
  method: 'GET',
  path: `${ApiPaths.setup}?source=${source}`,
  response: SetupResponse,
});

/** GET /api/v1/setup/:id: one setup transfer (polled while it runs). */
export const getSetupTransfer = (id: string): Endpoint<SetupResponse> => ({
  method: 'GET',
  path: ApiPaths.setupTransfer(id),
  response: SetupResponse,
});

/** GET /api/v1/transfers/:id/errors?q=&page=&pageSize=: one page of a transfer's error log. */
export const getTransferErrors = (
  id: string,
  query: { q: string; page: number; pageSize: number },
): Endpoint<TransferErrorsPage> => {
  const search = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.q.trim() !== '') search.set('q', query.q.trim());
  return { method: 'GET', path: `${ApiPaths.transferErrors(id)}?${search.toString()}`, response: TransferErrorsPage };
};

/** POST /api/v1/transfers/:id/errors/export-link: a short-lived, single-use link to the error log's CSV. */
export const createErrorsExportLink = (id: string): Endpoint<DownloadLinkResponse> => ({
  method: 'POST',
  path: ApiPaths.transferErrorsExportLink(id),
  response: DownloadLinkResponse,
});
