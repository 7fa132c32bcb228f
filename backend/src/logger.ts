import pino, { type Logger } from 'pino';

/** Paths pino blanks out wherever they appear: tokens, secrets and codes must never reach a log. */
const REDACTED = [
  '*.access_token', '*.refresh_token', '*.accessToken', '*.refreshToken', '*.token', '*.code', '*.state',
  '*.client_secret', '*.clientSecret', '*.password', '*.authorization', '*.headers.authorization', '*.properties',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED, censor: '[redacted]' } }, destination);
}
