import { listen, startBanner } from './http/listen.js';
import { bootRuntime, exitOnConfigError, stopOnSignals } from './runtime.js';

/** The production web process: the HTTP backend (and, by default, job workers in the same process). */
async function main(): Promise<void> {
  const runtime = await bootRuntime('web');
  const { env, services } = runtime;
  const { server, displayUrl } = await listen(services.app, env.HOST, env.PORT);
  process.stdout.write(startBanner(displayUrl, 'Smart Transfer is running'));
  stopOnSignals(async () => {
    server.close();
    await runtime.close();
  });
}

main().catch((error: unknown) => {
  exitOnConfigError(error);
  process.stderr.write(`Smart Transfer failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
