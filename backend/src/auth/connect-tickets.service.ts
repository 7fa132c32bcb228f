import type { SourceId } from '../../../shared/src/contracts/index.js';
import { invalid } from '../domain-errors.js';
import type { SourceRegistry } from '../sources/source-registry.js';
import type { OAuthStates } from './oauth-states.js';

const TICKET_TTL_MS = 10 * 60 * 1000;

export interface ConnectTicketHolder {
  portalId: number;
  userId: number;
  source: SourceId;
}

/**
 * A signed UI call cannot open an OAuth flow itself, so it asks for a single-use, short-lived ticket bound
 * to its portal and user, and opens our /oauth/<source>/start?ticket=… in a new tab.
 */
export function createConnectTickets(deps: {
  states: OAuthStates;
  publicApiOrigin: string;
  sources: Pick<SourceRegistry, 'find'>;
}) {
  return {
    async issue(holder: ConnectTicketHolder): Promise<{ connectUrl: string; expiresAt: Date }> {
      if (deps.sources.find(holder.source)?.availability !== 'available') {
        throw invalid('source_unavailable', 'Transfers from this app are not available yet.');
      }
      const { state: ticket, expiresAt } = await deps.states.issue('connect_ticket', { ...holder }, TICKET_TTL_MS);
      const url = new URL(`/oauth/${holder.source}/start`, deps.publicApiOrigin);
      url.searchParams.set('ticket', ticket);
      return { connectUrl: url.toString(), expiresAt };
    },

    /** The holder of a valid ticket (used up by this call), or null when unknown, used or expired. */
    async redeem(ticket: string, source: SourceId): Promise<ConnectTicketHolder | null> {
      const payload = await deps.states.consume('connect_ticket', ticket);
      if (!payload || payload.source !== source) return null;
      return { portalId: Number(payload.portalId), userId: Number(payload.userId), source };
    },
  };
}
export type ConnectTickets = ReturnType<typeof createConnectTickets>;
