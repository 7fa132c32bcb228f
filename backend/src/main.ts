import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { installDemo } from './demo.js';
import { bootRuntime, stopOnSignals } from './runtime.js';

/** `npm start`: the HTTP backend (and, by default, job workers in the same process). */
async function main(): Promise<void> {
  const runtime = await bootRuntime('web');
  const { env, services } = runtime;
  const server: Server = await new Promise((resolve) => {
    const listening = services.app.listen(env.PORT, env.HOST, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  if (runtime.demo) await installDemo(runtime);

  const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`;
  process.stdout.write(
    [
      '',
      `Smart Transfer is running${runtime.demo ? ' in demo mode (local HubSpot and Pipedrive sandboxes; the demo database is reset at each start)' : ''}`,
      `  API:     ${url}`,
      `  Health:  ${url}/healthz`,
      `  Install: ${url}/oauth/hubspot/install`,
      '',
    ].join('\n'),
  );
  stopOnSignals(async () => {
    server.close();
    await runtime.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Smart Transfer failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
