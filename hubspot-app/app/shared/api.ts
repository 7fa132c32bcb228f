import { type BaseContext, type FetchHttpMethod, hubspot } from '@hubspot/ui-extensions';
import type { z } from 'zod';
import { errorFromResponse, unreachable, unreadable, unsendable } from './api-error.ts';
import { API_ORIGIN, REQUEST_TIMEOUT_MS } from './config.ts';

/** One backend endpoint from the contracts: where it is and what it takes and answers. */
export interface Endpoint<TResponse, TBody extends Record<string, unknown> = never> {
  readonly method: FetchHttpMethod;
  readonly path: string;
  readonly request?: z.ZodType<TBody>;
  readonly response: z.ZodType<TResponse>;
}

/** Who is asking, from the extension context (see "Portal identity" in ARCHITECTURE.md). */
export interface PortalIdentity {
  readonly portalId: number;
  readonly userId: number;
}

export const identityOf = (context: BaseContext): PortalIdentity => ({
  portalId: context.portal.id,
  userId: context.user.id,
});

/**
 * The full URL of a call. portalId and userId go into the query string so that HubSpot's request
 * signature covers them; the backend rejects a request whose copies of them disagree.
 */
export function apiUrl(path: string, identity: PortalIdentity): string {
  const url = new URL(path, API_ORIGIN);
  url.searchParams.set('portalId', String(identity.portalId));
  url.searchParams.set('userId', String(identity.userId));
  return url.toString();
}

/** The body as the contract allows it; a body the contract rejects is never sent. */
function checkedBody<TBody extends Record<string, unknown>>(endpoint: Endpoint<unknown, TBody>, body: TBody): TBody {
  if (endpoint.request === undefined) return body;
  const parsed = endpoint.request.safeParse(body);
  if (!parsed.success) throw unsendable();
  return parsed.data;
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return (await res.json()) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Calls the backend through `hubspot.fetch` (HubSpot signs the request) and returns the answer checked
 * against the endpoint's schema. Every failure is an ApiError with a message for the user.
 */
export async function callApi<TResponse, TBody extends Record<string, unknown> = never>(
  endpoint: Endpoint<TResponse, TBody>,
  identity: PortalIdentity,
  body?: TBody,
): Promise<TResponse> {
  const payload = body === undefined ? undefined : checkedBody(endpoint, body);
  let res: Response;
  try {
    res = await hubspot.fetch(apiUrl(endpoint.path, identity), {
      method: endpoint.method,
      timeout: REQUEST_TIMEOUT_MS,
      ...(payload === undefined ? {} : { body: payload }),
    });
  } catch {
    throw unreachable();
  }
  const json = await readJson(res);
  if (!res.ok) throw errorFromResponse(res.status, json);
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) throw unreadable(res.status);
  return parsed.data;
}
