import { rateLimit } from 'express-rate-limit';

/** Unauthenticated entry points (OAuth, connect start, downloads): requests per client address per minute. */
export const PUBLIC_REQUESTS_PER_MINUTE = 30;

/**
 * A per-client-address limit for the public routes; 429 with `Retry-After` and our error shape. The
 * address is the socket's unless TRUST_PROXY names how many proxy hops may set X-Forwarded-For (the app's
 * `trust proxy`), so a client cannot pick its own address.
 */
export function publicRateLimit(limit = PUBLIC_REQUESTS_PER_MINUTE) {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // X-Forwarded-For without TRUST_PROXY is expected (and ignored), not a misconfiguration to warn about.
    validate: { xForwardedForHeader: false },
    message: {
      error: { code: 'rate_limited', message: 'Too many requests from this address. Wait a minute and try again.' },
    },
  });
}
