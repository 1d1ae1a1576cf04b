/**
 * Reading `.etherpad` files (Etherpad's "export as Etherpad" format): a flat JSON object of
 * database records `pad:<id>`, `pad:<id>:revs:<n>`, `pad:<id>:chat:<n>`, `globalAuthor:<id>`.
 *
 * `parseEtherpadFile` refuses what Etherpad 2.5.3's import refuses (ImportEtherpad.setPadRaw and
 * Pad.check), in the same order, with a message naming the record or revision. Two deliberate
 * differences, both stricter:
 * - A file without a `pad:<id>` record (e.g. `{}`): Etherpad answers 200 and leaves an empty pad.
 *   Importing "nothing" silently hides a wrong or broken file from the organiser, so we refuse
 *   it with code `no-pad` ("no pad in this file").
 * - Revisions after `head`: Etherpad ignores them (and would overwrite them on the next edit).
 *   Such a file was not written by Etherpad and its history is ambiguous, so we refuse it with
 *   code `revision-beyond-head`.
 * Etherpad's upload size limit (50 MB by default) is a server setting, not a file property; the
 * checker reports it, the parser does not.
 */

import { z } from 'zod';
import {
  AttributePool,
  canonicalAttribString,
  checkPoolJson,
  type AttributePoolJson,
} from './attributePool.js';
import { applyToAText, makeAText, parseChangeset, type AText, type Changeset } from './changeset.js';
import { EtherpadFileError, KEY_REVISION_INTERVAL, type EtherpadProblem } from './problems.js';
import { preview } from './textUtil.js';

/** One revision: the changeset from the previous revision's text, who made it and when. */
interface EtherpadRevision {
  rev: number;
  changeset: string;
  /** Author id (`a.…`), or `''` for changes without an author (e.g. server-side). */
  author: string;
  /** Milliseconds since 1970. */
  timestamp: number;
  /** Key revisions (every 100th) also store the full text and the pool as they were then. */
  meta: { atext?: AText; pool?: AttributePoolJson };
}

/** An author as stored in a `globalAuthor:<id>` record. */
interface EtherpadAuthor {
  name: string | null;
  /** Index into Etherpad's colour palette, or a CSS colour such as `#ffc7c7`. */
  colorId: number | string | null;
  timestamp?: number;
}

/** A chat message (Etherpad exports `userId`/`userName`, its database uses `authorId`). */
interface EtherpadChatMessage {
  text: string;
  authorId: string | null;
  /** Milliseconds since 1970; Etherpad stores a string when the API got one, we accept both. */
  time: number | null;
  displayName: string | null;
}

/** A saved revision ("star" in the timeslider). */
export interface EtherpadSavedRevision {
  revNum: number;
  id: string;
  label?: string;
  savedById?: string;
  timestamp?: number;
}

/** A validated `.etherpad` file. */
export interface EtherpadFile {
  padId: string;
  head: number;
  chatHead: number;
  publicStatus: boolean;
  atext: AText;
  pool: AttributePool;
  revisions: EtherpadRevision[];
  authors: Record<string, EtherpadAuthor>;
  chat: EtherpadChatMessage[];
  savedRevisions: EtherpadSavedRevision[];
}

const safeInt = z.number().int();

// Etherpad deep-compares atexts, so extra keys would make it refuse: the object is strict.
const atextSchema = z.strictObject({ text: z.string(), attribs: z.string() });

const padRecordSchema = z.object({
  atext: atextSchema,
  pool: z.unknown(),
  head: safeInt.min(-1),
  // Etherpad's Pad starts with chatHead -1, publicStatus false and no saved revisions, and
  // overlays the record on that, so these may be absent.
  chatHead: z.unknown().optional(), // checked with the chat messages, under code `chat`
  publicStatus: z.boolean().optional(),
  savedRevisions: z.array(z.unknown()).optional(),
});

const savedRevisionSchema = z.object({
  revNum: safeInt.min(0),
  id: z.string(),
  label: z.string().optional(),
  savedById: z.string().optional(),
  timestamp: z.number().optional(),
});

const revisionSchema = z.object({
  changeset: z.string(),
  meta: z.object({
    author: z.string(),
    timestamp: z.number().positive(),
    atext: z.unknown().optional(),
    pool: z.unknown().optional(),
  }),
});

const globalAuthorSchema = z.object({
  padIDs: z.string(),
  name: z.string().nullable().optional(),
  colorId: z.union([z.number(), z.string()]).nullable().optional(),
  timestamp: z.number().optional(),
});

function zodMessage(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

function fail(problem: EtherpadProblem): never {
  throw new EtherpadFileError(problem);
}

/** The records of one pad, sorted out by kind, with the pad-ID rule already applied. */
export interface PadRecords {
  padId: string;
  pad: unknown;
  revs: Map<number, unknown>;
  chats: Map<number, unknown>;
  authors: Map<string, unknown>;
}

const indexRe = /^(0|[1-9][0-9]*)$/;

/**
 * Parses the JSON and sorts the records the way Etherpad's import does: records with a falsy
 * value are skipped, every `pad:` record and every `globalAuthor` `padIDs` must name the same pad
 * (the first one seen wins), other keys are ignored. Throws on the first problem.
 */
export function readPadRecords(jsonText: string): PadRecords {
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (e) {
    fail({ code: 'invalid-json', message: `not valid JSON: ${(e as Error).message}` });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    fail({ code: 'not-an-object', message: 'not an .etherpad file: expected a JSON object of records' });
  }
  let padId: string | null = null;
  const checkPadId = (id: string, key: string): void => {
    padId ??= id;
    if (id !== padId) {
      fail({
        code: 'pad-id-mismatch',
        key,
        message: `unexpected pad ID in record "${preview(key)}": "${preview(id)}" (the file is for pad "${preview(padId)}")`,
      });
    }
  };
  const out = {
    pad: undefined as unknown,
    revs: new Map<number, unknown>(),
    chats: new Map<number, unknown>(),
  };
  const authors = new Map<string, unknown>();
  for (const [key, value] of Object.entries(data)) {
    if (!value) {
      continue;
    }
    const parts = key.split(':');
    const [prefix, id = ''] = parts;
    if (prefix === 'globalAuthor' && parts.length === 2) {
      const padIDs = (value as { padIDs?: unknown }).padIDs;
      if (typeof padIDs !== 'string') {
        fail({ code: 'global-author', key, message: `record "${preview(key)}": padIDs is not a string` });
      }
      checkPadId(padIDs, key);
      authors.set(id, value);
    } else if (prefix === 'pad') {
      checkPadId(id, key);
      const index = parts[3] ?? '';
      if (parts.length === 2) {
        out.pad = value;
      } else if (parts.length === 4 && parts[2] === 'revs' && indexRe.test(index)) {
        out.revs.set(Number(index), value);
      } else if (parts.length === 4 && parts[2] === 'chat' && indexRe.test(index)) {
        out.chats.set(Number(index), value);
      }
    }
  }
  if (padId === null || out.pad === undefined) {
    fail({
      code: 'no-pad',
      key: padId === null ? undefined : `pad:${padId}`,
      message:
        padId === null
          ? 'no pad in this file (it has no "pad:<id>" record)'
          : `no pad in this file: the record "pad:${preview(padId)}" is missing`,
    });
  }
  return { padId, pad: out.pad, revs: out.revs, chats: out.chats, authors };
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) {
    i++;
  }
  return i;
}

/** Describes where two texts differ, briefly, for an error message. */
function describeDifference(what: string, expected: string, actual: string): string {
  const at = firstDifference(expected, actual);
  return (
    `${what} differ from character ${at}: ` +
    `"${preview(expected.slice(at), 30)}" vs "${preview(actual.slice(at), 30)}"`
  );
}

function toTime(t: unknown): number | null {
  if (typeof t === 'number' && Number.isFinite(t)) {
    return t;
  }
  if (typeof t === 'string' && /^[0-9]{1,16}$/.test(t)) {
    return Number(t);
  }
  return null;
}

function toChatMessage(value: unknown): EtherpadChatMessage {
  const v = value as Record<string, unknown>;
  // Etherpad renamed userId → authorId and userName → displayName; exports use the old names.
  const authorId = v.authorId ?? v.userId;
  const displayName = v.displayName ?? v.userName;
  return {
    text: typeof v.text === 'string' ? v.text : '',
    authorId: typeof authorId === 'string' ? authorId : null,
    time: toTime(v.time),
    displayName: typeof displayName === 'string' ? displayName : null,
  };
}

/** Parses and validates a `.etherpad` file; throws `EtherpadFileError` naming the first problem. */
export function parseEtherpadFile(jsonText: string): EtherpadFile {
  const records = readPadRecords(jsonText);
  const padKey = `pad:${records.padId}`;

  const padParsed = padRecordSchema.safeParse(records.pad);
  if (!padParsed.success) {
    fail({ code: 'pad-record', key: padKey, message: `record "${padKey}": ${zodMessage(padParsed.error)}` });
  }
  const pad = padParsed.data;
  const head = pad.head;

  const savedRevisions = checkSavedRevisions(pad.savedRevisions ?? [], head, padKey);

  const poolProblems = checkPoolJson(pad.pool);
  if (poolProblems.length > 0) {
    fail({ code: 'pool', key: padKey, message: `record "${padKey}": ${poolProblems[0]}` });
  }
  const pool = AttributePool.fromJson(pad.pool as AttributePoolJson);

  // Cheap structural checks first, so a huge head fails at once instead of after a long replay.
  let highest = -1;
  for (const n of records.revs.keys()) {
    highest = Math.max(highest, n);
  }
  if (highest > head) {
    fail({
      code: 'revision-beyond-head',
      key: `${padKey}:revs:${highest}`,
      rev: highest,
      message: `revision ${highest} is beyond the pad's head revision ${head}`,
    });
  }
  if (head > highest) {
    const missing = highest + 1;
    fail({
      code: 'missing-revision',
      key: `${padKey}:revs:${missing}`,
      rev: missing,
      message: `head is ${head} but the file's revisions end at ${highest} (revision ${missing} is missing)`,
    });
  }

  const revisions: EtherpadRevision[] = [];
  let atext = makeAText('\n');
  for (let rev = 0; rev <= head; rev++) {
    const key = `${padKey}:revs:${rev}`;
    const raw = records.revs.get(rev);
    if (raw === undefined) {
      fail({ code: 'missing-revision', key, rev, message: `revision ${rev} is missing (head is ${head})` });
    }
    const parsed = revisionSchema.safeParse(raw);
    if (!parsed.success) {
      fail({ code: 'revision-record', key, rev, message: `revision ${rev}: ${zodMessage(parsed.error)}` });
    }
    const { changeset, meta } = parsed.data;
    atext = replayRevision(atext, changeset, pool, rev, key);
    const isKey = rev % KEY_REVISION_INTERVAL === 0;
    const revMeta: EtherpadRevision['meta'] = {};
    if (isKey) {
      const keyAText = atextSchema.safeParse(meta.atext);
      if (!keyAText.success) {
        fail({
          code: 'key-revision-mismatch',
          key,
          rev,
          message: `key revision ${rev}: meta.atext is missing or malformed`,
        });
      }
      if (keyAText.data.text !== atext.text || keyAText.data.attribs !== atext.attribs) {
        const what = keyAText.data.text !== atext.text ? 'texts' : 'attribution strings';
        fail({
          code: 'key-revision-mismatch',
          key,
          rev,
          message: `key revision ${rev}: stored meta.atext does not match the replay (${describeDifference(
            what,
            keyAText.data.text !== atext.text ? keyAText.data.text : keyAText.data.attribs,
            keyAText.data.text !== atext.text ? atext.text : atext.attribs,
          )})`,
        });
      }
      revMeta.atext = keyAText.data;
      // Etherpad does not check the key revision's pool; keep it only when it is well-formed.
      if (checkPoolJson(meta.pool).length === 0) {
        revMeta.pool = meta.pool as AttributePoolJson;
      }
    }
    revisions.push({ rev, changeset, author: meta.author, timestamp: meta.timestamp, meta: revMeta });
  }

  if (pad.atext.text !== atext.text) {
    fail({
      code: 'atext-mismatch',
      key: padKey,
      message: `the pad's text does not match the text replayed from its revisions (${describeDifference(
        'texts',
        pad.atext.text,
        atext.text,
      )})`,
    });
  }
  if (pad.atext.attribs !== atext.attribs) {
    fail({
      code: 'atext-mismatch',
      key: padKey,
      message: `the pad's attribution does not match the replay (${describeDifference(
        'attribution strings',
        pad.atext.attribs,
        atext.attribs,
      )})`,
    });
  }

  const poolAuthors = new Set(pool.authors());
  for (const r of revisions) {
    if (r.author !== '' && !poolAuthors.has(r.author)) {
      fail({
        code: 'unknown-author',
        key: `${padKey}:revs:${r.rev}`,
        rev: r.rev,
        message: `revision ${r.rev}: author "${preview(r.author)}" is not in the pad's attribute pool`,
      });
    }
  }

  const chatHead = pad.chatHead ?? -1;
  if (typeof chatHead !== 'number' || !Number.isSafeInteger(chatHead) || chatHead < -1) {
    fail({ code: 'chat', key: padKey, message: 'chatHead is not an integer ≥ -1' });
  }
  const chat: EtherpadChatMessage[] = [];
  for (let i = 0; i <= chatHead; i++) {
    const value = records.chats.get(i);
    if (value === undefined) {
      fail({
        code: 'chat',
        key: `${padKey}:chat:${i}`,
        message: `chat message ${i} is missing (chatHead is ${chatHead})`,
      });
    }
    chat.push(toChatMessage(value));
  }

  const authors: Record<string, EtherpadAuthor> = {};
  for (const [id, value] of records.authors) {
    const a = globalAuthorSchema.safeParse(value);
    if (!a.success) {
      // Etherpad only looks at padIDs (checked already); a record we cannot read is just skipped.
      continue;
    }
    authors[id] = {
      name: a.data.name ?? null,
      colorId: a.data.colorId ?? null,
      ...(a.data.timestamp === undefined ? {} : { timestamp: a.data.timestamp }),
    };
  }

  return {
    padId: records.padId,
    head,
    chatHead,
    publicStatus: pad.publicStatus ?? false,
    atext: pad.atext,
    pool,
    revisions,
    authors,
    chat,
    savedRevisions,
  };
}

function checkSavedRevisions(list: unknown[], head: number, padKey: string): EtherpadSavedRevision[] {
  const out: EtherpadSavedRevision[] = [];
  const ids = new Set<string>();
  for (const [i, raw] of list.entries()) {
    const s = savedRevisionSchema.safeParse(raw);
    if (!s.success) {
      fail({
        code: 'saved-revisions',
        key: padKey,
        message: `saved revision ${i}: ${zodMessage(s.error)}`,
      });
    }
    if (s.data.revNum > head) {
      fail({
        code: 'saved-revisions',
        key: padKey,
        message: `saved revision ${i} points at revision ${s.data.revNum}, after head ${head}`,
      });
    }
    if (ids.has(s.data.id)) {
      fail({
        code: 'saved-revisions',
        key: padKey,
        message: `saved revision id "${preview(s.data.id)}" is used twice`,
      });
    }
    ids.add(s.data.id);
    out.push(s.data);
  }
  const nums = out.map((s) => s.revNum).sort((a, b) => a - b);
  if (nums.some((n, i) => i > 0 && n === nums[i - 1])) {
    fail({ code: 'saved-revisions', key: padKey, message: 'two saved revisions point at the same revision' });
  }
  return out;
}

/**
 * Applies one revision's changeset with all of Etherpad's per-revision checks: the changeset
 * parses and is canonical, every op's attributes are in the pool in canonical order, and its
 * keeps and deletes fit the previous text.
 */
function replayRevision(
  prev: AText,
  changeset: string,
  pool: AttributePool,
  rev: number,
  key: string,
): AText {
  let cs: Changeset;
  try {
    cs = parseChangeset(changeset);
  } catch (e) {
    fail({
      code: 'invalid-changeset',
      key,
      rev,
      message: `revision ${rev}: invalid changeset: ${(e as Error).message}`,
    });
  }
  for (const op of cs.ops) {
    let canonical: string;
    try {
      canonical = canonicalAttribString(op.attribs, pool);
    } catch (e) {
      fail({ code: 'attribs-not-canonical', key, rev, message: `revision ${rev}: ${(e as Error).message}` });
    }
    if (canonical !== op.attribs) {
      fail({
        code: 'attribs-not-canonical',
        key,
        rev,
        message: `revision ${rev}: attributes "${preview(op.attribs)}" are not in canonical order (expected "${preview(canonical)}")`,
      });
    }
  }
  try {
    return applyToAText(cs, prev, pool);
  } catch (e) {
    return fail({
      code: 'changeset-mismatch',
      key,
      rev,
      message: `revision ${rev}: changeset does not apply to the text of ${
        rev === 0 ? 'a new pad' : `revision ${rev - 1}`
      }: ${(e as Error).message}`,
    });
  }
}

/**
 * The attributed text at revision `rev` of a parsed file, replayed from the nearest key revision
 * (whose stored atext the parser has verified).
 */
export function atextAtRevision(file: EtherpadFile, rev: number): AText {
  if (!Number.isInteger(rev) || rev < 0 || rev > file.head) {
    throw new RangeError(`revision ${rev} does not exist (head is ${file.head})`);
  }
  const keyRev = Math.floor(rev / KEY_REVISION_INTERVAL) * KEY_REVISION_INTERVAL;
  let atext = file.revisions[keyRev]?.meta.atext ?? makeAText('\n');
  const from = file.revisions[keyRev]?.meta.atext === undefined ? 0 : keyRev + 1;
  for (let r = from; r <= rev; r++) {
    const revision = file.revisions[r];
    if (revision !== undefined) {
      atext = applyToAText(revision.changeset, atext, file.pool);
    }
  }
  return atext;
}
