import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; NaN if gone. */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; fields after it start at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Resident set size of a process in MiB, from /proc/<pid>/status; NaN if gone. */
function processRssMiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Busy CPU seconds of the whole machine so far (all cores), from /proc/stat. */
function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND;
}

/** What a measured window cost: the server, our own processes, and everything else on the machine. */
export interface CpuWindow {
  seconds: number;
  serverCpuSeconds: number;
  /** Server CPU as a share of one core, in percent. */
  serverCpuPercent: number;
  serverPeakRssMiB: number;
  /** CPU of the benchmark's own processes (parent and client workers), in cores. */
  clientCores: number;
  /** CPU used by other processes on the machine meanwhile, in cores, and as percent of all cores. */
  otherCores: number;
  otherPercentOfMachine: number;
}

/**
 * Measures a window: call the returned function at its end. Samples the server's RSS every 100 ms
 * for its peak.
 */
export function startCpuWindow(serverPids: number[], ownPids: number[]): () => CpuWindow {
  const t0 = performance.now();
  const server0 = sum(serverPids.map(processCpuSeconds));
  const own0 = sum(ownPids.map(processCpuSeconds));
  const machine0 = machineBusySeconds();
  let peak = sum(serverPids.map(processRssMiB));
  const sampler = setInterval(() => {
    peak = Math.max(peak, sum(serverPids.map(processRssMiB)));
  }, 100);
  return () => {
    clearInterval(sampler);
    const seconds = (performance.now() - t0) / 1000;
    const server = sum(serverPids.map(processCpuSeconds)) - server0;
    const own = sum(ownPids.map(processCpuSeconds)) - own0;
    const machine = machineBusySeconds() - machine0;
    const other = Math.max(0, machine - server - own);
    peak = Math.max(peak, sum(serverPids.map(processRssMiB)));
    return {
      seconds: round(seconds, 2),
      serverCpuSeconds: round(server, 2),
      serverCpuPercent: round((100 * server) / seconds, 1),
      serverPeakRssMiB: round(peak, 1),
      clientCores: round(own / seconds, 2),
      otherCores: round(other / seconds, 2),
      otherPercentOfMachine: round((100 * other) / seconds / cpus().length, 1),
    };
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
