/**
 * `npm run worker` with the setup tests' selection (scenarioSelection) in place of the settings module's,
 * which is not merged yet: a real worker process the restart test can kill.
 */
import { bootRuntime, stopOnSignals } from '../../backend/src/runtime.js';
import { scenarioSelection } from './setup-scenario.js';

const runtime = await bootRuntime('worker', { setupSelection: (plan) => scenarioSelection(plan) });
process.stdout.write('Smart Transfer worker is running\n');
stopOnSignals(() => runtime.close());
