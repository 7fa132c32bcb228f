import { bootRuntime, exitOnConfigError, stopOnSignals } from './runtime.js';

/** `npm run worker`: a process that only runs queued jobs; start as many as needed against one Postgres. */
async function main(): Promise<void> {
  const runtime = await bootRuntime('worker');
  runtime.logger.info({ concurrency: runtime.env.WORKER_CONCURRENCY }, 'worker started');
  process.stdout.write('Smart Transfer worker is running\n');
  stopOnSignals(() => runtime.close());
}

main().catch((error: unknown) => {
  exitOnConfigError(error);
  process.stderr.write(
    `Smart Transfer worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
