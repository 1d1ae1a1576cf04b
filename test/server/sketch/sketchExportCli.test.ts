import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docNameFor } from '../../../shared/docs/docName.js';
import { strokesMap } from '../../../shared/sketch/sketchLayout.js';
import { withWorkspace } from '../../../server/plan/storeAccess.js';
import { runCliToEnd, startServe, type CliResult } from '../../helpers/cliProcess.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { showcaseDoc, sketchDoc } from '../export/exportFixtures.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
  withWorkspace(temp.dir, (access) => {
    access.change(docNameFor('sketch', 'talk'), (doc) => {
      const source = showcaseDoc();
      strokesMap(source).set('broken', { v: 1, brush: 'fineliner' });
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    });
    access.change(docNameFor('sketch', 'wall'), (doc) =>
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(sketchDoc('panorama', []))),
    );
  });
});
afterEach(() => temp.cleanup());

/** Runs `mitschrift sketch export SKETCH --format FORMAT [flags] --data <workspace> --out OUT`. */
function exportSketch(sketch: string, format: string, out: string, flags: string[] = []): Promise<CliResult> {
  return runCliToEnd([
    'sketch',
    'export',
    sketch,
    '--format',
    format,
    ...flags,
    '--data',
    temp.dir,
    '--out',
    out,
  ]);
}

// Each case starts CLI processes (about a second each); allow for a loaded machine.
describe('mitschrift sketch export --format png|svg|pdf', { timeout: 120_000 }, () => {
  it('writes PNG, SVG and PDF, naming what it wrote and what it left out', async () => {
    const png = join(temp.dir, 'talk.png');
    const made = await exportSketch('talk', 'png', png, ['--dpi', '150']);
    expect(made.code).toBe(0);
    expect(made.stderr).toContain('warning: left out the malformed stroke broken:');
    expect(made.stderr).toContain(`Wrote ${png} (PNG 1755 x 1241 px at 150 dpi, 14 items).`);
    const image = PNG.sync.read(readFileSync(png));
    expect([image.width, image.height]).toEqual([1755, 1241]);

    const svg = join(temp.dir, 'talk.svg');
    const madeSvg = await exportSketch('talk', 'svg', svg);
    expect(madeSvg.code).toBe(0);
    expect(madeSvg.stderr).toContain(`Wrote ${svg} (SVG 297.1 x 210.1 mm, 14 items).`);
    expect(readFileSync(svg, 'utf8')).toContain('Stadtgespräch');

    const pdf = join(temp.dir, 'talk.pdf');
    const madePdf = await exportSketch('talk', 'pdf', pdf);
    expect(madePdf.code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exports while a core serves the same workspace', async () => {
    const server = await startServe(['--port', '0', '--data', temp.dir]);
    try {
      const out = join(temp.dir, 'live.svg');
      const made = await exportSketch('talk', 'svg', out);
      expect(made.stderr).not.toContain('in use by another');
      expect(made.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain('</svg>');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('refuses bad flags and unknown sketches with a clear message, writing nothing', async () => {
    const out = join(temp.dir, 'x.png');
    const base = ['sketch', 'export', 'talk', '--data', temp.dir];
    const cases: Array<[string[], number, RegExp]> = [
      [
        [...base, '--format', 'gif', '--out', out],
        2,
        /--format must be png, svg, pdf or excalidraw, not "gif"/,
      ],
      [[...base, '--format', 'png', '--dpi', 'lots', '--out', out], 2, /--dpi must be a number, not "lots"/],
      [[...base, '--format', 'png', '--dpi', '5', '--out', out], 2, /--dpi: the DPI must be 10 to 2400/],
      [
        [...base, '--format', 'png', '--dpi', '300', '--scale', '2', '--out', out],
        2,
        /--scale: give either a DPI or a scale, not both/,
      ],
      [
        [...base, '--format', 'svg', '--dpi', '300', '--out', out],
        2,
        /--dpi: a DPI or scale applies to PNG only \(SVG is vector\)/,
      ],
      [[...base, '--format', 'png'], 2, /--out FILE is needed for --format png/],
      [
        [...base, '--format', 'excalidraw', '--scale', '2'],
        2,
        /--dpi and --scale apply to --format png only/,
      ],
      [
        ['sketch', 'export', 'nope', '--format', 'png', '--data', temp.dir, '--out', out],
        1,
        /there is no sketchnote "nope"/,
      ],
      [
        ['sketch', 'export', 'wall', '--format', 'png', '--dpi', '2400', '--data', temp.dir, '--out', out],
        1,
        /A PNG of 200000 x 50000 pixels is too large/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCliToEnd(args);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.code, args.join(' ')).toBe(code);
    }
    expect(existsSync(out)).toBe(false);
  });
});
