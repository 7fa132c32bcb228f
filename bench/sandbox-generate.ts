/**
 * `npm run bench:sandbox -- --records N`: generates N records with the seeded generator into the
 * Pipedrive sandbox's in-memory store and prints a JSON summary as its last line:
 * { records, seconds, peakRssMb }.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PipedriveSandboxState } from '../sandbox/pipedrive/index.js';

const { values } = parseArgs({
  options: { records: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' } },
});
const records = Number(values.records);
const seed = Number(values.seed);
if (!Number.isSafeInteger(records) || records < 0 || !Number.isSafeInteger(seed))
  throw new Error('--records and --seed must be integers');

const state = new PipedriveSandboxState({ dataset: { records: 0, seed } });
const started = performance.now();
const counts = state.loadSource({ records, seed });
const seconds = (performance.now() - started) / 1000;
if (!counts) throw new Error('the generator reported no counts');

const generated = Object.values(counts).reduce((sum, count) => sum + count, 0);
console.log(`generated ${generated} records in ${seconds.toFixed(1)} s: ${JSON.stringify(counts)}`);
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ records: generated, seconds: Number(seconds.toFixed(2)), peakRssMb }));
