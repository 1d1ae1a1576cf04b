import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withWorkspace } from '../server/plan/storeAccess.js';
import { writeBenchEvent, writeSyntheticSketch } from './exportWorkspace.js';
import type { Benchmark, BenchRow } from './types.js';

/**
 * `npm run bench -- export`: the CLI from source (tsx), each run its own process, wall time and
 * peak memory (max RSS, from /usr/bin/time) and output size:
 * - `mitschrift export` of a 25-session event (two pages of notes, a 5,000-stroke A0 sketchnote
 *   and two 12-megapixel photos per session) as one ZIP, public profile: the first export, and
 *   again with nothing changed;
 * - `mitschrift sketch export` of a 20,000-stroke A0 sketchnote as PNG at 300 dpi, SVG and PDF,
 *   and of a 4:1 panorama as PNG at 300 dpi.
 * `--quick` makes a 3-session event and skips the 20,000-stroke sheet.
 */

const ROOT = resolve(import.meta.dirname, '..');
const CLI = resolve(ROOT, 'server/cli/main.ts');

function run(args: string[]): { seconds: number; maxRssMb: number } {
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', 'TIME %e %M', process.execPath, '--import', 'tsx/esm', CLI, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } },
  );
  const line = /TIME ([0-9.]+) ([0-9]+)/.exec(result.stderr);
  if (result.status !== 0 || !line) {
    throw new Error(`export failed (${result.status}): ${result.stderr}`);
  }
  return { seconds: Number(line[1]), maxRssMb: Math.round(Number(line[2]) / 1024) };
}

const mb = (path: string): number => Math.round((statSync(path).size / 1024 / 1024) * 10) / 10;

export const exportBenchmark: Benchmark = {
  description:
    'event bundle (25 sessions) and sketch export (20,000-stroke A0 as PNG 300 dpi, SVG, PDF; 4:1 panorama PNG 300 dpi)',
  async run({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'mitschrift-bench-export-'));
    try {
      const rows: BenchRow[] = [];
      const sessions = quick ? 3 : 25;
      const eventId = await writeBenchEvent(dir, { sessions, strokes: 5_000, photos: 2 });
      for (const pass of ['first', 'again, unchanged']) {
        const out = join(dir, `bundle-${rows.length}.zip`);
        const measured = run(['export', eventId, '--zip', '--data', dir, '--out', out]);
        rows.push({
          case: `event bundle, ${sessions} sessions, ZIP (${pass})`,
          ...measured,
          fileMb: mb(out),
        });
      }
      withWorkspace(dir, (access) => {
        writeSyntheticSketch(access, 'a0', 'a0', quick ? 5_000 : 20_000);
        writeSyntheticSketch(access, 'pano', 'panorama', 5_000);
      });
      const label = quick ? '5k' : '20k';
      const cases: Array<[string, string, string[]]> = [
        [`A0 ${label} strokes PNG 300 dpi`, 'a0', ['--format', 'png', '--dpi', '300']],
        [`A0 ${label} strokes SVG`, 'a0', ['--format', 'svg']],
        [`A0 ${label} strokes PDF`, 'a0', ['--format', 'pdf']],
        ['panorama 4:1 PNG 300 dpi', 'pano', ['--format', 'png', '--dpi', '300']],
      ];
      for (const [name, id, flags] of cases) {
        const out = join(dir, `${id}-${flags[1] ?? ''}`);
        const measured = run(['sketch', 'export', id, ...flags, '--data', dir, '--out', out]);
        rows.push({ case: name, ...measured, fileMb: mb(out) });
      }
      return { rows };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
