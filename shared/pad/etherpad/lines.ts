/**
 * The bridge between Etherpad's attributed text and a line model Mitschrift's editor can hold.
 *
 * Etherpad keeps line formatting (lists, plugin headings) on a "line marker": an extra `*`
 * character at the start of the line carrying `lmkr=1`, `insertorder=first`, `list=bullet2`,
 * `start=3` … (sorted by key in the attribute string). Character formatting is `bold`, `italic`,
 * `underline`, `strikethrough` = `true` and `author` = id on the characters themselves. Line
 * markers are stripped on the way in and written back exactly as Etherpad writes them.
 */

import { attribsFromString, attribsToString, type Attribute, type AttributePool } from './attributePool.js';
import { attributionRuns, encodeAttribution, type AText, type AttribRun } from './changeset.js';

/** What a line is: plain, a heading (ep_headings2), or a bullet / numbered / indented list item. */
export type PadLineKind = 'paragraph' | 'heading' | 'bullet' | 'number' | 'indent';

/** Character formatting of a run of text. */
export interface PadRunAttrs {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  /** Etherpad author id (`a.` + 16 characters) of whoever wrote the text. */
  author?: string;
  /** Link target (Etherpad plugin ep_embedded_hyperlinks2's `url` attribute). */
  link?: string;
}

/** A piece of a line with one formatting. */
export interface PadRun {
  text: string;
  attrs: PadRunAttrs;
}

/** One line of a pad, without its newline and without Etherpad's line-marker character. */
export interface PadLine {
  kind: PadLineKind;
  /** List depth 1.. for list kinds (from `bullet1`, `number2` …), 1–6 for headings, 0 for paragraphs. */
  level: number;
  /** The list item's number (Etherpad's `start` line attribute); computed on export when absent. */
  start?: number;
  /** Author of the line marker (who made the line a list item); defaults to the first run's author. */
  author?: string;
  runs: PadRun[];
}

/** Options for `linesToAText`. */
export interface LinesToATextOptions {
  /**
   * How to write headings. Core Etherpad has none: `'bold'` (default) writes a bold paragraph,
   * which any Etherpad shows well; `'ep_headings2'` writes the plugin's `heading=hN` line
   * attribute, which only looks right where that plugin is installed.
   */
  headings?: 'bold' | 'ep_headings2';
}

/** The deepest list level Etherpad produces (its content collector's limit). */
export const MAX_LIST_LEVEL = 16;

const LIST_KINDS = new Set<PadLineKind>(['bullet', 'number', 'indent']);

/** Whether a line kind is one of Etherpad's list types (written as `list=<kind><level>`). */
export function isListKind(kind: PadLineKind): kind is 'bullet' | 'number' | 'indent' {
  return LIST_KINDS.has(kind);
}

function attrsFromPairs(pairs: readonly Attribute[]): PadRunAttrs {
  const attrs: PadRunAttrs = {};
  for (const [k, v] of pairs) {
    // Etherpad's exports test for exactly the value "true", so do we.
    if (k === 'bold' && v === 'true') {
      attrs.bold = true;
    } else if (k === 'italic' && v === 'true') {
      attrs.italic = true;
    } else if (k === 'underline' && v === 'true') {
      attrs.underline = true;
    } else if (k === 'strikethrough' && v === 'true') {
      attrs.strikethrough = true;
    } else if (k === 'author' && v !== '') {
      attrs.author = v;
    } else if (k === 'url' && v !== '') {
      attrs.link = v;
    }
  }
  return attrs;
}

function attrsToPairs(attrs: PadRunAttrs): Attribute[] {
  const pairs: Attribute[] = [];
  if (attrs.author !== undefined && attrs.author !== '') {
    pairs.push(['author', attrs.author]);
  }
  if (attrs.bold === true) {
    pairs.push(['bold', 'true']);
  }
  if (attrs.italic === true) {
    pairs.push(['italic', 'true']);
  }
  if (attrs.strikethrough === true) {
    pairs.push(['strikethrough', 'true']);
  }
  if (attrs.underline === true) {
    pairs.push(['underline', 'true']);
  }
  if (attrs.link !== undefined && attrs.link !== '') {
    pairs.push(['url', attrs.link]);
  }
  return pairs;
}

/** Whether two formattings are the same (absent and false count as equal). */
function runAttrsEqual(a: PadRunAttrs, b: PadRunAttrs): boolean {
  return (
    (a.bold === true) === (b.bold === true) &&
    (a.italic === true) === (b.italic === true) &&
    (a.underline === true) === (b.underline === true) &&
    (a.strikethrough === true) === (b.strikethrough === true) &&
    (a.author || undefined) === (b.author || undefined) &&
    (a.link || undefined) === (b.link || undefined)
  );
}

function cleanAttrs(attrs: PadRunAttrs): PadRunAttrs {
  return attrsFromPairs(attrsToPairs(attrs));
}

/** Canonical runs: empty runs dropped, neighbours with equal formatting merged, false flags removed. */
export function normalizeRuns(runs: readonly PadRun[]): PadRun[] {
  const out: PadRun[] = [];
  for (const run of runs) {
    if (run.text === '') {
      continue;
    }
    const last = out[out.length - 1];
    if (last !== undefined && runAttrsEqual(last.attrs, run.attrs)) {
      last.text += run.text;
    } else {
      out.push({ text: run.text, attrs: cleanAttrs(run.attrs) });
    }
  }
  return out;
}

/** Lines in canonical form (see `normalizeRuns`), so two equal documents compare equal. */
export function normalizeLines(lines: readonly PadLine[]): PadLine[] {
  return lines.map((l) => ({
    kind: l.kind,
    level: l.level,
    ...(l.start === undefined ? {} : { start: l.start }),
    ...(l.author === undefined || l.author === '' ? {} : { author: l.author }),
    runs: normalizeRuns(l.runs),
  }));
}

/** The plain text of a line (its runs joined). */
export function lineText(line: PadLine): string {
  return line.runs.map((r) => r.text).join('');
}

interface Segment {
  text: string;
  attribs: string;
}

/** Turns an attributed text into lines; the pool resolves the attribute numbers. */
export function atextToLines(atext: AText, pool: AttributePool): PadLine[] {
  const runs = attributionRuns(atext);
  const pairsCache = new Map<string, Attribute[]>();
  const pairsOf = (attribs: string): Attribute[] => {
    let p = pairsCache.get(attribs);
    if (p === undefined) {
      p = attribsFromString(attribs, pool);
      pairsCache.set(attribs, p);
    }
    return p;
  };

  const lines: PadLine[] = [];
  let segs: Segment[] = [];
  let pos = 0;
  for (const run of runs) {
    const end = pos + run.chars;
    let from = pos;
    while (from < end) {
      const nl = atext.text.indexOf('\n', from);
      const pieceEnd = nl === -1 || nl >= end ? end : nl;
      if (pieceEnd > from) {
        segs.push({ text: atext.text.slice(from, pieceEnd), attribs: run.attribs });
      }
      if (pieceEnd < end) {
        // pieceEnd is a newline inside this run: the line is complete.
        lines.push(segmentsToLine(segs, pairsOf));
        segs = [];
        from = pieceEnd + 1;
      } else {
        from = end;
      }
    }
    pos = end;
  }
  // The text ends with a newline, so nothing is left over; a stray tail would still be kept.
  if (segs.length > 0) {
    lines.push(segmentsToLine(segs, pairsOf));
  }
  return lines;
}

function segmentsToLine(segs: Segment[], pairsOf: (attribs: string) => Attribute[]): PadLine {
  const first = segs[0];
  const lineAttrs = new Map<string, string>(first === undefined ? [] : pairsOf(first.attribs));
  const list = lineAttrs.get('list') ?? '';
  const heading = lineAttrs.get('heading') ?? '';
  // Etherpad's exports strip the first character when the line has a list type; plugin line
  // attributes (headings) sit on the same kind of marker, recognisable by lmkr.
  const hasMarker = list !== '' || (lineAttrs.get('lmkr') ?? '') !== '';
  let kind: PadLineKind = 'paragraph';
  let level = 0;
  const line: Partial<PadLine> = {};
  if (list !== '') {
    const m = /([a-z]+)([0-9]+)/.exec(list);
    if (m !== null) {
      const name = m[1] ?? '';
      // Unknown list types export like indents (tabs, no bullet or number).
      kind = name === 'bullet' || name === 'number' ? name : 'indent';
      level = Number(m[2]);
    }
    const start = lineAttrs.get('start') ?? '';
    if (/^[0-9]{1,9}$/.test(start)) {
      line.start = Number(start);
    }
  } else {
    const h = /^h([1-6])$/.exec(heading);
    if (h !== null) {
      kind = 'heading';
      level = Number(h[1]);
    }
  }
  const markerAuthor = hasMarker ? lineAttrs.get('author') : undefined;
  const runs: PadRun[] = [];
  segs.forEach((seg, i) => {
    const text = i === 0 && hasMarker ? seg.text.slice(1) : seg.text;
    runs.push({ text, attrs: attrsFromPairs(pairsOf(seg.attribs)) });
  });
  return {
    kind,
    level,
    ...(line.start === undefined ? {} : { start: line.start }),
    ...(markerAuthor === undefined || markerAuthor === '' ? {} : { author: markerAuthor }),
    runs: normalizeRuns(runs),
  };
}

/**
 * The `start` each list line gets, as Etherpad's editor numbers lists: per level, counting from 1
 * within a block of consecutive bullet/number lines, restarting a level after a shallower line.
 * An explicit `start` is kept and the following items count on from it.
 */
export function computeListStarts(lines: readonly PadLine[]): (number | undefined)[] {
  let counters: number[] = [];
  return lines.map((line) => {
    if (line.kind !== 'bullet' && line.kind !== 'number') {
      counters = [];
      return undefined;
    }
    counters.length = Math.min(counters.length, line.level + 1);
    const n = line.start ?? (counters[line.level] ?? 0) + 1;
    counters[line.level] = n;
    return n;
  });
}

function checkLine(line: PadLine, i: number): void {
  for (const run of line.runs) {
    if (run.text.includes('\n')) {
      throw new RangeError(`line ${i + 1}: text contains a newline`);
    }
  }
  if (
    isListKind(line.kind) &&
    !(Number.isInteger(line.level) && line.level >= 1 && line.level <= MAX_LIST_LEVEL)
  ) {
    throw new RangeError(`line ${i + 1}: list level ${line.level} is not between 1 and ${MAX_LIST_LEVEL}`);
  }
  if (line.kind === 'heading' && !(Number.isInteger(line.level) && line.level >= 1 && line.level <= 6)) {
    throw new RangeError(`line ${i + 1}: heading level ${line.level} is not between 1 and 6`);
  }
  if (line.start !== undefined && !(Number.isSafeInteger(line.start) && line.start >= 0)) {
    throw new RangeError(`line ${i + 1}: start ${line.start} is not a non-negative integer`);
  }
}

/**
 * Turns lines into an attributed text with attributes from (and added to) `pool`: list lines
 * get a `*` marker with author (if any), insertorder, list, lmkr and start attributes, every
 * line ends in an unattributed newline. An empty list of lines is Etherpad's empty pad (`\n`).
 */
export function linesToAText(
  lines: readonly PadLine[],
  pool: AttributePool,
  options: LinesToATextOptions = {},
): AText {
  const all: readonly PadLine[] = lines.length === 0 ? [{ kind: 'paragraph', level: 0, runs: [] }] : lines;
  const headings = options.headings ?? 'bold';
  const starts = computeListStarts(all);
  const parts: string[] = [];
  const runs: AttribRun[] = [];
  all.forEach((line, i) => {
    checkLine(line, i);
    const firstAuthor = line.runs.find((r) => r.text !== '' && r.attrs.author)?.attrs.author;
    const markerAuthor = line.author || firstAuthor;
    const authorPair: Attribute[] = markerAuthor ? [['author', markerAuthor]] : [];
    let markerPairs: Attribute[] | null = null;
    if (isListKind(line.kind)) {
      markerPairs = [
        ...authorPair,
        ['insertorder', 'first'],
        ['list', `${line.kind}${line.level}`],
        ['lmkr', '1'],
      ];
      const start = starts[i];
      if (start !== undefined) {
        markerPairs.push(['start', String(start)]);
      }
    } else if (line.kind === 'heading' && headings === 'ep_headings2') {
      markerPairs = [...authorPair, ['heading', `h${line.level}`], ['insertorder', 'first'], ['lmkr', '1']];
    }
    if (markerPairs !== null) {
      parts.push('*');
      runs.push({ chars: 1, attribs: attribsToString(markerPairs, pool) });
    }
    const boldHeading = line.kind === 'heading' && headings === 'bold';
    for (const run of line.runs) {
      if (run.text === '') {
        continue;
      }
      const attrs = boldHeading ? { ...run.attrs, bold: true } : run.attrs;
      parts.push(run.text);
      runs.push({ chars: run.text.length, attribs: attribsToString(attrsToPairs(attrs), pool) });
    }
    // Newlines stay unattributed, as in text Etherpad gets through its API and HTML import.
    parts.push('\n');
    runs.push({ chars: 1, attribs: '' });
  });
  const text = parts.join('');
  return { text, attribs: encodeAttribution(text, runs) };
}
