/**
 * Easysync changesets, the unit of Etherpad history, and attribution strings (the per-character
 * attributes of a document, written as insert ops). Format:
 *
 *   Z:<oldLen>(>|<)<|newLen-oldLen|><ops>$<char bank>
 *
 * numbers in base 36; ops are `[*attr…][|lines](=|-|+)chars`. All lengths count UTF-16 code units
 * (JavaScript string length), as Etherpad does, so an emoji counts 2 and a ZWJ sequence more.
 *
 * Written from Etherpad's documented behaviour (doc/public/easysync, src/static/js/Changeset.ts
 * checkRep/applyToAText, ether/etherpad-lite 2.5.3). No code is taken from there; where we must
 * produce byte-identical output (canonical op merging) the rules are restated in comments.
 */

import { composeAttributes, type AttributePool } from './attributePool.js';
import { countNewlines, preview } from './textUtil.js';

/** `=` keeps characters (optionally changing their attributes), `-` deletes, `+` inserts. */
export type OpCode = '=' | '+' | '-';

/** One changeset operation; `lines` is how many of its `chars` are newlines. */
export interface Op {
  opcode: OpCode;
  chars: number;
  lines: number;
  attribs: string;
}

/** A parsed changeset. */
export interface Changeset {
  oldLen: number;
  newLen: number;
  ops: Op[];
  charBank: string;
}

/** An attributed text: the text (always ending in `\n`) plus its attribution string. */
export interface AText {
  text: string;
  attribs: string;
}

/** A stretch of `chars` characters that all carry the attribute string `attribs`. */
export interface AttribRun {
  chars: number;
  attribs: string;
}

/** Thrown for a changeset or attribution string that is malformed or does not fit its text. */
class ChangesetError extends Error {
  override readonly name = 'ChangesetError';
}

/** Parses a base-36 number as Etherpad writes them (lowercase, no sign); rejects unsafe sizes. */
export function parseNum(s: string): number {
  if (!/^[0-9a-z]+$/.test(s)) {
    throw new ChangesetError(`invalid number "${preview(s)}"`);
  }
  const n = parseInt(s, 36);
  // Etherpad would silently lose precision here; nothing that large can be a real length.
  if (!Number.isSafeInteger(n)) {
    throw new ChangesetError(`number "${preview(s)}" is too large`);
  }
  return n;
}

/** Formats a non-negative integer in base 36, the way changesets store numbers. */
function numToString(n: number): string {
  return n.toString(36);
}

/** Writes one op in its textual form, e.g. `*0|2+1c`. */
function serializeOp(op: Op): string {
  const lines = op.lines > 0 ? `|${numToString(op.lines)}` : '';
  return `${op.attribs}${lines}${op.opcode}${numToString(op.chars)}`;
}

/** Writes ops one after another, as they are; use `assembleOps` for the canonical form. */
function serializeOps(ops: readonly Op[]): string {
  return ops.map(serializeOp).join('');
}

// Base-36 digits as Etherpad writes them: 0-9 and lowercase a-z.
const isDigit36 = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/**
 * Parses a string of ops (the middle part of a changeset, or an attribution string). A small
 * scanner rather than a regex: attribution strings of big pads have hundreds of thousands of
 * ops, and per-op match arrays made parsing garbage-collector bound.
 */
function deserializeOps(ops: string): Op[] {
  const out: Op[] = [];
  const n = ops.length;
  let i = 0;
  const invalid = (at: number): never => {
    // Same wording as Etherpad ("invalid operation"), so users can search for either.
    throw new ChangesetError(`invalid operation: "${preview(ops.slice(at))}"`);
  };
  const digits = (at: number): number => {
    let e = at;
    while (e < n && isDigit36(ops.charCodeAt(e))) {
      e++;
    }
    return e;
  };
  while (i < n) {
    const start = i;
    while (i < n && ops.charCodeAt(i) === 42 /* '*' */) {
      const end = digits(i + 1);
      if (end === i + 1) {
        invalid(start);
      }
      i = end;
    }
    const attribs = ops.slice(start, i);
    let lines = 0;
    if (i < n && ops.charCodeAt(i) === 124 /* '|' */) {
      const end = digits(i + 1);
      if (end === i + 1) {
        invalid(start);
      }
      lines = parseNum(ops.slice(i + 1, end));
      i = end;
    }
    const opcode = ops[i];
    if (opcode !== '=' && opcode !== '+' && opcode !== '-') {
      return invalid(start);
    }
    const end = digits(i + 1);
    if (end === i + 1) {
      invalid(start);
    }
    out.push({ opcode, chars: parseNum(ops.slice(i + 1, end)), lines, attribs });
    i = end;
  }
  return out;
}

/**
 * Merges consecutive ops of the same kind and attributes. Canonical-form rules (they decide
 * whether Etherpad accepts a changeset, so they are followed exactly):
 * - zero-length ops vanish;
 * - a run of same ops becomes one multi-line op up to its last newline, then one in-line op
 *   for the characters after it (`+2` `|1+3` → `|1+5`; `|1+3` `+2` stays two ops);
 * - at the end of a document a plain keep (no attributes) is left implicit.
 */
class MergingAssembler {
  private out = '';
  private buf: Op | null = null;
  private charsAfterNewline = 0;

  /** Adds an op, merging it into the buffered one when kind and attributes match. */
  append(op: Op): void {
    if (op.chars <= 0) {
      return;
    }
    const b = this.buf;
    if (b !== null && b.opcode === op.opcode && b.attribs === op.attribs) {
      if (op.lines > 0) {
        // Everything buffered so far plus this op ends in a newline: one multi-line op.
        b.chars += this.charsAfterNewline + op.chars;
        b.lines += op.lines;
        this.charsAfterNewline = 0;
      } else if (b.lines === 0) {
        b.chars += op.chars;
      } else {
        // In-line text after a multi-line op stays separate unless another newline follows.
        this.charsAfterNewline += op.chars;
      }
      return;
    }
    this.flush(false);
    this.buf = { ...op };
  }

  /** Writes the buffered op out (or drops it, if it is the document's final plain keep). */
  flush(endOfDocument: boolean): void {
    const b = this.buf;
    if (b === null) {
      return;
    }
    if (!(endOfDocument && b.opcode === '=' && b.attribs === '')) {
      this.out += serializeOp(b);
      if (this.charsAfterNewline > 0) {
        this.out += serializeOp({ ...b, chars: this.charsAfterNewline, lines: 0 });
      }
    }
    this.buf = null;
    this.charsAfterNewline = 0;
  }

  /** Returns everything assembled so far and starts afresh. */
  take(): string {
    this.flush(false);
    const s = this.out;
    this.out = '';
    return s;
  }
}

/**
 * Builds the canonical op string Etherpad expects: like ops merged, and within every stretch
 * between keeps all deletes written before all inserts.
 */
class OpAssembler {
  private readonly minus = new MergingAssembler();
  private readonly plus = new MergingAssembler();
  private readonly keep = new MergingAssembler();
  private out = '';
  private last: OpCode | '' = '';

  /** Adds one op. */
  append(op: Op): void {
    if (op.chars === 0) {
      return;
    }
    if (op.opcode === '=') {
      if (this.last !== '=') {
        this.flushPlusMinus();
      }
      this.keep.append(op);
    } else {
      if (this.last === '=') {
        this.out += this.keep.take();
      }
      (op.opcode === '-' ? this.minus : this.plus).append(op);
    }
    this.last = op.opcode;
  }

  /** Marks the end of the document, so a final plain keep is dropped (it is implicit). */
  endDocument(): void {
    this.keep.flush(true);
  }

  /** The assembled op string. */
  toString(): string {
    this.flushPlusMinus();
    this.out += this.keep.take();
    return this.out;
  }

  private flushPlusMinus(): void {
    this.out += this.minus.take();
    this.out += this.plus.take();
  }
}

/** Canonical op string for `ops`; `endDocument` drops a trailing plain keep. */
export function assembleOps(ops: Iterable<Op>, endDocument = true): string {
  const asm = new OpAssembler();
  for (const op of ops) {
    asm.append(op);
  }
  if (endDocument) {
    asm.endDocument();
  }
  return asm.toString();
}

/** Writes a changeset from its parts (Etherpad's `pack`). */
export function packChangeset(oldLen: number, newLen: number, ops: string, charBank: string): string {
  const diff = newLen - oldLen;
  const sign = diff >= 0 ? `>${numToString(diff)}` : `<${numToString(-diff)}`;
  return `Z:${numToString(oldLen)}${sign}${ops}$${charBank}`;
}

/** Splits a changeset into header numbers, op string and char bank, without checking the ops. */
function unpackChangeset(cs: string): {
  oldLen: number;
  newLen: number;
  ops: string;
  charBank: string;
} {
  const m = /^Z:([0-9a-z]+)([><])([0-9a-z]+)/.exec(cs);
  if (m === null) {
    throw new ChangesetError(`not a changeset (expected "Z:<oldLen><sign><delta>…"): "${preview(cs)}"`);
  }
  const oldLen = parseNum(m[1] ?? '');
  const delta = parseNum(m[3] ?? '');
  const newLen = m[2] === '>' ? oldLen + delta : oldLen - delta;
  if (newLen < 0) {
    throw new ChangesetError(`changeset would shrink a text of length ${oldLen} by ${delta}`);
  }
  // The first `$` ends the ops: ops never contain one, the char bank may.
  const bankAt = cs.indexOf('$', m[0].length);
  const opsEnd = bankAt < 0 ? cs.length : bankAt;
  return {
    oldLen,
    newLen,
    ops: cs.slice(m[0].length, opsEnd),
    charBank: bankAt < 0 ? '' : cs.slice(bankAt + 1),
  };
}

/**
 * Parses and fully checks a changeset the way Etherpad's `checkRep` does: known ops, inserts
 * backed by the char bank with matching newline counts, lengths that add up, no leftover bank,
 * and canonical form (re-assembling the ops must give back the same string).
 */
export function parseChangeset(cs: string): Changeset {
  const u = unpackChangeset(cs);
  const ops = deserializeOps(u.ops);
  let oldPos = 0;
  let newLen = 0;
  let bankPos = 0;
  ops.forEach((op, i) => {
    const where = `operation ${i + 1} ("${serializeOp(op)}")`;
    if (op.lines > op.chars) {
      throw new ChangesetError(`${where} has more newlines than characters`);
    }
    if (op.opcode === '+') {
      if (bankPos + op.chars > u.charBank.length) {
        throw new ChangesetError(`${where} inserts more characters than the char bank holds`);
      }
      if (countNewlines(u.charBank, bankPos, bankPos + op.chars) !== op.lines) {
        throw new ChangesetError(`${where}: number of newlines does not match the char bank`);
      }
      if (op.lines > 0 && u.charBank.charCodeAt(bankPos + op.chars - 1) !== 10) {
        throw new ChangesetError(`${where}: a multi-line insert must end with a newline`);
      }
      bankPos += op.chars;
      newLen += op.chars;
    } else {
      oldPos += op.chars;
      if (op.opcode === '=') {
        newLen += op.chars;
      }
      if (oldPos > u.oldLen) {
        throw new ChangesetError(`${where} goes past the end of the old text (${oldPos} > ${u.oldLen})`);
      }
    }
  });
  newLen += u.oldLen - oldPos;
  if (newLen !== u.newLen) {
    throw new ChangesetError(`claimed new length ${u.newLen} does not match the operations (${newLen})`);
  }
  if (bankPos !== u.charBank.length) {
    throw new ChangesetError(`${u.charBank.length - bankPos} excess characters in the char bank`);
  }
  const canonical = packChangeset(u.oldLen, newLen, assembleOps(ops), u.charBank);
  if (canonical !== cs) {
    throw new ChangesetError(`changeset is not in canonical form (expected "${preview(canonical, 60)}")`);
  }
  return { oldLen: u.oldLen, newLen: u.newLen, ops, charBank: u.charBank };
}

/** Writes a parsed changeset back to text (ops as given; they are canonical if parsed). */
export function serializeChangeset(c: Changeset): string {
  return packChangeset(c.oldLen, c.newLen, serializeOps(c.ops), c.charBank);
}

/** The changeset that changes nothing in a text of length `len`. */
export function identityChangeset(len: number): string {
  return packChangeset(len, len, '', '');
}

/**
 * Checks that a keep or delete op fits the text at `pos`: inside the text, same newline count,
 * and ending on a newline when it spans lines (Etherpad's pad check asserts all three).
 */
function checkConsumed(text: string, pos: number, op: Op, i: number): void {
  const where = `operation ${i + 1} ("${serializeOp(op)}")`;
  if (pos + op.chars > text.length) {
    throw new ChangesetError(`${where} goes past the end of the text`);
  }
  const lines = countNewlines(text, pos, pos + op.chars);
  if (lines !== op.lines) {
    throw new ChangesetError(`${where} covers ${lines} newline(s) of the text but declares ${op.lines}`);
  }
  if (op.lines > 0 && text.charCodeAt(pos + op.chars - 1) !== 10) {
    throw new ChangesetError(`${where} spans lines but does not end at a newline`);
  }
}

function checkOldLen(c: Changeset, text: string): void {
  if (text.length !== c.oldLen) {
    throw new ChangesetError(
      `changeset expects a text of length ${c.oldLen} but the text has length ${text.length}`,
    );
  }
}

/** Applies a changeset to a plain text. */
export function applyToText(cs: string | Changeset, text: string): string {
  const c = typeof cs === 'string' ? parseChangeset(cs) : cs;
  checkOldLen(c, text);
  const parts: string[] = [];
  let pos = 0;
  let bankPos = 0;
  c.ops.forEach((op, i) => {
    if (op.opcode === '+') {
      parts.push(c.charBank.slice(bankPos, bankPos + op.chars));
      bankPos += op.chars;
      return;
    }
    checkConsumed(text, pos, op, i);
    if (op.opcode === '=') {
      parts.push(text.slice(pos, pos + op.chars));
    }
    pos += op.chars;
  });
  parts.push(text.slice(pos));
  return parts.join('');
}

/**
 * Reads an attribution string into runs, checking it against the text: insert ops only,
 * covering the text exactly, with newline counts that match.
 */
export function attributionRuns(atext: AText): AttribRun[] {
  const { text } = atext;
  const runs: AttribRun[] = [];
  let pos = 0;
  for (const op of deserializeOps(atext.attribs)) {
    if (op.opcode !== '+') {
      throw new ChangesetError(`attribution string contains a "${op.opcode}" operation; only "+" is allowed`);
    }
    if (pos + op.chars > text.length) {
      throw new ChangesetError(
        `attribution string covers more characters than the text has (${text.length})`,
      );
    }
    const lines = countNewlines(text, pos, pos + op.chars);
    if (lines !== op.lines) {
      throw new ChangesetError(
        `attribution op "${serializeOp(op)}" at character ${pos} declares ${op.lines} newline(s), the text has ${lines}`,
      );
    }
    if (op.chars > 0) {
      runs.push({ chars: op.chars, attribs: op.attribs });
    }
    pos += op.chars;
  }
  if (pos !== text.length) {
    throw new ChangesetError(`attribution string covers ${pos} of the text's ${text.length} characters`);
  }
  return runs;
}

/**
 * Writes runs as a canonical attribution string: neighbouring runs with equal attributes merge,
 * each merged run is `|L+N` up to its last newline plus `+M` for the rest of the line.
 */
export function encodeAttribution(text: string, runs: readonly AttribRun[]): string {
  const out: string[] = [];
  let pos = 0;
  let i = 0;
  while (i < runs.length) {
    const first = runs[i];
    if (first === undefined || first.chars === 0) {
      i++;
      continue;
    }
    const attribs = first.attribs;
    let end = pos;
    // Zero-length runs do not separate runs with equal attributes (Etherpad drops them).
    for (let r = runs[i]; r !== undefined && (r.attribs === attribs || r.chars === 0); r = runs[++i]) {
      end += r.chars;
    }
    const lines = countNewlines(text, pos, end);
    if (lines === 0) {
      out.push(`${attribs}+${numToString(end - pos)}`);
    } else {
      const upTo = text.lastIndexOf('\n', end - 1) + 1;
      out.push(`${attribs}|${numToString(lines)}+${numToString(upTo - pos)}`);
      if (end > upTo) {
        out.push(`${attribs}+${numToString(end - upTo)}`);
      }
    }
    pos = end;
  }
  if (pos !== text.length) {
    throw new ChangesetError(`runs cover ${pos} of the text's ${text.length} characters`);
  }
  return out.join('');
}

/** An attributed text without attributes (Etherpad's `makeAText`); `makeAText('\n')` is a new pad. */
export function makeAText(text: string): AText {
  return { text, attribs: encodeAttribution(text, [{ chars: text.length, attribs: '' }]) };
}

/**
 * Applies a changeset to an attributed text. Keeps with attributes change the kept characters'
 * attributes (an empty value removes the key), inserts carry their op's attributes; the result
 * is re-encoded canonically, which is exactly what Etherpad's replay produces.
 */
export function applyToAText(cs: string | Changeset, atext: AText, pool: AttributePool): AText {
  const c = typeof cs === 'string' ? parseChangeset(cs) : cs;
  const { text } = atext;
  checkOldLen(c, text);
  const runs = attributionRuns(atext);
  const parts: string[] = [];
  const outRuns: AttribRun[] = [];
  let pos = 0;
  let bankPos = 0;
  let ri = 0;
  let runStart = 0;

  // Walks the old runs over [pos, pos + n); for a keep, emits each piece with updated attributes.
  const consume = (n: number, keepAttribs: string | null): void => {
    let left = n;
    while (left > 0) {
      let run = runs[ri];
      while (run !== undefined && runStart + run.chars <= pos) {
        runStart += run.chars;
        ri++;
        run = runs[ri];
      }
      if (run === undefined) {
        throw new ChangesetError('changeset runs past the end of the attribution');
      }
      const piece = Math.min(left, runStart + run.chars - pos);
      if (keepAttribs !== null) {
        const attribs =
          keepAttribs === '' ? run.attribs : composeAttributes(run.attribs, keepAttribs, false, pool);
        outRuns.push({ chars: piece, attribs });
      }
      pos += piece;
      left -= piece;
    }
  };

  c.ops.forEach((op, i) => {
    if (op.opcode === '+') {
      parts.push(c.charBank.slice(bankPos, bankPos + op.chars));
      outRuns.push({ chars: op.chars, attribs: op.attribs });
      bankPos += op.chars;
      return;
    }
    checkConsumed(text, pos, op, i);
    if (op.opcode === '=') {
      parts.push(text.slice(pos, pos + op.chars));
    }
    consume(op.chars, op.opcode === '=' ? op.attribs : null);
  });
  parts.push(text.slice(pos));
  consume(text.length - pos, '');
  const newText = parts.join('');
  return { text: newText, attribs: encodeAttribution(newText, outRuns) };
}
