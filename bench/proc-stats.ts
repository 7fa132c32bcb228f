/**
 * CPU seconds and peak memory of processes, read from Linux's /proc (the benchmark's engine, sandbox and
 * Postgres processes). Postgres is a process tree: the postmaster (its pid is the first line of
 * `postmaster.pid`) and one backend per connection, so its CPU is the tree's, exited backends included
 * (the postmaster's cutime/cstime), and its memory is sampled as the tree's proportional set size.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TICKS_PER_SECOND = 100;

interface Stat {
  cpuSeconds: number;
  childrenCpuSeconds: number;
}

function statOf(pid: number): Stat | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name "(…)", which may hold spaces; fields[0] is field 3 (state).
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    const tick = (index: number) => Number(fields[index]) / TICKS_PER_SECOND;
    return { cpuSeconds: tick(11) + tick(12), childrenCpuSeconds: tick(13) + tick(14) };
  } catch {
    return null;
  }
}

/** user + system CPU seconds of one process (its own threads, not its children). */
export const cpuSecondsOf = (pid: number): number => statOf(pid)?.cpuSeconds ?? 0;

/** The kernel's peak resident set (VmHWM) of a process, in MB. */
export function peakRssMbOf(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** Starts a process's VmHWM again from its current resident set (Linux clear_refs "5"). */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not permitted (another user): the peak then covers the process's whole life.
  }
}

/** The kernel's list of a process's children (cheap: no scan of /proc, which would cost the engine's CPU). */
function childrenOf(parent: number): number[] {
  try {
    const raw = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim();
    return raw === '' ? [] : raw.split(' ').map(Number);
  } catch {
    return [];
  }
}

function pssKbOf(pid: number): number {
  try {
    const match = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The Postgres cluster in `dataDir`: CPU of the whole tree, and its memory sampled until stopped. */
export function watchPostgres(dataDir: string) {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let peakKb = 0;
  const sample = () => {
    const tree = [postmaster, ...childrenOf(postmaster)];
    peakKb = Math.max(
      peakKb,
      tree.reduce((sum, pid) => sum + pssKbOf(pid), 0),
    );
  };
  const timer = setInterval(sample, 5000);
  timer.unref();
  return {
    cpuSeconds(): number {
      const own = statOf(postmaster);
      const live = childrenOf(postmaster).reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
      return (own?.cpuSeconds ?? 0) + (own?.childrenCpuSeconds ?? 0) + live;
    },
    peakMb(): number {
      sample();
      return Math.round(peakKb / 1024);
    },
    resetPeak(): void {
      peakKb = 0;
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}

/**
 * This process's V8 heap (used, after the last collection or not), sampled every second until stopped: with
 * the peak RSS it tells a heap that grows with the account from the process's fixed floor (code, buffers).
 */
export function watchOwnHeap() {
  let peakBytes = 0;
  const sample = () => {
    peakBytes = Math.max(peakBytes, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 1000);
  timer.unref();
  return {
    peakMb(): number {
      sample();
      return Math.round(peakBytes / 1048576);
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
