import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import wawoff2 from 'wawoff2';
import { FONT_FAMILIES, type FontFamily } from '../../shared/sketch/objects/objectFields.js';
import type { PlacedLine, TextPlacement } from '../../shared/sketch/objects/textLayout.js';
import { num } from '../../shared/sketch/export/svgParts.js';

/**
 * The shipped faces of sketch text (`assets/fonts/`, WOFF2, SIL OFL) for the exports: the WOFF2
 * files as @font-face data URLs for SVG; decompressed to TrueType (wawoff2, Google's decoder as
 * WebAssembly) for PDFKit's embedding (fontkit's subsetter breaks on WOFF2 composite glyphs) and
 * for glyph outlines (the rasteriser cannot read WOFF2). Each family comes as two subset files
 * (latin, latin-ext); a line is split into runs by which file has the glyph.
 */

/** The folder name of each family under `assets/fonts/`. */
const FONT_FOLDERS: Record<FontFamily, string> = {
  hand: 'kalam',
  sans: 'atkinson-hyperlegible-next',
  serif: 'literata',
};
/** The subsets, in the order a character is looked up. */
const SUBSETS = ['latin', 'latin-ext'] as const;

/** One subset file of a face. */
export interface FontFile {
  /** A name unique among the shipped files (PDFKit registers fonts by name). */
  name: string;
  /** The WOFF2 file as shipped. */
  woff2: Buffer;
  /** The same font as TrueType. */
  ttf: Buffer;
  font: fontkit.Font;
}

/** A run of a line set in one file. */
export interface FontRun {
  file: FontFile;
  text: string;
  /** Advance width in em (multiply by the font size). */
  advance: number;
}

/** Where `assets/fonts` is: beside the sources (server/export/) and beside the bundle (out/main/). */
function fontsDir(): string {
  const candidates = [
    fileURLToPath(new URL('../../assets/fonts', import.meta.url)),
    join(process.cwd(), 'assets', 'fonts'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'kalam')));
  if (!found) {
    throw new Error(`The shipped fonts were not found (looked in ${candidates.join(', ')}).`);
  }
  return found;
}

let loaded: Record<FontFamily, FontFile[]> | null = null;
let loading: Promise<Record<FontFamily, FontFile[]>> | null = null;

async function readFontFile(dir: string, folder: string, subset: string): Promise<FontFile> {
  const name = `${folder}-${subset}-400-normal`;
  const woff2 = readFileSync(join(dir, folder, `${name}.woff2`));
  const ttf = Buffer.from(await wawoff2.decompress(woff2));
  const font = fontkit.create(ttf);
  if (!('layout' in font)) {
    throw new Error(`${name}.woff2 is a font collection, not one face.`);
  }
  return { name, woff2, ttf, font };
}

/** Reads and decompresses the subset files of every family (once; later calls return the same). */
export function loadShippedFonts(): Promise<Record<FontFamily, FontFile[]>> {
  loading ??= (async () => {
    const dir = fontsDir();
    const result = {} as Record<FontFamily, FontFile[]>;
    for (const family of FONT_FAMILIES) {
      const folder = FONT_FOLDERS[family];
      // One at a time: the decoder's WebAssembly instance is not re-entrant.
      const files: FontFile[] = [];
      for (const subset of SUBSETS) {
        files.push(await readFontFile(dir, folder, subset));
      }
      result[family] = files;
    }
    loaded = result;
    return result;
  })();
  return loading;
}

/** The loaded faces; {@link loadShippedFonts} must have finished. */
export function shippedFonts(): Record<FontFamily, FontFile[]> {
  if (!loaded) {
    throw new Error('The export fonts are not loaded yet (await loadShippedFonts() first).');
  }
  return loaded;
}

/** CSS @font-face rules of the shipped faces as data URLs (for the SVG's `<style>`). */
export function fontFaceCss(): string {
  const css: string[] = [];
  const names: Record<FontFamily, string> = {
    hand: 'Mitschrift Hand',
    sans: 'Mitschrift Sans',
    serif: 'Mitschrift Serif',
  };
  for (const family of FONT_FAMILIES) {
    // latin-ext first: of faces with equal descriptors the later one is tried first, the earlier
    // one for characters it lacks.
    for (const file of [...shippedFonts()[family]].reverse()) {
      css.push(
        `@font-face{font-family:'${names[family]}';font-style:normal;font-weight:400;` +
          `src:url(data:font/woff2;base64,${file.woff2.toString('base64')}) format('woff2');}`,
      );
    }
  }
  return css.join('\n');
}

/** Splits a line into runs by the subset file that has each character (latin first). */
export function fontRuns(family: FontFamily, text: string): FontRun[] {
  const files = shippedFonts()[family];
  const [first] = files;
  if (!first) {
    return [];
  }
  const runs: Array<{ file: FontFile; text: string }> = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const file = files.find((f) => f.font.hasGlyphForCodePoint(code)) ?? first;
    const last = runs[runs.length - 1];
    if (last && last.file === file) {
      last.text += char;
    } else {
      runs.push({ file, text: char });
    }
  }
  return runs.map((run) => ({
    ...run,
    advance: run.file.font.layout(run.text).advanceWidth / run.file.font.unitsPerEm,
  }));
}

/** Where a placed line starts (its left end), given the anchor and the runs' total advance. */
export function lineStart(placement: TextPlacement, line: PlacedLine, runs: readonly FontRun[]): number {
  const width = runs.reduce((sum, run) => sum + run.advance, 0) * placement.fontSize;
  return placement.anchor === 'start'
    ? line.x
    : placement.anchor === 'end'
      ? line.x - width
      : line.x - width / 2;
}

/** The glyph outlines of a placed line as SVG path data, in the text frame's coordinates. */
export function outlineLine(placement: TextPlacement, line: PlacedLine): string {
  const runs = fontRuns(placement.family, line.text);
  let x = lineStart(placement, line, runs);
  const out: string[] = [];
  for (const run of runs) {
    const font = run.file.font;
    const scale = placement.fontSize / font.unitsPerEm;
    const layout = font.layout(run.text);
    let pen = 0;
    layout.glyphs.forEach((glyph, i) => {
      const position = layout.positions[i];
      const gx = x + (pen + (position?.xOffset ?? 0)) * scale;
      const gy = line.baseline - (position?.yOffset ?? 0) * scale;
      for (const command of glyph.path.commands) {
        const a = command.args;
        const pt = (j: number): string =>
          `${num(gx + (a[j] ?? 0) * scale)} ${num(gy - (a[j + 1] ?? 0) * scale)}`;
        switch (command.command) {
          case 'moveTo':
            out.push(`M${pt(0)}`);
            break;
          case 'lineTo':
            out.push(`L${pt(0)}`);
            break;
          case 'quadraticCurveTo':
            out.push(`Q${pt(0)} ${pt(2)}`);
            break;
          case 'bezierCurveTo':
            out.push(`C${pt(0)} ${pt(2)} ${pt(4)}`);
            break;
          case 'closePath':
            out.push('Z');
            break;
        }
      }
      pen += position?.xAdvance ?? glyph.advanceWidth;
    });
    x += run.advance * placement.fontSize;
  }
  return out.join('');
}
