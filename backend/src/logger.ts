import pino, { type Logger } from 'pino';

/** Paths pino blanks out wherever they appear: tokens, secrets and codes must never reach a log. */
const REDACTED = [
  '*.access_token',
  '*.refresh_token',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.code',
  '*.state',
  '*.client_secret',
  '*.clientSecret',
  '*.password',
  '*.authorization',
  '*.headers.authorization',
  '*.properties',
];

/**
 * Errors are logged by name, message, stack and status only: HTTP client errors carry the request (with its
 * Authorization header) and response bodies (with record contents) as properties.
 */
function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const status = (error as { status?: unknown; code?: unknown }).status ?? (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...(typeof status === 'number' || typeof status === 'string' ? { status } : {}),
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED, censor: '[redacted]' }, serializers: { err: serializeError } },
    destination,
  );
}
