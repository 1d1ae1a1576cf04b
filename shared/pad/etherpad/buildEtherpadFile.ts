/**
 * Writing `.etherpad` files that Etherpad 2.x imports (`POST /p/<pad>/import`): one changeset per
 * revision, replaying from Etherpad's new-pad text `\n`, key revisions every 100, and records in
 * the order Etherpad's own export writes them (pad, globalAuthor…, revs…, chat…).
 */

import { ETHERPAD_AUTHOR_ID } from './authorId.js';
import {
  AttributePool,
  attribsFromString,
  attribsToString,
  type AttributePoolJson,
} from './attributePool.js';
import { atextEquals, checkAText, makeChangeset } from './atext.js';
import { applyToAText, attributionRuns, encodeAttribution, makeAText, type AText } from './changeset.js';
import type { EtherpadSavedRevision } from './etherpadFile.js';
import { linesToAText, type LinesToATextOptions, type PadLine } from './lines.js';
import { KEY_REVISION_INTERVAL } from './problems.js';
import { preview } from './textUtil.js';

/** A revision's content: lines, or an attributed text with the pool its attributes refer to. */
type BuildRevisionContent = { lines: readonly PadLine[] } | { atext: AText; pool: AttributePool };

/** One revision to write: the whole document as it was after the change, who and when. */
export type BuildRevision = BuildRevisionContent & {
  /** Etherpad author id (see `toEtherpadAuthorId`), or `''` for a change without an author. */
  author: string;
  /** Milliseconds since 1970, > 0. */
  timestamp: number;
};

/** An author's `globalAuthor` record. */
export interface BuildAuthor {
  name: string | null;
  /** Etherpad palette index or a CSS colour like `#ffc7c7`. */
  colorId: number | string;
  /** When the author was created; defaults to their first revision's time. */
  timestamp?: number;
}

/** A chat message to include. */
interface BuildChatMessage {
  text: string;
  authorId: string;
  time: number;
}

/** Everything `buildEtherpadFile` needs. */
export interface BuildEtherpadInput extends LinesToATextOptions {
  /** Source pad id (Etherpad replaces it with the target pad's id on import); no `:`. */
  padId: string;
  revisions: readonly BuildRevision[];
  /** Every author that appears in the text, revisions or chat, by Etherpad author id. */
  authors: Readonly<Record<string, BuildAuthor>>;
  chat?: readonly BuildChatMessage[];
  savedRevisions?: readonly EtherpadSavedRevision[];
  publicStatus?: boolean;
}

/** Thrown when the input cannot be written as a valid `.etherpad` file. */
export class EtherpadBuildError extends Error {
  override readonly name = 'EtherpadBuildError';
}

function fail(message: string): never {
  throw new EtherpadBuildError(message);
}

/** Re-numbers an attributed text's attributes from `from` into `to` (adding them as needed). */
function moveATextToPool(atext: AText, from: AttributePool, to: AttributePool): AText {
  const cache = new Map<string, string>();
  const runs = attributionRuns(atext).map((run) => {
    let attribs = cache.get(run.attribs);
    if (attribs === undefined) {
      attribs = attribsToString(attribsFromString(run.attribs, from), to);
      cache.set(run.attribs, attribs);
    }
    return { chars: run.chars, attribs };
  });
  return { text: atext.text, attribs: encodeAttribution(atext.text, runs) };
}

function checkAuthorId(id: string, where: string): void {
  if (!ETHERPAD_AUTHOR_ID.test(id)) {
    fail(
      `${where}: "${preview(id)}" is not an Etherpad author id (a. + 16 letters/digits; see toEtherpadAuthorId)`,
    );
  }
}

function checkTimestamp(t: number, where: string): void {
  if (!(Number.isSafeInteger(t) && t > 0)) {
    fail(`${where}: timestamp ${t} is not a positive integer (milliseconds since 1970)`);
  }
}

/** Builds the `.etherpad` records as an object, in Etherpad's export order. */
export function buildEtherpadRecords(input: BuildEtherpadInput): Record<string, unknown> {
  const { padId } = input;
  if (padId === '' || padId.includes(':') || padId.length > 200) {
    fail(`pad id "${preview(padId)}" must be 1–200 characters without ":"`);
  }
  if (input.revisions.length === 0) {
    fail('at least one revision is needed (Etherpad pads start at revision 0)');
  }
  const pool = new AttributePool();
  const revRecords: [string, unknown][] = [];
  const firstSeen = new Map<string, number>();
  let prev = makeAText('\n');

  input.revisions.forEach((revision, rev) => {
    const where = `revision ${rev}`;
    checkTimestamp(revision.timestamp, where);
    if (revision.author !== '') {
      checkAuthorId(revision.author, where);
    }
    let next: AText;
    try {
      next =
        'lines' in revision
          ? linesToAText(revision.lines, pool, input)
          : moveATextToPool(revision.atext, revision.pool, pool);
    } catch (e) {
      return fail(`${where}: ${(e as Error).message}`);
    }
    const problems = checkAText(next, pool);
    if (problems.length > 0) {
      fail(`${where}: ${problems[0]}`);
    }
    const changeset = makeChangeset(prev, next);
    // Belt and braces: Etherpad replays every changeset on import, so we do too before writing.
    if (!atextEquals(applyToAText(changeset, prev, pool), next)) {
      fail(`${where}: internal error: the computed changeset does not reproduce the revision`);
    }
    if (revision.author !== '') {
      // Etherpad adds each revision's author to the pool, and its import check requires it.
      pool.put(['author', revision.author]);
      if (!firstSeen.has(revision.author)) {
        firstSeen.set(revision.author, revision.timestamp);
      }
    }
    const meta: Record<string, unknown> = { author: revision.author, timestamp: revision.timestamp };
    if (rev % KEY_REVISION_INTERVAL === 0) {
      const poolSnapshot: AttributePoolJson = pool.toJson();
      meta.pool = poolSnapshot;
      meta.atext = { text: next.text, attribs: next.attribs };
    }
    revRecords.push([`pad:${padId}:revs:${rev}`, { changeset, meta }]);
    prev = next;
  });
  const head = input.revisions.length - 1;

  const chat = input.chat ?? [];
  chat.forEach((m, i) => {
    checkAuthorId(m.authorId, `chat message ${i}`);
    checkTimestamp(m.time, `chat message ${i}`);
    // Authors who only chatted go into the pool too, so their globalAuthor record (and with it
    // their name next to the message) is exported; this keeps Etherpad's author check satisfied.
    pool.put(['author', m.authorId]);
  });

  const savedRevisions = input.savedRevisions ?? [];
  const savedIds = new Set<string>();
  const savedNums = new Set<number>();
  for (const s of savedRevisions) {
    if (!Number.isInteger(s.revNum) || s.revNum < 0 || s.revNum > head || savedNums.has(s.revNum)) {
      fail(`saved revision "${preview(s.id)}": revision ${s.revNum} is not a distinct revision 0..${head}`);
    }
    if (savedIds.has(s.id)) {
      fail(`saved revision id "${preview(s.id)}" is used twice`);
    }
    savedIds.add(s.id);
    savedNums.add(s.revNum);
  }

  const firstTimestamp = input.revisions[0]?.timestamp ?? 1;
  const authorRecords: [string, unknown][] = pool.authors().map((id) => {
    checkAuthorId(id, 'author in the text');
    const a = input.authors[id];
    if (a === undefined) {
      return fail(`author ${id} appears in the pad but has no entry in authors`);
    }
    return [
      `globalAuthor:${id}`,
      {
        colorId: a.colorId,
        name: a.name,
        timestamp: a.timestamp ?? firstSeen.get(id) ?? firstTimestamp,
        // Etherpad's export writes the exported pad's id here as a string; import checks it.
        padIDs: padId,
      },
    ];
  });

  const chatRecords: [string, unknown][] = chat.map((m, i) => [
    `pad:${padId}:chat:${i}`,
    { text: m.text, time: m.time, userId: m.authorId, userName: input.authors[m.authorId]?.name ?? null },
  ]);

  const padRecord = {
    atext: { text: prev.text, attribs: prev.attribs },
    pool: pool.toJson(),
    head,
    chatHead: chat.length - 1,
    publicStatus: input.publicStatus ?? false,
    savedRevisions: savedRevisions.map((s) => ({ ...s })),
  };

  return Object.fromEntries([[`pad:${padId}`, padRecord], ...authorRecords, ...revRecords, ...chatRecords]);
}

/** Builds a `.etherpad` file (JSON text) that Etherpad 2.x's import accepts. */
export function buildEtherpadFile(input: BuildEtherpadInput): string {
  return JSON.stringify(buildEtherpadRecords(input));
}
