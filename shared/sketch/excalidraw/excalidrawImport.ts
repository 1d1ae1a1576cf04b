import type * as Y from 'yjs';
import type { z } from 'zod';
import { BRUSHES } from '../brushes.js';
import { base64ToBytes } from '../pointCodec.js';
import {
  COORD_LIMIT,
  MAX_STROKE_SIZE,
  MIN_STROKE_SIZE,
  metaMap,
  strokesMap,
  type BrushKind,
  type LayerId,
  type StrokeJson,
} from '../sketchLayout.js';
import { encodeStroke, splitPoints } from '../strokeCodec.js';
import { makeAsset, type AssetJson } from '../objects/assets.js';
import {
  decodeObject,
  encodeObject,
  isPlainObject,
  type NewObject,
  type ObjectJson,
} from '../objects/objectCodec.js';
import { DEFAULT_LINE_HEIGHT, defaultVerticalAlign, type Arrowhead } from '../objects/objectFields.js';
import { normaliseLinePoints, quantise } from '../objects/geometry.js';
import {
  MAX_FONT_SIZE,
  MAX_OBJECT_STROKE_WIDTH,
  MAX_TEXT_LENGTH,
  assetsMap,
  objectsMap,
  strokeGroupsMap,
} from '../objects/objectLayout.js';
import { topZByLayer } from '../objects/paintOrder.js';
import { parseCssColour, toStoredColour } from './colours.js';
import {
  APPROXIMATED,
  DEFAULT_STREAMLINE,
  EXCALIDRAW_CLIPBOARD_TYPE,
  EXCALIDRAW_TYPE,
  EXCALIDRAW_VERSION,
  FREEDRAW_SIZE_FACTOR,
  MAX_EXCALIDRAW_ELEMENTS,
  MAX_EXCALIDRAW_FILE_BYTES,
  MAX_EXCALIDRAW_STROKE_WIDTH,
  binaryFileSchema,
  elementBaseSchema,
  fontFamilyFrom,
  freedrawFieldsSchema,
  imageFieldsSchema,
  linearFieldsSchema,
  mitschriftDataOf,
  textFieldsSchema,
  usableId,
  type ExcalidrawElementBase,
  type MitschriftData,
} from './excalidrawFormat.js';

/**
 * Imports an Excalidraw drawing (`.excalidraw` JSON, format in `excalidrawFormat.ts`) as strokes,
 * objects and images of a sketchnote:
 *
 * - freedraw → a stroke: points made absolute (rotation applied), pressures kept when the pen had
 *   them (`simulatePressure: false`) and simulated from speed otherwise; `strokeOptions.variability:
 *   'constant'` turns pressure off; size = strokeWidth · 4.25 (constant: · 1.4); streamline →
 *   smoothing; strokeColor and opacity → the colour with alpha; brush 'fineliner'. Longer strokes
 *   are split into entries of 2,000 points.
 * - rectangle, ellipse → rect (corner radius from `roundness`), ellipse; diamond → a container
 *   with shape 'diamond' (a rotated rectangle is not a diamond, so this keeps the shape exactly).
 * - line, arrow → line, arrow (closed polygon lines stay closed; rounded ones are `curved`); an
 *   arrow bound at both ends to imported elements → a connector between them. Arrowheads without an
 *   equivalent are drawn as the nearest one (named in the notes).
 * - text → text (Virgil/Excalifont/Comic Shanns → hand lettering, the others → sans), bound text
 *   keeps its container. image → an image and its file → an asset (PNG, JPEG, WebP up to 5 MiB).
 * - roughness > 0 → 'handDrawn', 0 → 'clean'; backgroundColor/fillStyle → fill; the outermost of
 *   an element's groups → its group.
 * - deleted elements are skipped (counted); frames are skipped with a note (their elements are
 *   imported); embeds, SVG images and unknown types are skipped and counted, never silently.
 *
 * Element ids are kept where they are valid ids not yet used in the target sketch, so a file
 * exported from a sketch re-imports with the same ids; `customData.mitschrift` written by our export
 * restores what Excalidraw cannot express.
 */

/** What an import found and did. */
export interface ExcalidrawImportReport {
  /** The file's version (2 for current files), null if it had none. */
  version: number | null;
  /** Elements in the file. */
  elements: number;
  /** Imported elements by Excalidraw type. */
  imported: Record<string, number>;
  /** Elements not imported, by type (deleted ones are counted in `deleted`). */
  skipped: Record<string, number>;
  /** Deleted elements (Excalidraw keeps them for collaboration); never imported. */
  deleted: number;
  /** What was approximated or left out, one sentence each. */
  notes: string[];
  /** Entries written. */
  strokes: number;
  objects: number;
  images: number;
}

/** Everything an import would write. */
export interface ImportedSketch {
  strokes: Array<{ id: string; json: StrokeJson }>;
  strokeGroups: Array<{ id: string; groupId: string }>;
  objects: Array<{ id: string; json: ObjectJson }>;
  assets: Array<{ id: string; json: AssetJson }>;
  /** The drawing's background colour, '#rrggbb', if it has a usable one. */
  background: string | null;
  report: ExcalidrawImportReport;
}

/** An import, or why the file was refused. Never throws for any input. */
export type ExcalidrawImportResult = { ok: true; value: ImportedSketch } | { ok: false; reason: string };

/** How the imported entries are made. */
export interface ExcalidrawImportOptions {
  newId: () => string;
  /** Author of entries without our custom data. */
  author: string;
  /** Creation time of entries without a usable `updated` time. */
  now: number;
  /** Ids already used in the target sketch (strokes, objects, assets, groups); never reused. */
  usedIds?: ReadonlySet<string>;
  /** The highest z per layer in the target sketch; imported items go on top, in file order. */
  zBase?: Partial<Record<LayerId, number>>;
}

/** A file that cannot be imported; the message names the problem (and the element). */
class ImportRefusal extends Error {}

/** The parts of an Excalidraw file an import reads. */
export interface ExcalidrawFileData {
  version: number | undefined;
  elements: unknown[];
  files: Record<string, unknown>;
  appState: Record<string, unknown> | null;
}

/**
 * Parses and checks the outside of an Excalidraw file: JSON, `type` (a drawing, or Excalidraw's
 * clipboard), `version` (at most 2), `elements` (a list of at most 100,000). The reason names
 * what is wrong.
 */
export function parseExcalidraw(
  text: string,
): { ok: true; value: ExcalidrawFileData } | { ok: false; reason: string } {
  if (text.length > MAX_EXCALIDRAW_FILE_BYTES) {
    return { ok: false, reason: `The file is larger than ${MAX_EXCALIDRAW_FILE_BYTES / 1024 / 1024} MB.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return {
      ok: false,
      reason: `The file is not valid JSON (${(error as Error).message}), so it is not an Excalidraw drawing.`,
    };
  }
  if (!isPlainObject(json) || !('type' in json)) {
    return {
      ok: false,
      reason: 'The file is JSON but not an Excalidraw drawing: it has no "type": "excalidraw".',
    };
  }
  const type = json['type'];
  if (type === 'excalidrawlib') {
    return {
      ok: false,
      reason: 'The file is an Excalidraw library ("type": "excalidrawlib"), not a drawing.',
    };
  }
  if (type !== EXCALIDRAW_TYPE && type !== EXCALIDRAW_CLIPBOARD_TYPE) {
    return {
      ok: false,
      reason: `The file's "type" is ${JSON.stringify(type)?.slice(0, 60)}, not "excalidraw": it is not an Excalidraw drawing.`,
    };
  }
  const version = json['version'];
  if (version !== undefined && (typeof version !== 'number' || !Number.isFinite(version))) {
    return {
      ok: false,
      reason: `The file's "version" is ${JSON.stringify(version)?.slice(0, 60)}, not a number.`,
    };
  }
  if (typeof version === 'number' && version > EXCALIDRAW_VERSION) {
    return {
      ok: false,
      reason: `The file has version ${version}; this Mitschrift reads Excalidraw files up to version ${EXCALIDRAW_VERSION}. Update Mitschrift, or save the drawing from an older Excalidraw.`,
    };
  }
  const elements = json['elements'] ?? [];
  if (!Array.isArray(elements)) {
    return { ok: false, reason: 'The file\'s "elements" is not a list.' };
  }
  if (elements.length > MAX_EXCALIDRAW_ELEMENTS) {
    return {
      ok: false,
      reason: `The file has ${elements.length} elements; at most ${MAX_EXCALIDRAW_ELEMENTS} are imported.`,
    };
  }
  const files = isPlainObject(json['files']) ? json['files'] : {};
  const appState = isPlainObject(json['appState']) ? json['appState'] : null;
  return {
    ok: true,
    value: { version: typeof version === 'number' ? version : undefined, elements, files, appState },
  };
}

const IMPORTABLE = new Set(['freedraw', 'rectangle', 'ellipse', 'diamond', 'line', 'arrow', 'text', 'image']);

interface Candidate {
  index: number;
  base: ExcalidrawElementBase;
  raw: Record<string, unknown>;
  id: string;
  where: string;
  data: MitschriftData | undefined;
  /** Place in paint order among the importable elements. */
  order: number;
}

/** The state of one import. */
class Importer {
  readonly report: ExcalidrawImportReport = {
    version: null,
    elements: 0,
    imported: {},
    skipped: {},
    deleted: 0,
    notes: [],
    strokes: 0,
    objects: 0,
    images: 0,
  };
  readonly out: ImportedSketch;
  private readonly notes = new Map<string, { count: number; text: (n: number) => string }>();
  private readonly taken = new Set<string>();
  private readonly ids = new Map<string, string>();
  private readonly groups = new Map<string, string>();
  private readonly assetIds = new Map<string, string | null>();
  /** Excalidraw ids of elements that became objects (and could be bound to). */
  private readonly converted = new Map<string, { id: string; kind: ObjectJson['kind'] }>();
  /** File order of each imported entry (pieces of a stroke share their element's). */
  private readonly orderOf = new Map<string, number>();

  constructor(
    private readonly file: ExcalidrawFileData,
    private readonly options: ExcalidrawImportOptions,
  ) {
    this.out = {
      strokes: [],
      strokeGroups: [],
      objects: [],
      assets: [],
      background: null,
      report: this.report,
    };
  }

  run(): ImportedSketch {
    const { elements } = this.file;
    this.report.version = this.file.version ?? null;
    this.report.elements = elements.length;
    const candidates: Candidate[] = [];
    elements.forEach((raw, index) => {
      if (!isPlainObject(raw)) {
        this.skip(
          '(not an element)',
          'not-object',
          (n) =>
            `${plural(n, 'entry', 'entries')} of "elements" ${n === 1 ? 'is not an element and was' : 'are not elements and were'} skipped.`,
        );
        return;
      }
      const parsed = elementBaseSchema.safeParse(raw);
      const type = typeof raw['type'] === 'string' ? raw['type'].slice(0, 100) : '(no type)';
      const where = `Element ${index + 1} (${JSON.stringify(typeof raw['id'] === 'string' ? raw['id'].slice(0, 60) : '')}, ${type})`;
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ImportRefusal(
          `${where}: ${issue?.path.join('.') || 'element'}: ${issue?.message ?? 'invalid'}.`,
        );
      }
      const base = parsed.data;
      if (base.isDeleted) {
        this.report.deleted += 1;
        return;
      }
      if (!IMPORTABLE.has(type)) {
        this.skipType(type);
        return;
      }
      candidates.push({
        index,
        base,
        raw,
        id: '',
        where,
        data: mitschriftDataOf(base.customData),
        order: candidates.length + 1,
      });
    });
    // Ids first, so bindings and containers can refer forward.
    for (const c of candidates) {
      c.id = this.idFor(c.base.id);
    }
    // Shapes, lines, freedraw and images first; then arrows (they bind to shapes); then text (it
    // can sit in an arrow). Paint order comes from `order`, not from this sequence.
    const phase = (c: Candidate): number => (c.base.type === 'arrow' ? 1 : c.base.type === 'text' ? 2 : 0);
    for (const p of [0, 1, 2]) {
      for (const c of candidates.filter((x) => phase(x) === p)) {
        this.convert(c);
      }
    }
    this.renumber();
    this.out.background = this.background();
    this.report.notes = [...this.notes.values()].map(({ count, text }) => text(count));
    return this.out;
  }

  /**
   * Gives the imported items consecutive z values per layer, in file order (a stroke's pieces in
   * sequence), above the target's top: skipped elements leave no gaps, so an exported and
   * re-imported drawing gets the same numbers.
   */
  private renumber(): void {
    const items = [
      ...this.out.strokes.map((entry, i) => ({ entry, order: this.orderOf.get(entry.id) ?? 0, seq: i })),
      ...this.out.objects.map((entry, i) => ({
        entry,
        order: this.orderOf.get(entry.id) ?? 0,
        seq: this.out.strokes.length + i,
      })),
    ].sort((a, b) => a.order - b.order || a.seq - b.seq);
    const next: Partial<Record<LayerId, number>> = {};
    for (const { entry } of items) {
      const layer = entry.json.layer;
      const z = (next[layer] ?? this.options.zBase?.[layer] ?? 0) + 1;
      next[layer] = z;
      entry.json = { ...entry.json, z };
    }
    this.out.objects.sort((a, b) => (this.orderOf.get(a.id) ?? 0) - (this.orderOf.get(b.id) ?? 0));
  }

  private convert(c: Candidate): void {
    try {
      switch (c.base.type) {
        case 'freedraw':
          this.freedraw(c);
          break;
        case 'image':
          this.image(c);
          break;
        default:
          this.object(c);
      }
    } catch (error) {
      if (error instanceof ImportRefusal) {
        throw error;
      }
      if (error instanceof RangeError) {
        throw new ImportRefusal(`${c.where}: ${error.message}`);
      }
      throw error;
    }
  }

  private note(key: string, text: (n: number) => string): void {
    const entry = this.notes.get(key);
    if (entry) {
      entry.count += 1;
    } else {
      this.notes.set(key, { count: 1, text });
    }
  }

  private skip(type: string, key: string, text: (n: number) => string): void {
    this.report.skipped[type] = (this.report.skipped[type] ?? 0) + 1;
    this.note(key, text);
  }

  private skipType(type: string): void {
    if (type === 'frame' || type === 'magicframe') {
      this.skip(
        type,
        'frame',
        (n) =>
          `${plural(n, 'frame')} not imported (frames are Excalidraw's slides; the elements inside them are imported).`,
      );
    } else if (type === 'embeddable' || type === 'iframe') {
      this.skip(
        type,
        'embed',
        (n) => `${plural(n, 'embedded web page')} not imported (a sketchnote shows no web content).`,
      );
    } else if (type === 'selection') {
      this.skip(
        type,
        'selection',
        (n) => `${plural(n, 'leftover selection box', 'leftover selection boxes')} skipped.`,
      );
    } else {
      this.skip(
        type,
        `type:${type}`,
        (n) =>
          `${plural(n, `element of the unknown type "${type}"`, `elements of the unknown type "${type}"`)} skipped.`,
      );
    }
  }

  private imported(type: string): void {
    this.report.imported[type] = (this.report.imported[type] ?? 0) + 1;
  }

  private isTaken(id: string): boolean {
    return this.taken.has(id) || (this.options.usedIds?.has(id) ?? false);
  }

  private fresh(): string {
    let id = this.options.newId();
    while (this.isTaken(id)) {
      id = this.options.newId();
    }
    this.taken.add(id);
    return id;
  }

  /** Our id for an Excalidraw id: the same where possible. */
  private idFor(excalidrawId: string | undefined): string {
    const id = usableId(excalidrawId) && !this.isTaken(excalidrawId) ? excalidrawId : this.fresh();
    this.taken.add(id);
    if (excalidrawId !== undefined && !this.ids.has(excalidrawId)) {
      this.ids.set(excalidrawId, id);
    }
    return id;
  }

  private groupFor(c: Candidate): string | undefined {
    const groups = c.base.groupIds ?? [];
    const outermost = groups[groups.length - 1];
    if (outermost === undefined) {
      return undefined;
    }
    if (groups.length > 1) {
      this.note(
        'nested',
        (n) => `${plural(n, 'element')} in nested groups now belong to their outermost group only.`,
      );
    }
    let id = this.groups.get(outermost);
    if (!id) {
      id = usableId(outermost) && !this.isTaken(outermost) ? outermost : this.fresh();
      this.taken.add(id);
      this.groups.set(outermost, id);
    }
    return id;
  }

  private layerOf(c: Candidate): LayerId {
    return c.data?.layer ?? 'drawing';
  }

  private zOf(c: Candidate): number {
    return (this.options.zBase?.[this.layerOf(c)] ?? 0) + c.order;
  }

  private authorOf(c: Candidate): string {
    return c.data?.author ?? this.options.author;
  }

  private createdAtOf(c: Candidate): number {
    if (c.data?.createdAt !== undefined) {
      return c.data.createdAt;
    }
    const updated = c.base.updated;
    return updated !== undefined && Number.isInteger(updated) && updated > 0 && updated < 1e14
      ? updated
      : Math.round(this.options.now);
  }

  private colour(text: string | undefined, fallback: string): { hex: string; alpha: number } {
    const parsed = text === undefined ? null : parseCssColour(text);
    if (text !== undefined && !parsed) {
      this.note(
        `colour:${text}`,
        (n) =>
          `The colour ${JSON.stringify(text.slice(0, 40))} was not understood and drawn as ${fallback} (${plural(n, 'element')}).`,
      );
    }
    const rgba = parsed ?? parseCssColour(fallback) ?? { r: 0, g: 0, b: 0, a: 1 };
    return { hex: toStoredColour({ ...rgba, a: 1 }), alpha: rgba.a };
  }

  private checkCoord(c: Candidate, name: string, value: number): void {
    if (Math.abs(value) > COORD_LIMIT) {
      throw new ImportRefusal(
        `${c.where}: ${name} is ${value}, beyond ±${COORD_LIMIT} scene units; no drawing reaches that far.`,
      );
    }
  }

  private strokeWidthOf(c: Candidate, fallback: number): number {
    const width = c.base.strokeWidth;
    if (width !== undefined && width > MAX_EXCALIDRAW_STROKE_WIDTH) {
      throw new ImportRefusal(`${c.where}: strokeWidth is ${width}; Excalidraw's widths are 0.5 to 4.`);
    }
    return width !== undefined && width > 0 ? width : fallback;
  }

  private opacityOf(c: Candidate): number {
    const opacity = c.base.opacity;
    return opacity === undefined ? 1 : Math.min(100, Math.max(0, opacity)) / 100;
  }

  /** The element's box and angle, with Excalidraw's normalisation of negative sizes. */
  private box(c: Candidate): { x: number; y: number; w: number; h: number; angle: number } {
    let x = c.base.x ?? 0;
    let y = c.base.y ?? 0;
    let w = c.base.width ?? 0;
    let h = c.base.height ?? 0;
    if (w < 0) {
      x += w;
      w = -w;
    }
    if (h < 0) {
      y += h;
      h = -h;
    }
    this.checkCoord(c, 'x', x);
    this.checkCoord(c, 'y', y);
    this.checkCoord(c, 'x + width', x + w);
    this.checkCoord(c, 'y + height', y + h);
    return { x: quantise(x), y: quantise(y), w: quantise(w), h: quantise(h), angle: c.base.angle ?? 0 };
  }

  /** Valid [x, y] points of an element (Excalidraw drops the others too), relative. */
  private points(c: Candidate, raw: unknown[] | undefined): Array<[number, number]> {
    const points: Array<[number, number]> = [];
    let dropped = 0;
    for (const p of raw ?? []) {
      if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number') {
        points.push([p[0], p[1]]);
      } else {
        dropped += 1;
      }
    }
    if (dropped > 0) {
      this.note('points', (n) => `${plural(n, 'element')} had malformed points, which were left out.`);
    }
    for (const [px, py] of points) {
      this.checkCoord(c, 'the x of a point', (c.base.x ?? 0) + px);
      this.checkCoord(c, 'the y of a point', (c.base.y ?? 0) + py);
    }
    return points;
  }

  private freedraw(c: Candidate): void {
    const fields = parseFields(c, freedrawFieldsSchema);
    const relative = this.points(c, fields.points);
    if (relative.length === 0) {
      this.skip('freedraw', 'empty', (n) => `${plural(n, 'freedraw element')} without points skipped.`);
      return;
    }
    const x0 = c.base.x ?? 0;
    const y0 = c.base.y ?? 0;
    const angle = c.base.angle ?? 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [px, py] of relative) {
      minX = Math.min(minX, px);
      maxX = Math.max(maxX, px);
      minY = Math.min(minY, py);
      maxY = Math.max(maxY, py);
    }
    // Excalidraw rotates a freedraw about the centre of its points' box.
    const cx = x0 + (minX + maxX) / 2;
    const cy = y0 + (minY + maxY) / 2;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const pressures = fields.pressures ?? [];
    const hasPressure = fields.simulatePressure === false && pressures.length > 0;
    const xyp = new Float32Array(relative.length * 3);
    relative.forEach(([px, py], i) => {
      const dx = x0 + px - cx;
      const dy = y0 + py - cy;
      const x = angle === 0 ? x0 + px : cx + dx * cos - dy * sin;
      const y = angle === 0 ? y0 + py : cy + dx * sin + dy * cos;
      this.checkCoord(c, 'the x of a point', x);
      this.checkCoord(c, 'the y of a point', y);
      const p = pressures[i];
      xyp[i * 3] = x;
      xyp[i * 3 + 1] = y;
      xyp[i * 3 + 2] = hasPressure && typeof p === 'number' ? Math.min(1, Math.max(0, p)) : 0.5;
    });
    const pressureOn = fields.strokeOptions?.variability !== 'constant';
    const brush: BrushKind = c.data?.brush ?? 'fineliner';
    const rawSize =
      this.strokeWidthOf(c, 2) * (pressureOn ? FREEDRAW_SIZE_FACTOR.variable : FREEDRAW_SIZE_FACTOR.constant);
    const size = Math.min(MAX_STROKE_SIZE, Math.max(MIN_STROKE_SIZE, round3(rawSize)));
    if (size !== round3(rawSize)) {
      this.note(
        'size',
        (n) =>
          `${plural(n, 'freedraw stroke')} had a width outside what a brush draws and now use the nearest.`,
      );
    }
    const streamline = fields.strokeOptions?.streamline ?? DEFAULT_STREAMLINE;
    const smoothing = round3(Math.min(1, Math.max(0, (streamline - 0.15) / 0.7)));
    const { hex, alpha } = this.colour(c.base.strokeColor, '#1e1e1e');
    const colourAlpha = Math.min(1, (alpha * this.opacityOf(c)) / BRUSHES[brush].opacity);
    const colour = withAlpha(hex, colourAlpha);
    const group = this.groupFor(c);
    const pieces = splitPoints(xyp);
    if (pieces.length > 1) {
      this.note('split', (n) => `${plural(n, 'long freedraw stroke')} stored in pieces of 2,000 points.`);
    }
    pieces.forEach((piece, k) => {
      const id = k === 0 ? c.id : this.fresh();
      const json = encodeStroke({
        brush,
        colour,
        size,
        pressureOn,
        smoothing,
        layer: this.layerOf(c),
        author: this.authorOf(c),
        createdAt: this.createdAtOf(c),
        z: this.zOf(c),
        points: { xyp: piece, hasPressure },
      });
      this.out.strokes.push({ id, json });
      this.orderOf.set(id, c.order);
      if (group) {
        this.out.strokeGroups.push({ id, groupId: group });
      }
    });
    this.report.strokes += pieces.length;
    this.imported('freedraw');
  }

  /** The fields every object has. */
  private common(c: Candidate): Omit<Extract<NewObject, { kind: 'rect' }>, 'kind' | 'cornerRadius'> {
    const box = this.box(c);
    const stroke = this.colour(c.base.strokeColor, '#1e1e1e');
    const fill = c.base.backgroundColor === undefined ? null : this.colour(c.base.backgroundColor, '#ffffff');
    const fillStyle = c.base.fillStyle;
    const strokeWidth = Math.min(MAX_OBJECT_STROKE_WIDTH, this.strokeWidthOf(c, 2));
    const group = this.groupFor(c);
    return {
      ...box,
      style: (c.base.roughness ?? 1) > 0 ? 'handDrawn' : 'clean',
      strokeColour: withAlpha(stroke.hex, stroke.alpha),
      fillColour: fill && fill.alpha > 0 ? withAlpha(fill.hex, fill.alpha) : null,
      ...(fill && fill.alpha > 0 && fillStyle && fillStyle !== 'solid'
        ? { fillStyle: fillStyle === 'cross-hatch' ? 'crossHatch' : 'hachure' }
        : {}),
      strokeWidth,
      ...(c.base.strokeStyle === 'dashed' || c.base.strokeStyle === 'dotted'
        ? { strokeStyle: c.base.strokeStyle }
        : {}),
      opacity: this.opacityOf(c),
      layer: this.layerOf(c),
      z: this.zOf(c),
      author: this.authorOf(c),
      createdAt: this.createdAtOf(c),
      ...(group ? { groupId: group } : {}),
    };
  }

  private push(c: Candidate, object: NewObject): void {
    const json = encodeObject(object);
    this.out.objects.push({ id: c.id, json });
    this.orderOf.set(c.id, c.order);
    this.report.objects += 1;
    this.imported(c.base.type);
    if (c.base.id !== undefined && !this.converted.has(c.base.id)) {
      this.converted.set(c.base.id, { id: c.id, kind: json.kind });
    }
  }

  private object(c: Candidate): void {
    const restored = this.restoredApproximation(c);
    if (restored) {
      this.push(c, restored);
      return;
    }
    switch (c.base.type) {
      case 'rectangle': {
        const common = this.common(c);
        const radius = cornerRadius(c.base.roundness, Math.min(common.w, common.h));
        this.push(c, { ...common, kind: 'rect', ...(radius > 0 ? { cornerRadius: quantise(radius) } : {}) });
        return;
      }
      case 'ellipse':
        this.push(c, { ...this.common(c), kind: 'ellipse' });
        return;
      case 'diamond':
        this.push(c, { ...this.common(c), kind: 'container', shape: 'diamond' });
        return;
      case 'line':
      case 'arrow':
        this.linear(c);
        return;
      case 'text':
        this.text(c);
        return;
    }
  }

  /** A speech bubble, banner or other shape our export wrote as a polygon, from its custom data. */
  private restoredApproximation(c: Candidate): NewObject | null {
    if (c.base.type !== 'line' || c.data?.object === undefined) {
      return null;
    }
    const decoded = decodeObject(c.id, c.data.object);
    if (!decoded.ok || !APPROXIMATED.has(decoded.value.kind)) {
      return null;
    }
    const { id: _id, v: _v, groupId: _g, ...object } = decoded.value;
    void [_id, _v, _g];
    const [ox, oy] = c.data.origin ?? [c.base.x ?? 0, c.base.y ?? 0];
    const dx = (c.base.x ?? 0) - ox;
    const dy = (c.base.y ?? 0) - oy;
    const group = this.groupFor(c);
    this.checkCoord(c, 'x', object.x + dx);
    this.checkCoord(c, 'y', object.y + dy);
    return {
      ...object,
      x: quantise(object.x + dx),
      y: quantise(object.y + dy),
      z: this.zOf(c),
      ...(group ? { groupId: group } : {}),
    } as NewObject;
  }

  private linear(c: Candidate): void {
    const fields = parseFields(c, linearFieldsSchema);
    const common = this.common(c);
    let relative = this.points(c, fields.points);
    if (relative.length < 2) {
      // Excalidraw's restore does the same: a line from the origin across its box.
      relative = [
        [0, 0],
        [c.base.width ?? 0, c.base.height ?? 0],
      ];
    }
    const line = normaliseLinePoints(c.base.x ?? 0, c.base.y ?? 0, relative);
    const geometry = {
      x: quantise(line.x),
      y: quantise(line.y),
      w: quantise(line.w),
      h: quantise(line.h),
      points: line.points.map(([px, py]): [number, number] => [quantise(px), quantise(py)]),
    };
    this.checkCoord(c, 'x + width', geometry.x + geometry.w);
    this.checkCoord(c, 'y + height', geometry.y + geometry.h);
    const heads = {
      startArrowhead: this.arrowhead(fields.startArrowhead ?? null),
      endArrowhead: this.arrowhead(
        c.base.type === 'arrow' && fields.endArrowhead === undefined
          ? 'arrow'
          : (fields.endArrowhead ?? null),
      ),
      ...(c.base.roundness ? { curved: true } : {}),
    };
    if (c.base.type === 'line') {
      this.push(c, {
        ...common,
        ...geometry,
        ...heads,
        kind: 'line',
        ...(fields.polygon ? { closed: true } : {}),
      });
      return;
    }
    if (fields.elbowed) {
      this.note(
        'elbow',
        (n) => `${plural(n, 'elbow arrow')} keep their corners but are not re-routed automatically.`,
      );
    }
    const start = this.bound(fields.startBinding?.elementId ?? c.data?.startBinding);
    const end = this.bound(fields.endBinding?.elementId ?? c.data?.endBinding);
    if (start && end && start !== end) {
      const startAnchor = anchor(fields.startBinding?.fixedPoint);
      const endAnchor = anchor(fields.endBinding?.fixedPoint);
      this.push(c, {
        ...common,
        ...geometry,
        ...heads,
        kind: 'connector',
        startBinding: start,
        endBinding: end,
        ...(startAnchor ? { startAnchor } : {}),
        ...(endAnchor ? { endAnchor } : {}),
      });
      return;
    }
    if (fields.startBinding || fields.endBinding) {
      this.note(
        'binding',
        (n) =>
          `${plural(n, 'arrow')} bound at one end only (or to something not imported) ${n === 1 ? 'is' : 'are'} now free.`,
      );
    }
    this.push(c, { ...common, ...geometry, ...heads, kind: 'arrow' });
  }

  /** Our id of a bound element that became a shape, text or image (lines are not bound to). */
  private bound(excalidrawId: string | undefined): string | undefined {
    if (excalidrawId === undefined) {
      return undefined;
    }
    const target = this.converted.get(excalidrawId);
    return target && target.kind !== 'line' && target.kind !== 'arrow' && target.kind !== 'connector'
      ? target.id
      : undefined;
  }

  private arrowhead(head: string | null): Arrowhead | null {
    if (head === null) {
      return null;
    }
    const mapped: Record<string, Arrowhead> = {
      arrow: 'arrow',
      triangle: 'triangle',
      triangle_outline: 'triangle',
      bar: 'bar',
      circle: 'dot',
      circle_outline: 'dot',
      dot: 'dot',
      diamond: 'diamond',
      diamond_outline: 'diamond',
    };
    const ours = mapped[head];
    if (!ours || head.endsWith('_outline')) {
      this.note(
        `head:${head}`,
        (n) => `The arrowhead "${head.slice(0, 40)}" is drawn as "${ours ?? 'arrow'}" (${plural(n, 'end')}).`,
      );
    }
    return ours ?? 'arrow';
  }

  private text(c: Candidate): void {
    const fields = parseFields(c, textFieldsSchema);
    const text = fields.originalText || fields.text || '';
    if (text.length > MAX_TEXT_LENGTH) {
      throw new ImportRefusal(
        `${c.where}: the text has ${text.length} characters; a text holds at most ${MAX_TEXT_LENGTH}.`,
      );
    }
    const fontSize = fields.fontSize ?? 20;
    if (fontSize > MAX_FONT_SIZE) {
      throw new ImportRefusal(`${c.where}: fontSize is ${fontSize}; at most ${MAX_FONT_SIZE} is drawn.`);
    }
    const containerId = this.containerOf(fields.containerId ?? c.data?.containerId);
    const lineHeight = fields.lineHeight;
    const align = fields.textAlign === 'center' || fields.textAlign === 'right' ? fields.textAlign : 'left';
    const vertical = fields.verticalAlign;
    const common = this.common(c);
    this.push(c, {
      ...common,
      fillColour: null,
      kind: 'text',
      text,
      fontFamily: c.data?.fontFamily ?? fontFamilyFrom(fields.fontFamily),
      fontSize: Math.max(1, round3(fontSize)),
      align,
      // Defaults (see objectLayout.ts) are left out, so files and sketches compare equal.
      ...((vertical === 'top' || vertical === 'middle' || vertical === 'bottom') &&
      vertical !== defaultVerticalAlign(containerId !== undefined)
        ? { verticalAlign: vertical }
        : {}),
      ...(lineHeight !== undefined &&
      lineHeight >= 0.5 &&
      lineHeight <= 4 &&
      lineHeight !== DEFAULT_LINE_HEIGHT
        ? { lineHeight }
        : {}),
      ...(containerId ? { containerId } : {}),
    });
  }

  private containerOf(excalidrawId: string | null | undefined): string | undefined {
    if (!excalidrawId) {
      return undefined;
    }
    const target = this.converted.get(excalidrawId);
    return target && target.kind !== 'text' ? target.id : undefined;
  }

  private image(c: Candidate): void {
    const fields = parseFields(c, imageFieldsSchema);
    const fileId = fields.fileId ?? undefined;
    if (fileId === undefined) {
      this.skip('image', 'image:nofile', (n) => `${plural(n, 'image')} without image data skipped.`);
      return;
    }
    const assetId = this.asset(fileId);
    if (!assetId) {
      return;
    }
    const [sx, sy] = fields.scale ?? [1, 1];
    if (fields.crop) {
      this.note('crop', (n) => `${plural(n, 'cropped image')} imported uncropped.`);
    }
    const common = this.common(c);
    this.push(c, {
      ...common,
      fillColour: null,
      kind: 'image',
      assetId,
      ...(sx < 0 ? { flipX: true } : {}),
      ...(sy < 0 ? { flipY: true } : {}),
    });
  }

  /** Our asset id for an Excalidraw file, adding the asset once; null (with a note) if unusable. */
  private asset(fileId: string): string | null {
    if (this.assetIds.has(fileId)) {
      const known = this.assetIds.get(fileId) ?? null;
      if (!known) {
        this.report.skipped['image'] = (this.report.skipped['image'] ?? 0) + 1;
      }
      return known;
    }
    const refuse = (reason: string): null => {
      this.assetIds.set(fileId, null);
      this.skip('image', `image:${reason}`, (n) => `${plural(n, 'image')} skipped: ${reason}.`);
      return null;
    };
    const raw = this.file.files[fileId];
    const parsed = binaryFileSchema.safeParse(raw);
    if (!parsed.success) {
      return refuse('its image data is not in the file');
    }
    const match = /^data:([^;,]*)(;[^,]*)?,(.*)$/s.exec(parsed.data.dataURL);
    if (!match || !(match[2] ?? '').includes('base64')) {
      return refuse('its image data is not a base64 data URL');
    }
    const mime = match[1] || parsed.data.mimeType;
    const bytes = base64ToBytes((match[3] ?? '').replace(/\s+/g, ''));
    if (!bytes) {
      return refuse('its image data is not valid base64');
    }
    const asset = makeAsset(bytes, mime);
    if (!asset.ok) {
      return refuse(asset.reason);
    }
    const id = usableId(fileId) && !this.isTaken(fileId) ? fileId : this.fresh();
    this.taken.add(id);
    this.assetIds.set(fileId, id);
    this.out.assets.push({ id, json: asset.value });
    this.report.images += 1;
    return id;
  }

  private background(): string | null {
    const value = this.file.appState?.['viewBackgroundColor'];
    if (typeof value !== 'string') {
      return null;
    }
    const rgba = parseCssColour(value);
    return rgba && rgba.a > 0 ? toStoredColour({ ...rgba, a: 1 }) : null;
  }
}

function parseFields<T extends z.ZodType>(c: Candidate, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportRefusal(
      `${c.where}: ${issue?.path.join('.') || 'element'}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  return parsed.data;
}

/** Excalidraw's corner radius: 25 % of the shorter side, or a fixed 32 (or `value`) on larger shapes. */
function cornerRadius(roundness: ExcalidrawElementBase['roundness'], shorterSide: number): number {
  if (!roundness) {
    return 0;
  }
  if (roundness.type === 1 || roundness.type === 2) {
    return shorterSide * 0.25;
  }
  const fixed = roundness.value ?? 32;
  return shorterSide <= fixed / 0.25 ? shorterSide * 0.25 : fixed;
}

/** A binding's fixed point as our anchor; the centre means "aim at the middle", which is no anchor. */
function anchor(point: [number, number] | null | undefined): [number, number] | undefined {
  if (!point) {
    return undefined;
  }
  const fx = Math.min(1, Math.max(0, point[0]));
  const fy = Math.min(1, Math.max(0, point[1]));
  return fx === 0.5 && fy === 0.5 ? undefined : [fx, fy];
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** '#rrggbb' with an alpha, as stored. */
function withAlpha(hex: string, alpha: number): string {
  const rgba = parseCssColour(hex) ?? { r: 0, g: 0, b: 0, a: 1 };
  return toStoredColour({ ...rgba, a: alpha });
}

function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/**
 * Converts an Excalidraw file into the entries of a sketchnote. Never throws: a file that is not
 * an Excalidraw drawing, a newer version, or a drawing with absurd values gives a reason naming the
 * problem (and the element).
 */
export function importExcalidraw(text: string, options: ExcalidrawImportOptions): ExcalidrawImportResult {
  const parsed = parseExcalidraw(text);
  return parsed.ok ? importExcalidrawData(parsed.value, options) : parsed;
}

/** Converts an already parsed file (see {@link parseExcalidraw}); never throws. */
function importExcalidrawData(
  file: ExcalidrawFileData,
  options: ExcalidrawImportOptions,
): ExcalidrawImportResult {
  try {
    return { ok: true, value: new Importer(file, options).run() };
  } catch (error) {
    if (error instanceof ImportRefusal) {
      return { ok: false, reason: error.message };
    }
    throw error;
  }
}

/** Every id a sketch document uses (strokes, objects, assets, groups), so an import avoids them. */
export function usedSketchIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>([
    ...strokesMap(doc).keys(),
    ...objectsMap(doc).keys(),
    ...assetsMap(doc).keys(),
  ]);
  strokeGroupsMap(doc).forEach((group) => {
    if (typeof group === 'string') {
      ids.add(group);
    }
  });
  objectsMap(doc).forEach((value) => {
    if (isPlainObject(value) && typeof value['groupId'] === 'string') {
      ids.add(value['groupId']);
    }
  });
  return ids;
}

/** Writes an import into a sketch document in one transaction (the background only if it has none). */
export function writeImportedSketch(doc: Y.Doc, imported: ImportedSketch): void {
  doc.transact(() => {
    for (const { id, json } of imported.assets) {
      if (!assetsMap(doc).has(id)) {
        assetsMap(doc).set(id, json);
      }
    }
    for (const { id, json } of imported.strokes) {
      strokesMap(doc).set(id, json);
    }
    for (const { id, groupId } of imported.strokeGroups) {
      strokeGroupsMap(doc).set(id, groupId);
    }
    for (const { id, json } of imported.objects) {
      objectsMap(doc).set(id, json);
    }
    if (imported.background && !metaMap(doc).has('background')) {
      metaMap(doc).set('background', imported.background);
    }
  });
}

/**
 * Imports an Excalidraw file into a sketch document: on top of what it holds, without reusing any
 * of its ids, in one transaction. Nothing is written when the file is refused.
 */
export function importExcalidrawInto(
  doc: Y.Doc,
  text: string,
  options: Omit<ExcalidrawImportOptions, 'usedIds' | 'zBase'>,
): ExcalidrawImportResult {
  const result = importExcalidraw(text, { ...options, usedIds: usedSketchIds(doc), zBase: topZByLayer(doc) });
  if (result.ok) {
    writeImportedSketch(doc, result.value);
  }
  return result;
}
