import { z } from 'zod';

/** Apps a CRM can be transferred from. Only Pipedrive is available today; the others follow. */
export const SourceId = z.enum(['pipedrive', 'zoho', 'salesforce', 'activecampaign']);
export type SourceId = z.infer<typeof SourceId>;

export const SourceAvailability = z.enum(['available', 'coming_soon']);
export type SourceAvailability = z.infer<typeof SourceAvailability>;

export const ConnectionStatus = z.enum(['not_connected', 'connected', 'reconnect_needed']);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

export const SourceApp = z.object({
  id: SourceId,
  name: z.string(),
  description: z.string(),
  availability: SourceAvailability,
  connectionStatus: ConnectionStatus,
});
export type SourceApp = z.infer<typeof SourceApp>;

/** GET /api/v1/apps */
export const AppsResponse = z.object({ apps: z.array(SourceApp) });
export type AppsResponse = z.infer<typeof AppsResponse>;

/** GET /api/v1/connections/:source — polled by the UI while the user approves access in another tab. */
export const ConnectionResponse = z.object({
  source: SourceId,
  status: ConnectionStatus,
  accountName: z.string().nullable(),
  /** Why a reconnect is needed, in words for the user. */
  reason: z.string().nullable(),
  connectedAt: z.string().nullable(),
});
export type ConnectionResponse = z.infer<typeof ConnectionResponse>;
