import type { TransferSettings } from '../../../../shared/src/contracts/index.js';
import type { MappingPlan } from '../mapping/mapping-plan.js';
import { dataTypeLocks, withLockedValues } from './data-type-locks.js';
import { defaultSettings } from './default-settings.js';
import type { CurrencyUse } from './setup-readiness.js';

/** The defaults of an audit, with every data type the plan locks at the value it keeps (e.g. no meetings: off). */
export function planDefaults(plan: MappingPlan, currencies: readonly CurrencyUse[], auditId: string): TransferSettings {
  const settings = defaultSettings(auditId);
  return { ...settings, dataTypes: withLockedValues(settings.dataTypes, dataTypeLocks(plan, currencies)) };
}
