import { ErrorEnvelope } from './contracts/errors.ts';

/** One refused input a 4xx names: where (a path into the body, e.g. `exchangeRates.EUR`) and why. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A failed backend call, with a message written for the person looking at the page. */
export class ApiError extends Error {
  constructor(
    /** The backend's error code, or one of ours: `network`, `invalid_response`, `http_<status>`. */
    readonly code: string,
    message: string,
    readonly status?: number,
    /** The inputs the backend refused, to show next to the fields they name. */
    readonly details: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const UNREACHABLE = "We couldn't reach Smart Transfer. Check your connection, then try again in a moment.";
const UNREADABLE =
  "Smart Transfer sent an answer this page can't read. Reload the page; if it keeps happening, contact support.";
const NOT_VERIFIED = "HubSpot couldn't confirm who is asking. Reload the page and try again.";

/** The backend's own messages are written for users, except those about the request's signature. */
const REWORDED: Record<string, string> = {
  signature_missing: NOT_VERIFIED,
  signature_stale: NOT_VERIFIED,
  signature_mismatch: NOT_VERIFIED,
  identity_missing: NOT_VERIFIED,
};

function messageForStatus(status: number): string {
  if (status === 401 || status === 403) {
    return "Smart Transfer couldn't confirm this HubSpot account. Reload the page; if it keeps happening, reinstall the app.";
  }
  if (status === 404) return "This part of Smart Transfer isn't available yet.";
  if (status === 429) return 'Smart Transfer is busy right now. Wait a few seconds, then try again.';
  return 'Something went wrong on the Smart Transfer side. Try again in a moment.';
}

/**
 * HubSpot's fetch proxy may answer an app-server error itself (502 BAD_GATEWAY "Error returned from
 * Request Uri") with our status in `context.appServerStatusCode`: that status says more than the 502.
 */
function appServerStatus(body: unknown): number | null {
  const context = (body as { context?: { appServerStatusCode?: unknown } } | null)?.context;
  const code = Array.isArray(context?.appServerStatusCode)
    ? context.appServerStatusCode[0]
    : context?.appServerStatusCode;
  const status = Number(code);
  return Number.isInteger(status) && status >= 300 && status <= 599 ? status : null;
}

/** The `details` entries shaped `{ path, message }`; anything else in `details` is not about fields. */
function fieldProblems(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (entry): entry is FieldProblem =>
      typeof (entry as FieldProblem | null)?.path === 'string' &&
      typeof (entry as FieldProblem | null)?.message === 'string',
  );
}

/** Turns an error response (status + parsed body, if any) into an ApiError a user can act on. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const envelope = ErrorEnvelope.safeParse(body);
  if (!envelope.success) {
    const appStatus = appServerStatus(body) ?? status;
    return new ApiError(`http_${appStatus}`, messageForStatus(appStatus), appStatus);
  }
  const { code, message, details } = envelope.data.error;
  return new ApiError(code, REWORDED[code] ?? message, status, fieldProblems(details));
}

export const unreachable = (): ApiError => new ApiError('network', UNREACHABLE);
export const unreadable = (status: number): ApiError => new ApiError('invalid_response', UNREADABLE, status);
export const unsendable = (): ApiError =>
  new ApiError(
    'invalid_request',
    "This page tried to send something Smart Transfer can't accept. Reload the page and try again.",
  );

/** Anything thrown while calling the backend, as an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('unexpected', 'Something went wrong on this page. Reload it and try again.');
}
