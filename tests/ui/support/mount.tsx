import type { RenderedRootNode } from '@hubspot/ui-extensions/testing';
import { afterEach, expect, jest } from '@jest/globals';
import { type ReactNode, useState } from 'react';
import { takeUnplannedCalls } from './backend.ts';

/**
 * The test renderer has no unmount, so a page would stay mounted after its test, and effects it has
 * not run yet (e.g. the connection watch) would run during the next test, against that test's fake
 * backend. `mount` renders the page inside a switch that `unmountAll` (afterEach) turns off.
 */
interface Switch {
  off: () => void;
}

function Mounted({ control, children }: { control: Switch; children: ReactNode }) {
  const [on, setOn] = useState(true);
  control.off = () => setOn(false);
  return on ? <>{children}</> : null;
}

interface MountTarget {
  render: (node: ReactNode) => RenderedRootNode;
  getRootNode: () => RenderedRootNode;
  waitFor: (check: () => void) => Promise<void>;
}

const mounted: Array<() => Promise<void>> = [];

export function mount(renderer: MountTarget, node: ReactNode): void {
  const control: Switch = { off: () => undefined };
  renderer.render(<Mounted control={control}>{node}</Mounted>);
  mounted.push(async () => {
    control.off();
    await renderer.waitFor(() => expect(renderer.getRootNode().childNodes).toEqual([]));
  });
}

export async function unmountAll(): Promise<void> {
  for (const unmount of mounted.splice(0)) await unmount();
}

/**
 * After each test: unmount what it rendered, then real timers and the real hubspot.fetch again; and
 * fail the test if its page called the backend on a route the test did not plan for.
 */
export function cleanUpAfterEach(): void {
  afterEach(async () => {
    await unmountAll();
    jest.useRealTimers();
    jest.restoreAllMocks();
    expect(takeUnplannedCalls()).toEqual([]);
  });
}
