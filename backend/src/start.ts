/**
 * `npm start`: the demo (sandboxes, preview, throw-away database) when nothing real is configured or
 * DEMO=1, the production web process otherwise; a partial configuration stops with the missing names.
 */
import { startMode } from './config/start-mode.js';
import { exitOnConfigError, loadEnv } from './runtime.js';

try {
  const mode = startMode(loadEnv(), process.env);
  await (mode === 'demo' ? import('./demo/main.js') : import('./main.js'));
} catch (error) {
  exitOnConfigError(error);
  throw error;
}
