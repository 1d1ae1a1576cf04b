import type { Stroke } from './strokeCodec.js';
import { SHEET_SIZES, type BrushKind } from './sketchLayout.js';
import { mulberry32 } from '../random.js';

/**
 * A seeded, deterministic synthetic sketchnote for tests and benchmarks: an A0 landscape sheet
 * (4494 × 3179 scene units) filled block by block the way a graphic recorder works: a frame, a
 * brush-pen heading over a highlighter swash, lines of handwriting (one or two strokes per letter),
 * a doodle, a marker accent and an arrow from the heading to the doodle. Every stroke has 40 to 120 points with
 * pen pressure. The same seed gives the same strokes, and the first N strokes of a larger sheet are
 * the N-stroke sheet (the sheet as it grows during a talk).
 */

const INK = '#1d1d1f';
const ACCENTS = ['#0b6e99', '#c2410c', '#15803d', '#7c3aed', '#be123c'];
const HIGHLIGHTS = ['#ffd400', '#7dd3fc', '#86efac', '#f9a8d4'];
const START_TIME = Date.UTC(2026, 4, 20, 9, 0, 0);
/** A 90-minute session spread over 20,000 strokes. */
const MS_PER_STROKE = 270;

type Rng = () => number;
type Pt = [number, number];

interface StrokeSpec {
  brush: BrushKind;
  colour: string;
  size: number;
  /** Control points of a Catmull-Rom spline through which the pen moves. */
  path: Pt[];
  points: number;
  /** Hand tremor amplitude in scene units. */
  jitter: number;
  layer?: Stroke['layer'];
}

function cubic(a: number, b: number, c: number, d: number, t: number, t2: number, t3: number): number {
  return 0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new RangeError(`index ${index} outside 0..${items.length - 1}`);
  }
  return item;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return at(items, Math.floor(rng() * items.length));
}

function sampleSpline(path: Pt[], count: number, rng: Rng, jitter: number): Float32Array {
  const segments = path.length - 1;
  const xyp = new Float32Array(count * 3);
  const base = 0.35 + 0.35 * rng();
  const wobble = rng() * Math.PI * 2;
  // Hand tremor: smooth, low-frequency wander (per-sample noise would make zig-zags a pen never draws).
  const [a1, a2, a3, a4] = [rng(), rng(), rng(), rng()].map((v) => v * Math.PI * 2) as [
    number,
    number,
    number,
    number,
  ];
  for (let i = 0; i < count; i++) {
    // Pens slow down towards the ends (to about 70 % of their mean speed here).
    const u = count === 1 ? 0 : i / (count - 1);
    const eased = 0.7 * u + 0.3 * (0.5 - 0.5 * Math.cos(Math.PI * u));
    const s = Math.min(segments - 1e-9, eased * segments);
    const seg = Math.floor(s);
    const p1 = at(path, seg);
    const p0 = at(path, Math.max(0, seg - 1));
    const p2 = at(path, seg + 1);
    const p3 = at(path, Math.min(segments, seg + 2));
    const t = s - seg;
    const tremorX = (Math.sin(eased * 11 + a1) + 0.5 * Math.sin(eased * 23 + a2)) / 1.5;
    const tremorY = (Math.sin(eased * 13 + a3) + 0.5 * Math.sin(eased * 29 + a4)) / 1.5;
    xyp[i * 3] = cubic(p0[0], p1[0], p2[0], p3[0], t, t * t, t * t * t) + tremorX * jitter;
    xyp[i * 3 + 1] = cubic(p0[1], p1[1], p2[1], p3[1], t, t * t, t * t * t) + tremorY * jitter;
    const envelope = Math.pow(Math.sin(Math.PI * Math.min(1, 0.08 + u * 0.92)), 0.45);
    const pressure = base * (0.55 + 0.45 * envelope) + 0.08 * Math.sin(u * 9 + wobble) + 0.1;
    xyp[i * 3 + 2] = Math.min(1, Math.max(0.05, pressure));
  }
  return xyp;
}

/** One letter: one or two pen strokes built from handwriting primitives in a w × h cell on the baseline. */
function randomGlyph(rng: Rng, x: number, baseline: number, w: number, h: number): Pt[][] {
  const xh = baseline - h * 0.55; // x-height
  const top = baseline - h; // ascender
  const j = (): number => (rng() - 0.5) * w * 0.12;
  const primitive = (): Pt[] => {
    const r = rng();
    if (r < 0.22) {
      // Stem (l, t, i, the back of d, b, h).
      const tall = rng() < 0.5;
      return [
        [x + w * 0.35 + j(), tall ? top : xh],
        [x + w * 0.32 + j(), (baseline + (tall ? top : xh)) / 2],
        [x + w * 0.3 + j(), baseline],
      ];
    }
    if (r < 0.48) {
      // Bowl (o, a, c, e): most of a circle.
      const cx = x + w * 0.5;
      const cy = (xh + baseline) / 2;
      const rx = w * 0.45;
      const ry = (baseline - xh) / 2;
      const start = -0.6 + rng() * 0.5;
      const sweep = Math.PI * (1.5 + rng() * 0.45);
      const path: Pt[] = [];
      for (let i = 0; i <= 6; i++) {
        const a = start - (sweep * i) / 6;
        path.push([cx + Math.cos(a) * rx + j() * 0.3, cy + Math.sin(a) * ry + j() * 0.3]);
      }
      return path;
    }
    if (r < 0.68) {
      // Hump (n, m, h, r).
      return [
        [x + j(), baseline],
        [x + w * 0.05, xh + (baseline - xh) * 0.2],
        [x + w * 0.45, xh],
        [x + w * 0.9, xh + (baseline - xh) * 0.35],
        [x + w + j(), baseline],
      ];
    }
    if (r < 0.84) {
      // Wave (u, v, w).
      return [
        [x + j(), xh],
        [x + w * 0.25, baseline],
        [x + w * 0.55, xh + j()],
        [x + w * 0.8, baseline],
        [x + w + j(), xh],
      ];
    }
    if (r < 0.93) {
      // Descender loop (g, y, j).
      return [
        [x + w * 0.7, xh],
        [x + w * 0.65, baseline + h * 0.3],
        [x + w * 0.3, baseline + h * 0.35],
        [x + w * 0.2, baseline + h * 0.15],
      ];
    }
    // Cross bar (t, f) or a dot-like tick.
    return [
      [x + j(), xh + j()],
      [x + w * 0.5, xh - 1 + j()],
      [x + w + j(), xh + j()],
    ];
  };
  return rng() < 0.4 ? [primitive(), primitive()] : [primitive()];
}

function rectPath(x: number, y: number, w: number, h: number, rng: Rng): Pt[] {
  const r = Math.min(w, h) * 0.08;
  const wob = (): number => (rng() - 0.5) * 6;
  return [
    [x + r, y + wob()],
    [x + w / 2, y + wob()],
    [x + w - r, y + wob()],
    [x + w + wob(), y + r],
    [x + w + wob(), y + h / 2],
    [x + w + wob(), y + h - r],
    [x + w - r, y + h + wob()],
    [x + w / 2, y + h + wob()],
    [x + r, y + h + wob()],
    [x + wob(), y + h - r],
    [x + wob(), y + h / 2],
    [x + wob(), y + r],
    [x + r + 4, y + wob()],
  ];
}

function circlePath(cx: number, cy: number, r: number, rng: Rng): Pt[] {
  const path: Pt[] = [];
  const start = rng() * Math.PI * 2;
  for (let i = 0; i <= 9; i++) {
    const a = start + (i / 8) * Math.PI * 2;
    const rr = r * (0.95 + rng() * 0.1);
    path.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr]);
  }
  return path;
}

/** The specs of one block, in drawing order. */
function blockSpecs(rng: Rng, bx: number, by: number, bw: number, bh: number): StrokeSpec[] {
  const specs: StrokeSpec[] = [];
  const accent = pick(rng, ACCENTS);
  const pts = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
  specs.push({
    brush: 'fineliner',
    colour: accent,
    size: 4,
    path: rectPath(bx, by, bw, bh, rng),
    points: 120,
    jitter: 0.6,
  });

  // Heading: highlighter swash, then brush-pen letters on top.
  const headingLetters = 6 + Math.floor(rng() * 8);
  const hx = bx + 28;
  const hy = by + 78;
  const headingWidth = headingLetters * 34;
  specs.push({
    brush: 'highlighter',
    colour: pick(rng, HIGHLIGHTS),
    size: 26,
    path: [
      [hx - 8, hy - 12],
      [hx + headingWidth * 0.5, hy - 14 + rng() * 6],
      [hx + headingWidth + 8, hy - 12],
    ],
    points: pts(60, 100),
    jitter: 0.4,
  });
  for (let i = 0; i < headingLetters; i++) {
    for (const path of randomGlyph(rng, hx + i * 34, hy, 26, 46)) {
      specs.push({ brush: 'brushpen', colour: INK, size: 6, path, points: pts(50, 110), jitter: 0.3 });
    }
  }

  // Handwriting.
  const left = bx + 24;
  const right = bx + bw - 24;
  const lineHeight = 34;
  for (let baseline = hy + 56; baseline < by + bh - 70; baseline += lineHeight) {
    let x = left + rng() * 10;
    while (x < right - 20) {
      const word = 2 + Math.floor(rng() * 7);
      for (let l = 0; l < word && x < right - 16; l++) {
        for (const path of randomGlyph(rng, x, baseline, 13, 22)) {
          specs.push({
            brush: 'fineliner',
            colour: rng() < 0.9 ? INK : accent,
            size: 2.5 + rng(),
            path,
            points: pts(40, 120),
            jitter: 0.25,
          });
        }
        x += 15 + rng() * 4;
      }
      x += 14;
    }
  }

  // Doodle: a face in a circle, and a marker accent bar.
  const cx = bx + bw - 70;
  const cy = by + bh - 70;
  specs.push({
    brush: 'fineliner',
    colour: INK,
    size: 3.5,
    path: circlePath(cx, cy, 42, rng),
    points: pts(80, 120),
    jitter: 0.4,
  });
  specs.push({
    brush: 'fineliner',
    colour: INK,
    size: 3.5,
    path: circlePath(cx - 14, cy - 10, 4, rng),
    points: 40,
    jitter: 0.2,
  });
  specs.push({
    brush: 'fineliner',
    colour: INK,
    size: 3.5,
    path: circlePath(cx + 14, cy - 10, 4, rng),
    points: 40,
    jitter: 0.2,
  });
  specs.push({
    brush: 'fineliner',
    colour: INK,
    size: 3.5,
    path: [
      [cx - 20, cy + 10],
      [cx, cy + 22],
      [cx + 20, cy + 10],
    ],
    points: pts(40, 70),
    jitter: 0.2,
  });
  specs.push({
    brush: 'marker',
    colour: accent,
    size: 12,
    path: [
      [bx + 30, by + bh - 40],
      [bx + 150, by + bh - 44 + rng() * 8],
      [bx + 280, by + bh - 40],
    ],
    points: pts(60, 100),
    jitter: 0.5,
  });

  {
    // An arrow from the end of the heading to the doodle: short, curved, with a two-stroke head.
    const from: Pt = [hx + headingWidth + 20, hy - 10];
    const to: Pt = [cx - 50, cy - 40];
    const mid: Pt = [(from[0] + to[0]) / 2 + 40 + rng() * 40, (from[1] + to[1]) / 2 - 20];
    specs.push({
      brush: 'brushpen',
      colour: accent,
      size: 5,
      path: [from, mid, to],
      points: pts(80, 120),
      jitter: 0.4,
    });
    const angle = Math.atan2(to[1] - mid[1], to[0] - mid[0]);
    for (const side of [-1, 1]) {
      const a = angle + Math.PI + side * 0.5;
      specs.push({
        brush: 'brushpen',
        colour: accent,
        size: 5,
        path: [to, [to[0] + Math.cos(a) * 22, to[1] + Math.sin(a) * 22]],
        points: 40,
        jitter: 0.2,
      });
    }
  }
  return specs;
}

export interface SyntheticOptions {
  seed?: number;
  author?: string;
}

/** `count` strokes of a synthetic A0 sketchnote (ids `syn-<seed>-<index>`, z = index). */
export function syntheticSketch(count: number, options: SyntheticOptions = {}): Stroke[] {
  const seed = options.seed ?? 1;
  const author = options.author ?? 'synthetic';
  const rng = mulberry32(seed);
  const sheet = SHEET_SIZES.a0;
  const cols = 6;
  const rows = 5;
  const margin = 40;
  const cellW = (sheet.width - margin * 2) / cols;
  const cellH = (sheet.height - margin * 2) / rows;
  const order = Array.from({ length: cols * rows }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [at(order, j), at(order, i)];
  }
  const strokes: Stroke[] = [];
  let pass = 0;
  while (strokes.length < count) {
    for (let b = 0; b < order.length && strokes.length < count; b++) {
      const cell = at(order, b);
      // Later passes (beyond ~20,000 strokes) write between the lines of earlier ones.
      const shift = pass * 17;
      const bx = margin + (cell % cols) * cellW + 14;
      const by = margin + Math.floor(cell / cols) * cellH + 14 + shift;
      for (const spec of blockSpecs(rng, bx, by, cellW - 28, cellH - 28 - shift)) {
        if (strokes.length >= count) {
          break;
        }
        const i = strokes.length;
        strokes.push({
          id: `syn-${seed}-${i}`,
          brush: spec.brush,
          colour: spec.colour,
          size: spec.size,
          pressureOn: true,
          smoothing: 0.5,
          layer: spec.layer ?? 'drawing',
          author,
          createdAt: START_TIME + i * MS_PER_STROKE,
          z: i,
          points: { xyp: sampleSpline(spec.path, spec.points, rng, spec.jitter), hasPressure: true },
        });
      }
    }
    pass += 1;
  }
  return strokes;
}
