import type { SetupItem } from './setup-items.js';

/**
 * A deterministic crash point for the restart tests only: with SMART_TRANSFER_TEST_CRASH_AFTER_CREATE set to
 * `<itemType>:<itemKey>`, the worker kills itself (SIGKILL, no clean-up) right after HubSpot created that
 * item and before the ledger confirms it. Unset in every real deployment.
 */
export function crashAfterCreate(item: SetupItem): void {
  const target = process.env.SMART_TRANSFER_TEST_CRASH_AFTER_CREATE;
  if (target && target === `${item.itemType}:${item.itemKey}`) process.kill(process.pid, 'SIGKILL');
}
