/**
 * Attributed texts (text + attribution string): validity checks and the changeset that turns one
 * into another. The diff is what lets us write a history Etherpad replays revision by revision.
 */

import { canonicalAttribString, type AttributePool } from './attributePool.js';
import {
  assembleOps,
  attributionRuns,
  encodeAttribution,
  packChangeset,
  type AText,
  type AttribRun,
  type Op,
  type OpCode,
} from './changeset.js';
import { countNewlines } from './textUtil.js';

/**
 * Lists what is wrong with an attributed text for Etherpad: it must end with a newline, its
 * attribution must cover the text with matching newlines, use pool attributes in canonical order,
 * and be in canonical (merged) form, or Etherpad's replay comparison would fail.
 */
export function checkAText(atext: AText, pool: AttributePool): string[] {
  if (!atext.text.endsWith('\n')) {
    return ['the text does not end with a newline'];
  }
  let runs: AttribRun[];
  try {
    runs = attributionRuns(atext);
  } catch (e) {
    return [(e as Error).message];
  }
  const problems: string[] = [];
  const checked = new Set<string>();
  for (const run of runs) {
    if (checked.has(run.attribs)) {
      continue;
    }
    checked.add(run.attribs);
    try {
      if (canonicalAttribString(run.attribs, pool) !== run.attribs) {
        problems.push(`attributes "${run.attribs}" are not in canonical order`);
      }
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (problems.length === 0 && encodeAttribution(atext.text, runs) !== atext.attribs) {
    problems.push('the attribution string is not in canonical (merged) form');
  }
  return problems;
}

/** Whether two attributed texts are identical (what Etherpad's deep-equal compares). */
export function atextEquals(a: AText, b: AText): boolean {
  return a.text === b.text && a.attribs === b.attribs;
}

interface RunCursor {
  runs: AttribRun[];
  index: number;
  /** Start of `runs[index]` when walking forwards, end of it when walking backwards. */
  edge: number;
}

// First position below `limit` where the two texts' attributes differ (`limit` if none).
function firstAttribDifference(a: AttribRun[], b: AttribRun[], limit: number): number {
  const ca: RunCursor = { runs: a, index: 0, edge: 0 };
  const cb: RunCursor = { runs: b, index: 0, edge: 0 };
  let pos = 0;
  while (pos < limit) {
    const ra = ca.runs[ca.index];
    const rb = cb.runs[cb.index];
    if (ra === undefined || rb === undefined) {
      return pos;
    }
    if (ra.attribs !== rb.attribs) {
      return pos;
    }
    const endA = ca.edge + ra.chars;
    const endB = cb.edge + rb.chars;
    pos = Math.min(endA, endB);
    if (pos === endA) {
      ca.edge = endA;
      ca.index++;
    }
    if (pos === endB) {
      cb.edge = endB;
      cb.index++;
    }
  }
  return limit;
}

// How many trailing characters (at most `limit`) carry the same attributes in both texts.
function commonAttribSuffix(
  a: AttribRun[],
  lenA: number,
  b: AttribRun[],
  lenB: number,
  limit: number,
): number {
  const ca: RunCursor = { runs: a, index: a.length - 1, edge: lenA };
  const cb: RunCursor = { runs: b, index: b.length - 1, edge: lenB };
  let n = 0;
  while (n < limit) {
    const ra = ca.runs[ca.index];
    const rb = cb.runs[cb.index];
    if (ra === undefined || rb === undefined || ra.attribs !== rb.attribs) {
      return n;
    }
    const startA = ca.edge - ra.chars;
    const startB = cb.edge - rb.chars;
    n = Math.min(lenA - startA, lenB - startB);
    if (lenA - startA === n) {
      ca.edge = startA;
      ca.index--;
    }
    if (lenB - startB === n) {
      cb.edge = startB;
      cb.index--;
    }
  }
  return limit;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

// Emits ops for text[start, end): one multi-line op up to the last newline, one for the rest.
function pushSplit(
  ops: Op[],
  opcode: OpCode,
  text: string,
  start: number,
  end: number,
  attribs: string,
): void {
  if (end <= start) {
    return;
  }
  const lines = countNewlines(text, start, end);
  if (lines === 0) {
    ops.push({ opcode, chars: end - start, lines: 0, attribs });
    return;
  }
  const upTo = text.lastIndexOf('\n', end - 1) + 1;
  ops.push({ opcode, chars: upTo - start, lines, attribs });
  if (end > upTo) {
    ops.push({ opcode, chars: end - upTo, lines: 0, attribs });
  }
}

/**
 * The changeset turning `prev` into `next` (both with attributes from the same pool): keep the
 * common prefix, delete the middle of `prev`, insert the middle of `next` with its attributes,
 * keep the common suffix. Prefix and suffix count only where text and attributes both agree,
 * and never split a surrogate pair (a changeset may, but a lone surrogate in the char bank is
 * fragile in JSON tooling).
 */
export function makeChangeset(prev: AText, next: AText): string {
  const a = prev.text;
  const b = next.text;
  const runsA = attributionRuns(prev);
  const runsB = attributionRuns(next);
  const max = Math.min(a.length, b.length);
  // The prefix stops one short of the shorter text, so the pad's final newline stays the final
  // newline: an append then goes before it, which is how Etherpad itself writes appends (the
  // changesets come out identical to Etherpad's), instead of after it.
  const maxPrefix = Math.max(0, max - 1);
  let p = 0;
  while (p < maxPrefix && a.charCodeAt(p) === b.charCodeAt(p)) {
    p++;
  }
  p = firstAttribDifference(runsA, runsB, p);
  if (p > 0 && isHighSurrogate(a.charCodeAt(p - 1))) {
    p--;
  }
  const maxSuffix = max - p;
  let s = 0;
  while (s < maxSuffix && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) {
    s++;
  }
  s = commonAttribSuffix(runsA, a.length, runsB, b.length, s);
  if (s > 0 && isLowSurrogate(a.charCodeAt(a.length - s))) {
    s--;
  }

  const ops: Op[] = [];
  pushSplit(ops, '=', a, 0, p, '');
  pushSplit(ops, '-', a, p, a.length - s, '');
  const insertEnd = b.length - s;
  let runStart = 0;
  for (const run of runsB) {
    const runEnd = runStart + run.chars;
    const from = Math.max(runStart, p);
    const to = Math.min(runEnd, insertEnd);
    pushSplit(ops, '+', b, from, to, run.attribs);
    runStart = runEnd;
    if (runStart >= insertEnd) {
      break;
    }
  }
  return packChangeset(a.length, b.length, assembleOps(ops), b.slice(p, insertEnd));
}
