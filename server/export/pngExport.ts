import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { ExportItem, ExportScene } from '../../shared/sketch/export/exportScene.js';
import { sketchSvgParts } from '../../shared/sketch/export/svgExport.js';
import { outlineLine } from './fonts.js';
import { PngRowWriter } from './pngStream.js';

/**
 * PNG export: the sketch's SVG (text outlined) rasterised by resvg (Rust compiled to WebAssembly:
 * no native module, nothing to rebuild for Electron) tile by tile. Each tile is its own small SVG
 * with the viewBox of that tile and only the items that reach into it; a band of tiles is copied
 * into one row buffer and streamed to the PNG encoder. Peak memory is about one band
 * (width x TILE_HEIGHT x 3 bytes) plus one tile, whatever the sheet's size.
 */

/** Tile size in pixels. Adjacent tiles share exact pixel edges (integer offsets), so no seams. */
const TILE_WIDTH = 2048;
const TILE_HEIGHT = 512;
/** The largest PNG side (and area) written; beyond that, print from the PDF or SVG. */
const MAX_PNG_SIDE = 65_535;
const MAX_PNG_PIXELS = 1_500_000_000;

let ready: Promise<void> | null = null;

/** Loads the resvg WebAssembly module (once). */
function initResvg(): Promise<void> {
  if (!ready) {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'));
    ready = initWasm(wasm);
  }
  return ready;
}

/** Progress of a long export: how many of the parts (tiles) are done. */
export type ExportProgress = (done: number, total: number) => void;

/** How a PNG is rendered. */
export interface PngOptions {
  /** Pixels per scene unit (scene units are 1/96 inch: 300 dpi is 3.125). */
  scale: number;
  /** Tile size (tests make it small to get many tiles from a small sheet). */
  tileWidth?: number;
  tileHeight?: number;
  signal?: AbortSignal;
  onProgress?: ExportProgress;
}

/** The pixel size of a PNG of this area at this scale. */
export function pngSize(
  area: { width: number; height: number },
  scale: number,
): { width: number; height: number } {
  return {
    width: Math.max(1, Math.round(area.width * scale)),
    height: Math.max(1, Math.round(area.height * scale)),
  };
}

/** Refuses sizes the PNG format or a sane export cannot hold, with the reason. */
export function checkPngSize(size: { width: number; height: number }): void {
  if (size.width > MAX_PNG_SIDE || size.height > MAX_PNG_SIDE || size.width * size.height > MAX_PNG_PIXELS) {
    throw new RangeError(
      `A PNG of ${size.width} x ${size.height} pixels is too large (at most ${MAX_PNG_SIDE} pixels a side and ${MAX_PNG_PIXELS / 1e9} gigapixels); choose a lower --dpi or --scale, or export PDF or SVG.`,
    );
  }
}

/** Renders one tile (pixel rectangle of the output) to RGBA. */
function renderTile(
  scene: ExportScene,
  scale: number,
  rect: { x: number; y: number; width: number; height: number },
  cache: Map<ExportItem, string>,
): Uint8Array {
  const area = {
    x: scene.area.x + rect.x / scale,
    y: scene.area.y + rect.y / scale,
    width: rect.width / scale,
    height: rect.height / scale,
  };
  const svg = [
    ...sketchSvgParts(
      scene,
      { area, width: String(rect.width), height: String(rect.height), background: scene.background },
      { mode: 'outline', outline: outlineLine },
      cache,
    ),
  ].join('');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false },
    shapeRendering: 2,
    imageRendering: 0,
  });
  try {
    const image = resvg.render();
    try {
      if (image.width !== rect.width || image.height !== rect.height) {
        throw new Error(
          `resvg rendered ${image.width}x${image.height} instead of ${rect.width}x${rect.height}.`,
        );
      }
      return image.pixels;
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** The error an export ends with when its signal is aborted. */
export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelledError';
  }
}

/** Writes the scene as a PNG to `out` (which stays open). Rejects with ExportCancelledError when aborted. */
export async function writePng(
  scene: ExportScene,
  options: PngOptions,
  out: Writable,
): Promise<{ width: number; height: number }> {
  const { scale } = options;
  if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new RangeError(`The scale must be a positive number, not ${scale}.`);
  }
  const size = pngSize(scene.area, scale);
  checkPngSize(size);
  await initResvg();
  const tileW = options.tileWidth ?? TILE_WIDTH;
  const tileH = options.tileHeight ?? TILE_HEIGHT;
  const columns = Math.ceil(size.width / tileW);
  const rows = Math.ceil(size.height / tileH);
  const total = columns * rows;
  const writer = new PngRowWriter(out, size.width, size.height, scale * 96);
  const cache = new Map<ExportItem, string>();
  const band = new Uint8Array(size.width * tileH * 3);
  let done = 0;
  try {
    for (let row = 0; row < rows; row++) {
      const y = row * tileH;
      const height = Math.min(tileH, size.height - y);
      for (let column = 0; column < columns; column++) {
        if (options.signal?.aborted) {
          throw new ExportCancelledError();
        }
        const x = column * tileW;
        const width = Math.min(tileW, size.width - x);
        const rgba = renderTile(scene, scale, { x, y, width, height }, cache);
        for (let r = 0; r < height; r++) {
          let from = r * width * 4;
          let to = (r * size.width + x) * 3;
          for (let c = 0; c < width; c++) {
            band[to++] = rgba[from++] ?? 0;
            band[to++] = rgba[from++] ?? 0;
            band[to++] = rgba[from++] ?? 0;
            from++;
          }
        }
        done++;
        options.onProgress?.(done, total);
        // Let other work (the core's sockets, a cancel request) run between tiles.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await writer.writeRows(band, height);
    }
    await writer.finish();
  } catch (error) {
    writer.abort();
    throw error;
  }
  return size;
}
