import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stroke } from '../../../../shared/sketch/strokeCodec.js';
import { InkStroke } from '../../../../renderer/src/sketch/engine/InkStroke.js';
import { StrokeScene } from '../../../../renderer/src/sketch/engine/StrokeScene.js';
import { TileRenderer } from '../../../../renderer/src/sketch/engine/TileRenderer.js';

/**
 * The tiled renderer's bookkeeping with stand-in canvases (Node has none): which tile bitmaps a
 * new or removed stroke touches, and that nothing else is redrawn.
 */

class FakeContext {
  calls: string[] = [];
  constructor(readonly canvas: FakeCanvas) {}
  setTransform(): void {}
  fillRect(): void {
    this.calls.push('fillRect');
  }
  fill(): void {
    this.calls.push('fill');
  }
  stroke(): void {
    this.calls.push('stroke');
  }
  beginPath(): void {}
  moveTo(): void {}
  lineTo(): void {}
  quadraticCurveTo(): void {}
  closePath(): void {}
  drawImage(source: FakeCanvas): void {
    this.calls.push(`drawImage#${source.id}`);
  }
  getImageData(): object {
    return {};
  }
  set fillStyle(_: string) {}
  set strokeStyle(_: string) {}
  set lineWidth(_: number) {}
  set lineCap(_: string) {}
  set lineJoin(_: string) {}
  set globalAlpha(_: number) {}
  set imageSmoothingEnabled(_: boolean) {}
  set imageSmoothingQuality(_: string) {}
}

let nextId = 0;
class FakeCanvas {
  readonly id = nextId++;
  readonly ctx = new FakeContext(this);
  constructor(
    public width: number,
    public height: number,
  ) {}
  getContext(kind: string): FakeContext | null {
    return kind === '2d' ? this.ctx : null;
  }
}

class FakePath2D {
  moveTo(): void {}
  lineTo(): void {}
  quadraticCurveTo(): void {}
  closePath(): void {}
}

const globals = globalThis as unknown as Record<string, unknown>;
beforeAll(() => {
  globals['OffscreenCanvas'] = FakeCanvas;
  globals['Path2D'] = FakePath2D;
});
afterAll(() => {
  delete globals['OffscreenCanvas'];
  delete globals['Path2D'];
});

/** A short stroke from (x, y) to (x + 40, y + 10), fineliner size 3. */
function stroke(id: string, x: number, y: number, z: number): InkStroke {
  const s: Stroke = {
    id,
    brush: 'fineliner',
    colour: '#1d1d1f',
    size: 3,
    pressureOn: true,
    smoothing: 0.5,
    layer: 'drawing',
    author: 'test',
    createdAt: 0,
    z,
    points: {
      xyp: new Float32Array([x, y, 0.4, x + 20, y + 5, 0.6, x + 40, y + 10, 0.5]),
      hasPressure: true,
    },
  };
  return new InkStroke(s);
}

const view = { zoom: 1, x: 0, y: 0 };
const viewport = { width: 1024, height: 512 };

function setup(): { scene: StrokeScene; tiles: TileRenderer; screen: FakeContext } {
  const scene = new StrokeScene();
  scene.addMany([stroke('a', 100, 100, 1), stroke('b', 700, 200, 2)]);
  const tiles = new TileRenderer(scene, 64 * 1024 * 1024);
  tiles.setPaper({
    sheet: { x: 0, y: 0, width: 4494, height: 3179 },
    background: '#ffffff',
    outside: '#e4e6ea',
  });
  const screen = new FakeCanvas(1024, 512).ctx;
  const first = tiles.render(screen as unknown as CanvasRenderingContext2D, view, viewport, 1, 1, Infinity);
  expect(first.complete).toBe(true);
  return { scene, tiles, screen };
}

function tileCtx(tiles: TileRenderer, tx: number, ty: number): FakeContext {
  const record = tiles.book.get(1, tx, ty);
  if (!record) {
    throw new Error(`tile ${tx},${ty} is not baked`);
  }
  return record.payload.ctx as unknown as FakeContext;
}

describe('TileRenderer', () => {
  it('bakes the visible tiles once and then only blits them', () => {
    const { tiles, screen } = setup();
    // 1024 × 512 at zoom 1: tiles (0,0), (1,0) and the touching edge column/row.
    expect(tiles.stats().tilesBaked).toBe(tiles.book.size);
    const before = tiles.stats();
    screen.calls = [];
    // A 30 px pan stays within the tiles already baked (the first render covered the touching edges).
    const again = tiles.render(
      screen as unknown as CanvasRenderingContext2D,
      { zoom: 1, x: -30, y: 0 },
      viewport,
      1,
      1,
      Infinity,
    );
    expect(again.complete).toBe(true);
    expect(tiles.stats().tilesBaked).toBe(before.tilesBaked);
    expect(tiles.stats().strokesBaked).toBe(before.strokesBaked);
    expect(screen.calls.length).toBeGreaterThan(0);
    expect(screen.calls.every((c) => c.startsWith('drawImage#'))).toBe(true);
  });

  it('paints a new topmost stroke onto exactly the tiles it touches, nothing else', () => {
    const { scene, tiles } = setup();
    const left = tileCtx(tiles, 0, 0);
    const right = tileCtx(tiles, 1, 0);
    left.calls = [];
    right.calls = [];
    const added = stroke('c', 200, 300, 3);
    scene.add(added);
    tiles.strokeAdded(added);
    expect(left.calls.length).toBe(1);
    expect(right.calls).toEqual([]);
    expect(tiles.book.all().every((r) => r.state === 'ready')).toBe(true);
    expect(tiles.stats().incrementalDraws).toBe(1);
  });

  it('paints a stroke crossing a tile border onto both tiles', () => {
    const { scene, tiles } = setup();
    const left = tileCtx(tiles, 0, 0);
    const right = tileCtx(tiles, 1, 0);
    left.calls = [];
    right.calls = [];
    const crossing = stroke('d', 490, 50, 4);
    scene.add(crossing);
    tiles.strokeAdded(crossing);
    expect(left.calls.length).toBe(1);
    expect(right.calls.length).toBe(1);
  });

  it('marks tiles stale (instead of painting) when the new stroke belongs beneath an existing one', () => {
    const { scene, tiles } = setup();
    const right = tileCtx(tiles, 1, 0);
    right.calls = [];
    const beneath = stroke('e', 710, 195, 0.5); // overlaps "b" (z 2) with a lower z
    scene.add(beneath);
    tiles.strokeAdded(beneath);
    expect(right.calls).toEqual([]);
    expect(tiles.book.get(1, 1, 0)?.state).toBe('dirty');
    expect(tiles.book.get(1, 0, 0)?.state).toBe('ready');
  });

  it('marks the tiles of a removed stroke stale and rebakes only those', () => {
    const { scene, tiles, screen } = setup();
    const removed = scene.remove('sa');
    expect(removed).toBeDefined();
    tiles.strokeRemoved(removed!);
    expect(tiles.book.get(1, 0, 0)?.state).toBe('dirty');
    expect(tiles.book.get(1, 1, 0)?.state).toBe('ready');
    const baked = tiles.stats().tilesBaked;
    const result = tiles.render(
      screen as unknown as CanvasRenderingContext2D,
      view,
      viewport,
      1,
      1,
      Infinity,
    );
    expect(result.complete).toBe(true);
    expect(tiles.stats().tilesBaked).toBe(baked + 1);
  });

  it('stands in stretched tiles of another scale while the new scale is baked', () => {
    const { tiles, screen } = setup();
    screen.calls = [];
    // Zoomed to 1.3: nothing baked at that scale yet, and no time to bake this frame.
    const result = tiles.render(
      screen as unknown as CanvasRenderingContext2D,
      { zoom: 1.3, x: 0, y: 0 },
      viewport,
      1,
      1.3,
      0,
    );
    expect(result.complete).toBe(false);
    const blits = screen.calls.filter((c) => c.startsWith('drawImage#'));
    expect(blits.length).toBeGreaterThan(0);
    expect(tiles.book.scales()).toEqual([1]);
  });

  it('during a zoom gesture, bakes only tiles whose stand-ins are too coarse or incomplete', () => {
    const { tiles, screen } = setup();
    const baked = tiles.stats().tilesBaked;
    const ctx = screen as unknown as CanvasRenderingContext2D;
    // Scale 1.3: the scale-1 tiles cover the view whole at more than half the resolution.
    const near = tiles.render(ctx, { zoom: 1.3, x: 0, y: 0 }, viewport, 1, 1.3, Infinity, { gesture: true });
    expect(near.complete).toBe(false);
    expect(tiles.stats().tilesBaked).toBe(baked);
    // Scale 2.5: stretching scale-1 tiles 2.5× is too blurry, so they are baked even mid-gesture.
    const far = tiles.render(ctx, { zoom: 2.5, x: 0, y: 0 }, viewport, 1, 2.5, Infinity, { gesture: true });
    expect(far.complete).toBe(true);
    expect(tiles.stats().tilesBaked).toBeGreaterThan(baked);
    // Once the gesture is over, the exact scale is baked.
    tiles.render(ctx, { zoom: 1.3, x: 0, y: 0 }, viewport, 1, 1.3, Infinity);
    expect(tiles.book.scales()).toContain(1.3);
  });

  it('shows a stale tile while rebaking within the time budget', () => {
    const { tiles, screen } = setup();
    tiles.invalidateAll();
    // A deadline in the past: nothing can be baked this frame, but every tile is still drawn.
    screen.calls = [];
    const result = tiles.render(screen as unknown as CanvasRenderingContext2D, view, viewport, 1, 1, 0);
    expect(result.complete).toBe(false);
    expect(screen.calls.filter((c) => c.startsWith('drawImage#')).length).toBe(tiles.book.size);
  });
});
