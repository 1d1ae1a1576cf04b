import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { docNameFor } from '../shared/docs/docName.js';
import { metaMap, strokesMap, type SheetFormat } from '../shared/sketch/sketchLayout.js';
import { encodeStroke } from '../shared/sketch/strokeCodec.js';
import { syntheticSketch } from '../shared/sketch/synthetic.js';
import { withWorkspace } from '../server/plan/storeAccess.js';
import type { Benchmark } from './types.js';

/**
 * `npm run bench -- export`: `mitschrift sketch export` of a 20,000-stroke A0 sketchnote as PNG at
 * 300 dpi, SVG and PDF, and of a 4:1 panorama as PNG at 300 dpi: wall time, peak memory (max RSS
 * of the CLI process, from /usr/bin/time) and file size. Runs the CLI from source (tsx).
 */

const ROOT = resolve(import.meta.dirname, '..');
const CLI = resolve(ROOT, 'server/cli/main.ts');

function makeSketch(dataDir: string, id: string, format: SheetFormat, strokes: number): void {
  withWorkspace(dataDir, (access) =>
    access.change(docNameFor('sketch', id), (doc) => {
      metaMap(doc).set('format', format);
      const map = strokesMap(doc);
      const scaleX = format === 'panorama' ? 8000 / 4494 : 1;
      const scaleY = format === 'panorama' ? 2000 / 3179 : 1;
      for (const { id: strokeId, ...stroke } of syntheticSketch(strokes)) {
        const xyp = stroke.points.xyp.slice();
        for (let i = 0; i < xyp.length; i += 3) {
          xyp[i] = (xyp[i] ?? 0) * scaleX;
          xyp[i + 1] = (xyp[i + 1] ?? 0) * scaleY;
        }
        map.set(strokeId, encodeStroke({ ...stroke, points: { xyp, hasPressure: true } }));
      }
    }),
  );
}

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

export const exportBenchmark: Benchmark = {
  description: 'sketch export: 20,000-stroke A0 as PNG 300 dpi, SVG, PDF; 4:1 panorama PNG 300 dpi',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'mitschrift-bench-export-'));
    try {
      makeSketch(dir, 'a0', 'a0', 20_000);
      makeSketch(dir, 'pano', 'panorama', 5_000);
      const cases: Array<[string, string, string[]]> = [
        ['A0 20k strokes PNG 300 dpi', 'a0', ['--format', 'png', '--dpi', '300']],
        ['A0 20k strokes SVG', 'a0', ['--format', 'svg']],
        ['A0 20k strokes PDF', 'a0', ['--format', 'pdf']],
        ['panorama 4:1 PNG 300 dpi', 'pano', ['--format', 'png', '--dpi', '300']],
      ];
      const rows = cases.map(([name, id, flags]) => {
        const out = join(dir, `${id}-${flags[1] ?? ''}`);
        const measured = run(['sketch', 'export', id, ...flags, '--data', dir, '--out', out]);
        return { case: name, ...measured, fileMb: Math.round((statSync(out).size / 1024 / 1024) * 10) / 10 };
      });
      return { rows };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
