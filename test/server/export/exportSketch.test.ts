import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-wasm';
import { FONT_FAMILIES } from '../../../shared/sketch/objects/objectFields.js';
import { FONT_METRICS } from '../../../shared/sketch/objects/textLayout.js';
import { objectsMap } from '../../../shared/sketch/objects/objectLayout.js';
import { strokesMap } from '../../../shared/sketch/sketchLayout.js';
import {
  ExportCancelledError,
  exportSketch,
  exportSketchToBuffer,
  readExportScene,
} from '../../../server/export/exportSketch.js';
import { writePng } from '../../../server/export/pngExport.js';
import { differingShare, inkShare } from '../../helpers/pixels.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { line, showcaseDoc, sketchDoc, stroke } from './exportFixtures.js';
import { rect } from '../../shared/sketch/objectsFixtures.js';

const hasPoppler = ['pdftoppm', 'pdffonts', 'pdfinfo'].every((tool) => {
  try {
    execFileSync('which', [tool]);
    return true;
  } catch {
    return false;
  }
});
if (!hasPoppler) {
  console.warn('skipped: the PDF checks need poppler-utils (pdftoppm, pdffonts, pdfinfo).');
}

let temp: ReturnType<typeof makeTempDir>;
beforeAll(async () => {
  temp = makeTempDir();
  // The PNG export initialises resvg (once per process); the SVG checks parse with it too.
  await exportSketchToBuffer(sketchDoc('a4', []), { format: 'png', scale: 0.05 });
});
afterAll(() => temp.cleanup());

function decodePng(bytes: Buffer): PNG {
  return PNG.sync.read(bytes);
}

describe('SVG export', () => {
  it('is well-formed SVG with every stroke as a path and every text as text, fonts embedded', async () => {
    const { bytes, mimeType } = await exportSketchToBuffer(showcaseDoc(), { format: 'svg' });
    expect(mimeType).toBe('image/svg+xml');
    const svg = bytes.toString('utf8');
    // resvg's XML parser is strict: a malformed document is refused.
    const parsed = new Resvg(svg, { font: { loadSystemFonts: false } });
    expect(parsed.width).toBeCloseTo(1123, 0);
    parsed.free();
    expect(svg).toMatch(/width="297.127mm" height="210.079mm" viewBox="0 0 1123 794"/);
    // Four strokes, each a filled path in its colour.
    for (const colour of ['#1e3a8a', '#dc2626', '#facc15']) {
      expect(svg).toContain(`fill="${colour}"`);
    }
    expect(svg.match(/<path d="M[^"]*Q[^"]*Z" fill="#/g)?.length).toBeGreaterThanOrEqual(4);
    // Highlighter at its brush's opacity.
    expect(svg).toMatch(/fill="#facc15" fill-opacity="0.35"/);
    // Texts as <text>, in the shipped faces, escaped.
    expect(svg).toContain('>Stadtgespräch: Straßen für alle</tspan>');
    expect(svg).toContain('>Łódź &amp; Kraków</tspan>');
    expect(svg).toContain('>zwei Zeilen</tspan>');
    expect(svg).toContain('>Atkinson sans, rotated</tspan>');
    expect(svg.match(/<text /g)?.length).toBe(3);
    expect(svg.match(/@font-face\{font-family:'Mitschrift (Hand|Sans|Serif)'/g)?.length).toBe(6);
    expect(svg).toContain('src:url(data:font/woff2;base64,d09GMg');
    // The image, embedded; the dashed arrow; the hatched ellipse.
    expect(svg).toMatch(/<image [^>]*href="data:image\/png;base64,iVBOR/);
    expect(svg).toMatch(/stroke-dasharray="6 8"/);
    expect(svg).toContain('fill="none" stroke="#bbf7d0"');
  });

  it('escapes hostile text and leaves out malformed entries, naming them', async () => {
    const doc = showcaseDoc();
    objectsMap(doc).set('evil', {
      ...(objectsMap(doc).get('t1') as object),
      text: '</text><script>alert(1)</script>\u0001',
    });
    strokesMap(doc).set('broken', { v: 1, brush: 'fineliner', points: 'not base64' });
    objectsMap(doc).set('nan', { v: 1, kind: 'rect', x: Number.NaN });
    const scene = readExportScene(doc);
    expect(scene.rejected.map((r) => r.id).sort()).toEqual(['broken', 'nan']);
    const svg = (await exportSketchToBuffer(scene, { format: 'svg' })).bytes.toString('utf8');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;</tspan>');
    const parsed = new Resvg(svg, { font: { loadSystemFonts: false } });
    parsed.free();
  });

  it('knows the vertical metrics of every shipped face', () => {
    for (const family of FONT_FAMILIES) {
      const folder = { hand: 'kalam', sans: 'atkinson-hyperlegible-next', serif: 'literata' }[family];
      const font = fontkit.create(
        readFileSync(join('assets/fonts', folder, `${folder}-latin-400-normal.woff2`)),
      );
      if (!('layout' in font)) {
        throw new Error('a collection');
      }
      expect(FONT_METRICS[family]).toEqual({
        unitsPerEm: font.unitsPerEm,
        ascent: font.ascent,
        descent: font.descent,
      });
    }
  });
});

describe.skipIf(!hasPoppler)('PDF export', () => {
  it(
    'is one A4-landscape page with the three faces embedded, and looks like the PNG',
    { timeout: 60_000 },
    async () => {
      const doc = showcaseDoc();
      const file = join(temp.dir, 'show.pdf');
      const pdf = await exportSketchToBuffer(doc, { format: 'pdf' });
      writeFileSync(file, pdf.bytes);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:\s+842\.25 x 595\.5 pts/);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      for (const name of ['Kalam-Regular', 'Literata-Regular', 'AtkinsonHyperlegibleNext-Regular']) {
        const row = fonts.find((r) => r.includes(name));
        expect(row, `${name} in\n${fonts.join('\n')}`).toBeDefined();
        // emb, sub, uni: yes yes yes
        expect(row).toMatch(/yes\s+yes\s+yes/);
      }
      expect(fonts.every((r) => /\byes\s+yes\s+yes\b/.test(r))).toBe(true);
      execFileSync('pdftoppm', ['-png', '-r', '96', '-singlefile', file, join(temp.dir, 'show-pdf')]);
      const fromPdf = decodePng(readFileSync(join(temp.dir, 'show-pdf.png')));
      const png = decodePng((await exportSketchToBuffer(doc, { format: 'png', dpi: 96 })).bytes);
      // pdftoppm rounds 842.25 pt at 96 dpi to 1123 or 1124 columns; compare the common part.
      const width = Math.min(fromPdf.width, png.width);
      const height = Math.min(fromPdf.height, png.height);
      const crop = (image: PNG): PNG => {
        const out = new PNG({ width, height });
        PNG.bitblt(image, out, 0, 0, width, height, 0, 0);
        return out;
      };
      const a = crop(fromPdf);
      const b = crop(png);
      expect(inkShare(b, [255, 253, 245])).toBeGreaterThan(0.05);
      // Antialiasing differs; the ink must be in the same places: few pixels differ much.
      expect(differingShare(a, b, 96)).toBeLessThan(0.02);
    },
  );
});

describe('PNG export', () => {
  it(
    'renders in tiles without seams: a many-tile render equals a one-tile render',
    { timeout: 60_000 },
    async () => {
      const doc = sketchDoc('screen', [
        stroke('diag', line([30, 40], [1890, 1050], 120), { size: 9, brush: 'brushpen' }),
        stroke('flat', line([10, 517], [1910, 519], 120), { size: 5, colour: '#dc2626' }),
        stroke('hl', line([512, 0], [514, 1080], 60), { size: 30, brush: 'highlighter', colour: '#22c55e' }),
      ]);
      const scene = readExportScene(doc);
      const render = async (tileWidth: number, tileHeight: number): Promise<{ png: PNG; tiles: number }> => {
        const chunks: Buffer[] = [];
        let tiles = 0;
        const { PassThrough } = await import('node:stream');
        const sink = new PassThrough();
        sink.on('data', (c: Buffer) => chunks.push(c));
        await writePng(
          scene,
          { scale: 0.5, tileWidth, tileHeight, onProgress: (_, total) => (tiles = total) },
          sink,
        );
        return { png: decodePng(Buffer.concat(chunks)), tiles };
      };
      const whole = await render(4096, 4096);
      const tiled = await render(37, 23);
      expect(whole.tiles).toBe(1);
      expect([tiled.png.width, tiled.png.height]).toEqual([960, 540]);
      // 26 x 24 tiles of 37 x 23 pixels (odd sizes, so tile edges cut the strokes everywhere).
      expect(tiled.tiles).toBe(26 * 24);
      expect(inkShare(whole.png, [255, 253, 245])).toBeGreaterThan(0.01);
      // The rasteriser's antialiasing rounds a few isolated pixels differently when the origin
      // moves (about 1 in 20,000 here); a seam would be a line of them along tile edges.
      expect(differingShare(whole.png, tiled.png, 3)).toBeLessThan(1e-4);
      const perEdge = new Map<string, number>();
      let worst = 0;
      for (let y = 0; y < 540; y++) {
        for (let x = 0; x < 960; x++) {
          const i = (y * 960 + x) * 4;
          const d = Math.max(
            ...[0, 1, 2].map((c) => Math.abs((whole.png.data[i + c] ?? 0) - (tiled.png.data[i + c] ?? 0))),
          );
          worst = Math.max(worst, d);
          if (d > 3) {
            for (const key of [
              x % 37 === 0 || x % 37 === 36 ? `x${Math.round(x / 37)}` : '',
              y % 23 === 0 || y % 23 === 22 ? `y${Math.round(y / 23)}` : '',
            ]) {
              if (key) {
                perEdge.set(key, (perEdge.get(key) ?? 0) + 1);
              }
            }
          }
        }
      }
      expect(Math.max(0, ...perEdge.values())).toBeLessThanOrEqual(4);
      expect(worst).toBeLessThan(64);
    },
  );

  it('writes the DPI into the file and the size the DPI asks for', async () => {
    const bytes = (await exportSketchToBuffer(sketchDoc('a4', []), { format: 'png', dpi: 150 })).bytes;
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([Math.round((1123 * 150) / 96), Math.round((794 * 150) / 96)]);
    const phys = bytes.indexOf('pHYs');
    expect(bytes.readUInt32BE(phys + 4)).toBe(Math.round(150 / 0.0254));
  });

  it('refuses a PNG larger than the format allows, with the reason', async () => {
    const doc = sketchDoc('panorama', []);
    await expect(exportSketchToBuffer(doc, { format: 'png', dpi: 1200 })).rejects.toThrow(
      /A PNG of 100000 x 25000 pixels is too large .*choose a lower --dpi or --scale, or export PDF or SVG/,
    );
  });

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    abort.abort();
    const { PassThrough } = await import('node:stream');
    await expect(
      exportSketch(sketchDoc('a4', []), { format: 'png', dpi: 96, signal: abort.signal }, new PassThrough()),
    ).rejects.toBeInstanceOf(ExportCancelledError);
  });

  it('is what the example says it is (a look for people)', async () => {
    const file = join('test-results', 'export-showcase.png');
    if (existsSync('test-results')) {
      writeFileSync(file, (await exportSketchToBuffer(showcaseDoc(), { format: 'png', dpi: 96 })).bytes);
    }
  });
});

describe('a highlighter over a filled shape', () => {
  // A blue filled box, then a yellow highlighter stroke across it drawn later (higher z).
  const doc = (): ReturnType<typeof sketchDoc> =>
    sketchDoc(
      'a4',
      [
        stroke('hl', line([100, 200], [700, 200]), {
          brush: 'highlighter',
          colour: '#facc15',
          size: 40,
          z: 5,
        }),
      ],
      [['box', rect({ x: 300, y: 120, w: 200, h: 160, fillColour: '#2563eb', style: 'clean', z: 2 })]],
    );

  it('tints the shape in the PNG (multiply) instead of vanishing beneath it', async () => {
    const { bytes } = await exportSketchToBuffer(doc(), { format: 'png', scale: 1 });
    const png = PNG.sync.read(bytes);
    const at = (x: number, y: number): [number, number, number] => {
      const i = (png.width * y + x) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    };
    const box = at(400, 260); // the box, outside the highlighter's band
    const marked = at(400, 200); // the box under the highlighter
    const paper = at(150, 200); // the paper under the highlighter
    expect(box).toEqual([0x25, 0x63, 0xeb]);
    // Multiply with yellow keeps red and green, takes away blue: the marked box is visibly darker in blue.
    expect(marked[2]).toBeLessThan(box[2] - 40);
    expect(Math.abs(marked[0] - box[0])).toBeLessThan(12);
    // On the paper it is a light yellow.
    expect(paper[2]).toBeLessThan(paper[0] - 60);
  });

  it('is marked as a multiply blend in the SVG and the PDF', async () => {
    const svg = (await exportSketchToBuffer(doc(), { format: 'svg' })).bytes.toString('utf8');
    expect(svg).toMatch(/<path [^>]*style="mix-blend-mode:multiply"/);
    const pdf = (await exportSketchToBuffer(doc(), { format: 'pdf' })).bytes.toString('latin1');
    expect(pdf).toMatch(/\/BM \/Multiply/);
  });
});
