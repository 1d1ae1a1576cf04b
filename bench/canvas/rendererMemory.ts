import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Resident memory of Chromium's renderer processes, read from /proc/<pid>/status (VmRSS, VmHWM).
 * The JS heap alone misses canvas backing stores, Skia paths and Blink's own memory, which is
 * where a canvas app's memory goes. Renderer pids come from CDP `SystemInfo.getProcessInfo`.
 */

export interface ProcessMemory {
  pid: number;
  rssMB: number;
  /** Peak resident size ("high water mark"). */
  hwmMB: number;
}

function readStatus(pid: number): ProcessMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { pid, rssMB: Math.round(kb('VmRSS') / 102.4) / 10, hwmMB: Math.round(kb('VmHWM') / 102.4) / 10 };
  } catch {
    return null;
  }
}

/** Memory of every renderer process of the browser, largest first. */
export async function rendererMemory(browser: Browser): Promise<ProcessMemory[]> {
  const session = await browser.newBrowserCDPSession();
  try {
    const info = (await session.send('SystemInfo.getProcessInfo')) as {
      processInfo: Array<{ type: string; id: number }>;
    };
    return info.processInfo
      .filter((p) => p.type === 'renderer')
      .map((p) => readStatus(p.id))
      .filter((m): m is ProcessMemory => m !== null)
      .sort((a, b) => b.rssMB - a.rssMB);
  } finally {
    await session.detach();
  }
}
