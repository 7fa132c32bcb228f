/**
 * What the demo prints while it runs the main job: a progress bar redrawn in place on a terminal (plain
 * lines, at most one per tenth, when stdout is not a TTY), then a summary of what landed in HubSpot.
 */
import type { SyncResponse } from '../../../shared/src/contracts/index.js';
import type { MainJobEvents, MainJobResult, MainJobStep } from './main-job.js';

const STEP_LABELS: Record<MainJobStep, string> = {
  connect: 'Connecting Pipedrive',
  audit: 'Auditing the Pipedrive account',
  settings: 'Saving the default settings (exchange rates filled in)',
  setup: 'Preparing HubSpot (properties, pipelines, currencies, workflows)',
  sync: 'Syncing records',
};
const BAR_WIDTH = 30;

export function progressPrinter(out: NodeJS.WriteStream = process.stdout): MainJobEvents & { end(): void } {
  const tty = out.isTTY === true;
  let drawn = false;
  let lastTenth = -1;
  const endLine = () => {
    if (drawn) out.write('\n');
    drawn = false;
  };
  return {
    step(step) {
      endLine();
      out.write(`${STEP_LABELS[step]}…\n`);
    },
    syncProgress(done, total) {
      const share = total > 0 ? Math.min(done / total, 1) : 1;
      const text = `${done.toLocaleString('en')} / ${total.toLocaleString('en')} records (${Math.round(share * 100)} %)`;
      if (tty) {
        const filled = Math.round(share * BAR_WIDTH);
        out.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${text}`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      out.write(`  sync: ${text}\n`);
    },
    end: endLine,
  };
}

const pad = (text: string, width: number) => text.padEnd(width);
const num = (value: number) => value.toLocaleString('en').padStart(7);

/** Records per object, associations, errors, duration. */
export function summaryLines(result: MainJobResult): string[] {
  const { sync } = result;
  const tasks: SyncResponse['tasks'] = sync.tasks.filter((task) => task.object !== 'associations');
  const associations = sync.tasks.find((task) => task.object === 'associations');
  return [
    `The demo transfer is done: ${result.auditedRecords.toLocaleString('en')} Pipedrive records audited, ${sync.summary.read.toLocaleString('en')} read by the sync, in ${result.seconds.total} s (audit ${result.seconds.audit} s, setup ${result.seconds.setup} s, sync ${result.seconds.sync} s).`,
    `  ${pad('Pipedrive object', 20)} ${'created'.padStart(7)} ${'updated'.padStart(7)} ${'skipped'.padStart(7)} ${'failed'.padStart(7)}`,
    ...tasks.map(
      (task) =>
        `  ${pad(task.object, 20)} ${num(task.counts.created)} ${num(task.counts.updated)} ${num(task.counts.skipped)} ${num(task.counts.failed)}`,
    ),
    `  Associations: ${(associations?.counts.created ?? 0).toLocaleString('en')} created, ${(associations?.counts.skipped ?? 0).toLocaleString('en')} skipped, ${(associations?.counts.failed ?? 0).toLocaleString('en')} failed`,
    `  Errors: ${(sync.summary.failed + (associations?.counts.failed ?? 0)).toLocaleString('en')} (the error log is in the preview, Smart Transfer tab)`,
  ];
}
