/**
 * An independent checker for `.etherpad` files, written from Etherpad 2.5.3's import rules
 * (ImportEtherpad.setPadRaw, Pad.check, AttributePool.check) rather than on top of our parser,
 * so the two can catch each other's mistakes. It keeps going after a problem and lists all it
 * can find; an empty list means Etherpad's import will accept the file (plus our two documented
 * extra refusals: no pad record, revisions after head; and Etherpad's default 50 MB upload cap).
 */

import {
  AttributePool,
  canonicalAttribString,
  checkPoolJson,
  type AttributePoolJson,
} from './attributePool.js';
import { applyToAText, makeAText, parseChangeset, type AText, type Changeset } from './changeset.js';
import { ETHERPAD_IMPORT_MAX_BYTES, KEY_REVISION_INTERVAL, type EtherpadProblem } from './problems.js';
import { preview } from './textUtil.js';

/** A problem found by `checkEtherpadFile` (same codes as the parser's errors). */
export type EtherpadViolation = EtherpadProblem;

const MAX_VIOLATIONS = 100;

/** UTF-8 size of a string, counted by hand because shared/ has no TextEncoder. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      n += 1;
    } else if (c < 0x800) {
      n += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    } else {
      n += 3;
    }
  }
  return n;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isIntAtLeast = (v: unknown, min: number): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min;

// Etherpad deep-compares atexts, so exactly {text, attribs} with string values.
function asAText(v: unknown): AText | null {
  if (!isRecord(v)) {
    return null;
  }
  const keys = Object.keys(v);
  if (keys.length !== 2 || typeof v.text !== 'string' || typeof v.attribs !== 'string') {
    return null;
  }
  return { text: v.text, attribs: v.attribs };
}

const indexRe = /^(0|[1-9][0-9]*)$/;

/** Lists every violation of Etherpad's import rules found in a `.etherpad` file (empty = valid). */
export function checkEtherpadFile(jsonText: string): EtherpadViolation[] {
  const found: EtherpadViolation[] = [];
  const add = (v: EtherpadViolation): void => {
    if (found.length < MAX_VIOLATIONS) {
      found.push(v);
    }
  };

  const bytes = utf8Length(jsonText);
  if (bytes > ETHERPAD_IMPORT_MAX_BYTES) {
    add({
      code: 'too-large',
      message: `the file has ${bytes} bytes; Etherpad's default import limit is ${ETHERPAD_IMPORT_MAX_BYTES}`,
    });
  }

  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (e) {
    add({ code: 'invalid-json', message: `not valid JSON: ${(e as Error).message}` });
    return found;
  }
  if (!isRecord(data)) {
    add({ code: 'not-an-object', message: 'not an .etherpad file: expected a JSON object of records' });
    return found;
  }

  // Record pass, in file order, as Etherpad's import walks them.
  let padId: string | null = null;
  let padRecord: unknown;
  const revs = new Map<number, unknown>();
  const chats = new Set<number>();
  for (const [key, value] of Object.entries(data)) {
    if (!value) {
      continue; // Etherpad skips records with a falsy value.
    }
    const parts = key.split(':');
    let recordPadId: string;
    if (parts[0] === 'globalAuthor' && parts.length === 2) {
      const padIDs = isRecord(value) ? value.padIDs : undefined;
      if (typeof padIDs !== 'string') {
        add({ code: 'global-author', key, message: `record "${preview(key)}": padIDs is not a string` });
        continue;
      }
      recordPadId = padIDs;
    } else if (parts[0] === 'pad') {
      recordPadId = parts[1] ?? '';
      if (padId === null || recordPadId === padId) {
        const index = parts[3] ?? '';
        if (parts.length === 2) {
          padRecord = value;
        } else if (parts.length === 4 && parts[2] === 'revs' && indexRe.test(index)) {
          revs.set(Number(index), value);
        } else if (parts.length === 4 && parts[2] === 'chat' && indexRe.test(index)) {
          chats.add(Number(index));
        }
      }
    } else {
      continue; // Unknown keys are ignored by Etherpad.
    }
    padId ??= recordPadId;
    if (recordPadId !== padId) {
      add({
        code: 'pad-id-mismatch',
        key,
        message: `unexpected pad ID in record "${preview(key)}": "${preview(recordPadId)}" (the file is for pad "${preview(padId)}")`,
      });
    }
  }
  if (padId === null || padRecord === undefined) {
    add({ code: 'no-pad', message: 'no pad in this file (it has no "pad:<id>" record)' });
    return found;
  }
  const padKey = `pad:${padId}`;
  if (!isRecord(padRecord)) {
    add({ code: 'pad-record', key: padKey, message: `record "${padKey}" is not an object` });
    return found;
  }

  // The pad record itself.
  const padAText = asAText(padRecord.atext);
  if (padAText === null) {
    add({
      code: 'pad-record',
      key: padKey,
      message: 'the pad atext is not exactly {text, attribs} with strings',
    });
  }
  const head = padRecord.head;
  const headOk = isIntAtLeast(head, -1);
  if (!headOk) {
    add({ code: 'pad-record', key: padKey, message: 'head is not an integer ≥ -1' });
  }
  const poolProblems = checkPoolJson(padRecord.pool);
  for (const p of poolProblems) {
    add({ code: 'pool', key: padKey, message: p });
  }
  const pool = poolProblems.length === 0 ? AttributePool.fromJson(padRecord.pool as AttributePoolJson) : null;
  checkSavedRevisions(padRecord.savedRevisions, headOk ? head : null, padKey, add);

  if (headOk) {
    checkRevisions(revs, head, pool, padKey, padAText, add);
  }

  const chatHead = padRecord.chatHead ?? -1;
  if (!isIntAtLeast(chatHead, -1)) {
    add({ code: 'chat', key: padKey, message: 'chatHead is not an integer ≥ -1' });
  } else {
    for (const [from, to] of missingRanges(chats, chatHead)) {
      add({
        code: 'chat',
        key: `${padKey}:chat:${from}`,
        message:
          from === to
            ? `chat message ${from} is missing (chatHead is ${chatHead})`
            : `chat messages ${from}–${to} are missing`,
      });
    }
  }
  return found;
}

// Ranges of numbers 0..head absent from `present`, without looping over a huge head.
function missingRanges(present: Iterable<number>, head: number): [number, number][] {
  const sorted = [...present].filter((n) => n <= head).sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  let expected = 0;
  for (const n of sorted) {
    if (n > expected) {
      ranges.push([expected, n - 1]);
    }
    expected = n + 1;
  }
  if (expected <= head) {
    ranges.push([expected, head]);
  }
  return ranges;
}

function checkSavedRevisions(
  value: unknown,
  head: number | null,
  padKey: string,
  add: (v: EtherpadViolation) => void,
): void {
  if (value === undefined) {
    return;
  }
  if (!Array.isArray(value)) {
    add({ code: 'saved-revisions', key: padKey, message: 'savedRevisions is not an array' });
    return;
  }
  const ids = new Set<string>();
  const nums = new Set<number>();
  value.forEach((s: unknown, i) => {
    if (!isRecord(s)) {
      add({ code: 'saved-revisions', key: padKey, message: `saved revision ${i} is not an object` });
      return;
    }
    if (!isIntAtLeast(s.revNum, 0) || (head !== null && s.revNum > head)) {
      add({ code: 'saved-revisions', key: padKey, message: `saved revision ${i} has an invalid revNum` });
    } else if (nums.has(s.revNum)) {
      add({
        code: 'saved-revisions',
        key: padKey,
        message: `saved revision ${i} repeats revision ${s.revNum}`,
      });
    } else {
      nums.add(s.revNum);
    }
    if (typeof s.id !== 'string') {
      add({ code: 'saved-revisions', key: padKey, message: `saved revision ${i} has no string id` });
    } else if (ids.has(s.id)) {
      add({
        code: 'saved-revisions',
        key: padKey,
        message: `saved revision ${i} repeats id "${preview(s.id)}"`,
      });
    } else {
      ids.add(s.id);
    }
  });
}

function checkRevisions(
  revs: Map<number, unknown>,
  head: number,
  pool: AttributePool | null,
  padKey: string,
  padAText: AText | null,
  add: (v: EtherpadViolation) => void,
): void {
  for (const n of revs.keys()) {
    if (n > head) {
      add({
        code: 'revision-beyond-head',
        key: `${padKey}:revs:${n}`,
        rev: n,
        message: `revision ${n} is beyond the pad's head revision ${head}`,
      });
    }
  }
  for (const [from, to] of missingRanges(revs.keys(), head)) {
    add({
      code: 'missing-revision',
      key: `${padKey}:revs:${from}`,
      rev: from,
      message:
        from === to
          ? `revision ${from} is missing (head is ${head})`
          : `revisions ${from}–${to} are missing (head is ${head})`,
    });
  }

  // Replay while we can; after the first break, later revisions are only checked on their own.
  let atext: AText | null = pool === null ? null : makeAText('\n');
  const authors = new Map<string, number>();
  const existing = [...revs.keys()].filter((n) => n <= head).sort((a, b) => a - b);
  for (const rev of existing) {
    const key = `${padKey}:revs:${rev}`;
    if (atext !== null && rev > 0 && !revs.has(rev - 1)) {
      atext = null;
    }
    const record = revs.get(rev);
    const meta = isRecord(record) ? record.meta : undefined;
    const changeset = isRecord(record) ? record.changeset : undefined;
    if (!isRecord(meta) || typeof meta.author !== 'string') {
      add({ code: 'revision-record', key, rev, message: `revision ${rev}: meta.author is not a string` });
    } else if (meta.author !== '' && !authors.has(meta.author)) {
      authors.set(meta.author, rev);
    }
    if (!isRecord(meta) || typeof meta.timestamp !== 'number' || !(meta.timestamp > 0)) {
      add({
        code: 'revision-record',
        key,
        rev,
        message: `revision ${rev}: meta.timestamp is not a number > 0`,
      });
    }
    if (typeof changeset !== 'string') {
      add({ code: 'revision-record', key, rev, message: `revision ${rev}: changeset is not a string` });
      atext = null;
      continue;
    }
    let cs: Changeset;
    try {
      cs = parseChangeset(changeset);
    } catch (e) {
      add({
        code: 'invalid-changeset',
        key,
        rev,
        message: `revision ${rev}: invalid changeset: ${(e as Error).message}`,
      });
      atext = null;
      continue;
    }
    if (pool === null) {
      continue;
    }
    let attribsOk = true;
    for (const op of cs.ops) {
      let problem: string | null = null;
      try {
        const canonical = canonicalAttribString(op.attribs, pool);
        if (canonical !== op.attribs) {
          problem = `attributes "${preview(op.attribs)}" are not in canonical order`;
        }
      } catch (e) {
        problem = (e as Error).message;
      }
      if (problem !== null) {
        add({ code: 'attribs-not-canonical', key, rev, message: `revision ${rev}: ${problem}` });
        attribsOk = false;
        break;
      }
    }
    if (atext === null) {
      continue;
    }
    if (!attribsOk) {
      atext = null;
      continue;
    }
    try {
      atext = applyToAText(cs, atext, pool);
    } catch (e) {
      add({
        code: 'changeset-mismatch',
        key,
        rev,
        message: `revision ${rev}: changeset does not apply to the previous text: ${(e as Error).message}`,
      });
      atext = null;
      continue;
    }
    if (rev % KEY_REVISION_INTERVAL === 0) {
      const stored = isRecord(meta) ? asAText(meta.atext) : null;
      if (stored === null) {
        add({
          code: 'key-revision-mismatch',
          key,
          rev,
          message: `key revision ${rev}: meta.atext is missing or malformed`,
        });
      } else if (stored.text !== atext.text || stored.attribs !== atext.attribs) {
        add({
          code: 'key-revision-mismatch',
          key,
          rev,
          message: `key revision ${rev}: meta.atext differs from the replay`,
        });
      }
    }
  }

  // Only a complete replay can be compared with the pad's atext.
  if (atext !== null && existing.length === head + 1 && padAText !== null) {
    if (padAText.text !== atext.text) {
      add({
        code: 'atext-mismatch',
        key: padKey,
        message: "the pad's text differs from the text replayed from its revisions",
      });
    } else if (padAText.attribs !== atext.attribs) {
      add({ code: 'atext-mismatch', key: padKey, message: "the pad's attribution differs from the replay" });
    }
  }
  if (pool !== null) {
    const inPool = new Set(pool.authors());
    for (const [author, rev] of authors) {
      if (!inPool.has(author)) {
        add({
          code: 'unknown-author',
          key: `${padKey}:revs:${rev}`,
          rev,
          message: `revision ${rev}: author "${preview(author)}" is not in the pad's attribute pool`,
        });
      }
    }
  }
}
