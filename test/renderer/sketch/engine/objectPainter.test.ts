import { describe, expect, it, vi } from 'vitest';
import type { ObjectOfKind, SketchObject } from '../../../../shared/sketch/objects/objectCodec.js';
import { objectGeometry } from '../../../../shared/sketch/objects/handDrawn.js';
import { measureText, paintObject } from '../../../../renderer/src/sketch/engine/ObjectPainter.js';
import { FONT_STACKS, canvasFont, loadSketchFonts } from '../../../../renderer/src/sketch/engine/fonts.js';
import type { Ctx2D } from '../../../../renderer/src/sketch/engine/sceneItem.js';

interface State {
  globalAlpha: number;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  font: string;
  textAlign: string;
  textBaseline: string;
  dash: number[];
}

interface Call {
  op: string;
  args: unknown[];
  state: State;
}

/** The subset of CanvasRenderingContext2D the painter uses; records every call with the state then. */
class RecordingContext {
  globalAlpha = 1;
  fillStyle = '#000000';
  strokeStyle = '#000000';
  lineWidth = 1;
  lineCap = 'butt';
  lineJoin = 'miter';
  font = '10px sans-serif';
  textAlign = 'start';
  textBaseline = 'alphabetic';
  readonly calls: Call[] = [];
  private dash: number[] = [];
  private readonly stack: State[] = [];

  private snapshot(): State {
    return {
      globalAlpha: this.globalAlpha,
      fillStyle: this.fillStyle,
      strokeStyle: this.strokeStyle,
      lineWidth: this.lineWidth,
      lineCap: this.lineCap,
      lineJoin: this.lineJoin,
      font: this.font,
      textAlign: this.textAlign,
      textBaseline: this.textBaseline,
      dash: [...this.dash],
    };
  }

  private record(op: string, args: unknown[]): void {
    this.calls.push({ op, args, state: this.snapshot() });
  }

  save(): void {
    this.stack.push(this.snapshot());
    this.record('save', []);
  }

  restore(): void {
    const s = this.stack.pop();
    if (s) {
      Object.assign(this, { ...s, dash: undefined });
      this.dash = s.dash;
    }
    this.record('restore', []);
  }

  setLineDash(dash: number[]): void {
    this.dash = [...dash];
    this.record('setLineDash', [dash]);
  }

  getLineDash(): number[] {
    return [...this.dash];
  }

  measureText(text: string): { width: number } {
    const px = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 10);
    return { width: text.length * px * 0.5 };
  }

  get depth(): number {
    return this.stack.length;
  }

  ops(name: string): Call[] {
    return this.calls.filter((c) => c.op === name);
  }
}

for (const op of [
  'beginPath',
  'moveTo',
  'lineTo',
  'closePath',
  'fill',
  'stroke',
  'translate',
  'rotate',
  'scale',
  'drawImage',
  'fillRect',
  'strokeRect',
  'fillText',
]) {
  Object.defineProperty(RecordingContext.prototype, op, {
    value(this: RecordingContext, ...args: unknown[]) {
      (this as unknown as { record(op: string, args: unknown[]): void }).record(op, args);
    },
  });
}

const base = {
  v: 1 as const,
  x: 100,
  y: 50,
  w: 200,
  h: 120,
  angle: 0,
  style: 'handDrawn' as const,
  strokeColour: '#1e1e1e',
  fillColour: null,
  strokeWidth: 2,
  opacity: 1,
  layer: 'drawing' as const,
  z: 1,
  author: 'anna',
  createdAt: 1_747_731_600_000,
};

function rect(patch: Partial<ObjectOfKind<'rect'>> = {}): ObjectOfKind<'rect'> {
  return { ...base, id: 'r1', kind: 'rect', ...patch };
}

function text(patch: Partial<ObjectOfKind<'text'>> = {}): ObjectOfKind<'text'> {
  return {
    ...base,
    id: 't1',
    kind: 'text',
    text: 'Hallo\nWelt',
    fontFamily: 'hand',
    fontSize: 20,
    align: 'left',
    ...patch,
  };
}

function image(patch: Partial<ObjectOfKind<'image'>> = {}): ObjectOfKind<'image'> {
  return { ...base, id: 'i1', kind: 'image', assetId: 'a1', ...patch };
}

function paint(
  object: SketchObject,
  extra: { image?: CanvasImageSource | null; container?: SketchObject } = {},
) {
  const ctx = new RecordingContext();
  paintObject(ctx as unknown as Ctx2D, object, {
    geometry: objectGeometry(object, () => extra.container),
    deviceScale: 1,
    ...extra,
  });
  return ctx;
}

describe('paintObject: shapes and lines', () => {
  it('fills a hand-drawn rect with its fill colour, then strokes it with its stroke colour', () => {
    const ctx = paint(rect({ fillColour: '#ffcc00', strokeColour: '#112233', strokeWidth: 3 }));
    const paints = ctx.calls.filter((c) => c.op === 'fill' || c.op === 'stroke');
    expect(paints.map((c) => c.op)).toEqual(['fill', 'stroke']);
    expect(paints[0]?.state.fillStyle).toBe('#ffcc00');
    expect(paints[1]?.state).toMatchObject({
      strokeStyle: '#112233',
      lineWidth: 3,
      lineCap: 'round',
      lineJoin: 'round',
      dash: [],
    });
    // Both hand-drawn passes are in the one stroked path.
    expect(ctx.ops('moveTo').length).toBe(3);
  });

  it('strokes hatches with the fill colour at half the stroke width (at least 1)', () => {
    const ctx = paint(rect({ fillColour: '#00aa00', fillStyle: 'hachure', strokeWidth: 1 }));
    const strokes = ctx.ops('stroke');
    expect(strokes[0]?.state).toMatchObject({ strokeStyle: '#00aa00', lineWidth: 1 });
    expect(strokes[1]?.state).toMatchObject({ strokeStyle: '#1e1e1e', lineWidth: 1 });
    expect(ctx.ops('fill')).toEqual([]);
  });

  it('sets a line dash proportional to the width for dashed and dotted strokes', () => {
    const dashed = paint(rect({ strokeStyle: 'dashed', strokeWidth: 4 })).ops('stroke')[0]?.state.dash ?? [];
    const thin = paint(rect({ strokeStyle: 'dashed', strokeWidth: 2 })).ops('stroke')[0]?.state.dash ?? [];
    const dotted = paint(rect({ strokeStyle: 'dotted', strokeWidth: 4 })).ops('stroke')[0]?.state.dash ?? [];
    expect(dashed.length).toBeGreaterThan(0);
    expect(dashed.every((d) => d > 0)).toBe(true);
    expect(thin.map((d) => d * 2)).toEqual(dashed);
    expect(dotted.length).toBeGreaterThan(0);
    expect(dotted).not.toEqual(dashed);
  });

  it('draws the arrowheads of a dashed arrow solid', () => {
    const arrow: SketchObject = {
      ...base,
      id: 'a1',
      kind: 'arrow',
      style: 'clean',
      w: 200,
      h: 0,
      points: [
        [0, 0],
        [200, 0],
      ],
      startArrowhead: null,
      endArrowhead: 'arrow',
      strokeStyle: 'dashed',
    };
    const strokes = paint(arrow).ops('stroke');
    expect(strokes.map((c) => c.state.dash.length > 0)).toEqual([true, false]);
  });

  it('fills solid arrowheads with the stroke colour', () => {
    const arrow: SketchObject = {
      ...base,
      id: 'a2',
      kind: 'arrow',
      style: 'clean',
      strokeColour: '#aa0000',
      w: 200,
      h: 0,
      points: [
        [0, 0],
        [200, 0],
      ],
      startArrowhead: null,
      endArrowhead: 'triangle',
    };
    const fills = paint(arrow).ops('fill');
    expect(fills.map((c) => c.state.fillStyle)).toEqual(['#aa0000']);
  });

  it('multiplies the opacity into globalAlpha and restores the context', () => {
    const ctx = new RecordingContext();
    ctx.globalAlpha = 0.5;
    ctx.strokeStyle = '#abcdef';
    const object = rect({ opacity: 0.5 });
    paintObject(ctx as unknown as Ctx2D, object, { geometry: objectGeometry(object), deviceScale: 1 });
    expect(ctx.ops('stroke')[0]?.state.globalAlpha).toBeCloseTo(0.25);
    expect(ctx.globalAlpha).toBe(0.5);
    expect(ctx.strokeStyle).toBe('#abcdef');
    expect(ctx.depth).toBe(0);
  });

  it('draws nothing for a fully transparent object', () => {
    expect(paint(rect({ opacity: 0 })).calls).toEqual([]);
  });

  it('draws no stroke for stroke width 0', () => {
    const ctx = paint(rect({ strokeWidth: 0, fillColour: '#ffcc00' }));
    expect(ctx.ops('stroke')).toEqual([]);
    expect(ctx.ops('fill').length).toBe(1);
    const line: SketchObject = {
      ...base,
      id: 'l1',
      kind: 'line',
      strokeWidth: 0,
      points: [
        [0, 0],
        [50, 50],
      ],
      startArrowhead: null,
      endArrowhead: null,
    };
    expect(paint(line).ops('stroke')).toEqual([]);
  });
});

describe('paintObject: text', () => {
  it('draws each line with fillText at its line offset, aligned in the box', () => {
    const ctx = paint(text({ align: 'center', strokeColour: '#123456', lineHeight: 1.5 }));
    const calls = ctx.ops('fillText');
    expect(calls.map((c) => c.args[0])).toEqual(['Hallo', 'Welt']);
    // Box origin (100, 50); centred in w = 200; middle baselines at 15 and 45 (font 20 × 1.5).
    expect(ctx.ops('translate')[0]?.args).toEqual([100, 50]);
    expect(calls.map((c) => [c.args[1], c.args[2]])).toEqual([
      [100, 15],
      [100, 45],
    ]);
    expect(calls[0]?.state).toMatchObject({
      textAlign: 'center',
      textBaseline: 'middle',
      fillStyle: '#123456',
    });
    expect(calls[0]?.state.font).toBe(canvasFont('hand', 20));
  });

  it('uses the default line height and right / bottom alignment', () => {
    const ctx = paint(text({ align: 'right', verticalAlign: 'bottom', fontFamily: 'serif' }));
    const calls = ctx.ops('fillText');
    // Two lines of 25 (20 × 1.25) at the bottom of h = 120: middles at 82.5 and 107.5.
    expect(calls.map((c) => [c.args[1], c.args[2]])).toEqual([
      [200, 82.5],
      [200, 107.5],
    ]);
    expect(calls[0]?.state).toMatchObject({ textAlign: 'right' });
    expect(calls[0]?.state.font).toContain(FONT_STACKS.serif);
  });

  it('draws glyphs at their device-pixel size', () => {
    const ctx = new RecordingContext();
    const object = text({ align: 'left' });
    paintObject(ctx as unknown as Ctx2D, object, { geometry: objectGeometry(object), deviceScale: 2 });
    expect(ctx.ops('scale')[0]?.args).toEqual([0.5, 0.5]);
    const calls = ctx.ops('fillText');
    expect(calls[0]?.state.font).toBe(canvasFont('hand', 40));
    expect(calls.map((c) => [c.args[1], c.args[2]])).toEqual([
      [0, 25],
      [0, 75],
    ]);
  });

  it('centres a text in its container, rotated with it', () => {
    const container: SketchObject = { ...rect({ id: 'box', x: 0, y: 0, w: 300, h: 200, angle: 0.5 }) };
    const ctx = paint(text({ text: 'Mitte', align: 'center', containerId: 'box' }), { container });
    expect(ctx.ops('translate')[0]?.args).toEqual([150, 100]);
    expect(ctx.ops('rotate')[0]?.args).toEqual([0.5]);
    const [call] = ctx.ops('fillText');
    // One line of 25 centred in the container's 300 × 200 box.
    expect(call?.args[1]).toBeCloseTo(150);
    expect(call?.args[2]).toBeCloseTo(100);
  });

  it('rotates a free text about its box centre', () => {
    const ctx = paint(text({ angle: Math.PI / 2 }));
    expect(ctx.ops('translate').map((c) => c.args)).toEqual([
      [200, 110],
      [-100, -60],
    ]);
    expect(ctx.ops('rotate')[0]?.args).toEqual([Math.PI / 2]);
  });

  it('draws text too small to read as bars', () => {
    const ctx = new RecordingContext();
    const object = text();
    paintObject(ctx as unknown as Ctx2D, object, { geometry: objectGeometry(object), deviceScale: 0.05 });
    expect(ctx.ops('fillText')).toEqual([]);
    expect(ctx.ops('fillRect').length).toBe(2);
  });
});

describe('paintObject: images', () => {
  const picture = { width: 4, height: 3 } as unknown as CanvasImageSource;

  it('draws the picture into its box, mirrored by flipX', () => {
    const ctx = paint(image({ flipX: true }), { image: picture });
    expect(ctx.ops('translate')[0]?.args).toEqual([200, 110]);
    expect(ctx.ops('scale')[0]?.args).toEqual([-1, 1]);
    expect(ctx.ops('drawImage')[0]?.args).toEqual([picture, -100, -60, 200, 120]);
  });

  it('draws it unmirrored without flips', () => {
    const ctx = paint(image(), { image: picture });
    expect(ctx.ops('scale')).toEqual([]);
    expect(ctx.ops('drawImage').length).toBe(1);
  });

  it('draws a grey placeholder while the picture is missing', () => {
    const ctx = paint(image(), { image: null });
    expect(ctx.ops('drawImage')).toEqual([]);
    expect(ctx.ops('fillRect')[0]?.args).toEqual([-100, -60, 200, 120]);
    expect(ctx.ops('strokeRect')[0]?.args).toEqual([-100, -60, 200, 120]);
    expect(ctx.ops('fillRect')[0]?.state.fillStyle).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('measureText', () => {
  it('measures the longest line and the lines times the line height', () => {
    const ctx = new RecordingContext();
    const size = measureText(ctx as unknown as Ctx2D, 'ab\nabcd\n', 'sans', 10);
    expect(size.width).toBeCloseTo(20); // 4 characters × 0.5 × 10 in the fake
    expect(size.height).toBe(3 * 10 * 1.25);
    expect(measureText(ctx as unknown as Ctx2D, 'x', 'sans', 10, 2).height).toBe(20);
    expect(ctx.font).toBe('10px sans-serif');
  });
});

describe('fonts', () => {
  it('builds canvas font strings from the stacks', () => {
    expect(canvasFont('hand', 24)).toBe(`400 24px ${FONT_STACKS.hand}`);
    expect(canvasFont('sans', 12.5, 700)).toBe(`700 12.5px ${FONT_STACKS.sans}`);
    expect(canvasFont('serif', 1e-9)).toMatch(/^400 0px /);
    expect(FONT_STACKS.hand.startsWith("'Mitschrift Hand'")).toBe(true);
    expect(FONT_STACKS.serif.endsWith('serif')).toBe(true);
  });

  it('resolves the preload at once without a document', async () => {
    await expect(loadSketchFonts()).resolves.toBeUndefined();
    expect(loadSketchFonts()).toBe(loadSketchFonts());
  });

  it('loads every family and weight, resolves when one fails and notifies listeners', async () => {
    vi.resetModules();
    const requested: string[] = [];
    const fonts = {
      load: (font: string) => {
        requested.push(font);
        return font.includes('Serif') ? Promise.reject(new Error('404')) : Promise.resolve([]);
      },
      addEventListener: () => undefined,
    };
    vi.stubGlobal('document', { fonts });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const fresh = await import('../../../../renderer/src/sketch/engine/fonts.js');
      let called = 0;
      const off = fresh.onFontsLoaded(() => called++);
      await expect(fresh.loadSketchFonts()).resolves.toBeUndefined();
      expect(called).toBe(1);
      off();
      expect(requested).toHaveLength(6);
      expect(requested).toContain("700 16px 'Mitschrift Hand'");
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});
