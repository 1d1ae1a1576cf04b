import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { eventRoleSchema, type EventRole } from '../../shared/api/eventTokenContract.js';
import { idSchema } from '../../shared/docs/docName.js';
import { newId } from '../../shared/event/ids.js';
import { newToken } from './accessToken.js';
import { syncDirectory } from './updateLog.js';

/**
 * The workspace's join links per event: one JSON file, `<data>/event-tokens.json`, that the core and
 * the CLI both read and change, with or without a core running (the core notices changes; see
 * server/access/eventTokens.ts). Every change is a read-modify-write under a short lock file
 * (`event-tokens.json.lock`), written to a temp file, fsync'd and renamed into place, then the folder
 * fsync'd, so a crash leaves the old or the new file, never a mix.
 *
 * The secrets are stored as they are (mode 0600), not hashed: the organiser must be able to show a
 * link again (the share panel's QR codes, `mitschrift event tokens`), and whoever can read this file
 * can read `access-token` beside it, which gives more than any join link.
 */

/** The store's file name inside the workspace. */
export const EVENT_TOKENS_FILE = 'event-tokens.json';

const tokenRecordSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  role: eventRoleSchema,
  label: z.string().max(100),
  secret: z.string().regex(/^[A-Za-z0-9_-]{16,}$/),
  created: z.string(),
  revoked: z.string().nullable(),
});
/** One join link as stored. */
export type TokenRecord = z.infer<typeof tokenRecordSchema>;

const storeSchema = z.object({ version: z.literal(1), tokens: z.array(tokenRecordSchema) });

/** The store file cannot be read or is not what the core writes. */
export class EventTokenStoreError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(
      `The join links of this workspace (${file}) cannot be read: ${detail}. No join link works until ` +
        'the file is repaired or removed (removing it invalidates every join link).',
    );
    this.name = 'EventTokenStoreError';
  }
}

/** No join link with that id on that event. */
export class UnknownTokenError extends Error {
  constructor(eventId: string, tokenId: string) {
    super(`Event "${eventId}" has no join link "${tokenId}".`);
    this.name = 'UnknownTokenError';
  }
}

/** Where the store lives and how it is stamped (file, stat) so readers notice changes. */
function eventTokensFile(dataDir: string): string {
  return join(dataDir, EVENT_TOKENS_FILE);
}

/** A cheap fingerprint of the file (inode, size, mtime); `none` while it does not exist. */
export function storeStamp(dataDir: string): string {
  try {
    const st = statSync(eventTokensFile(dataDir), { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch {
    return 'none';
  }
}

/** Reads every join link (none when the file does not exist); throws {@link EventTokenStoreError}. */
export function readEventTokens(dataDir: string): TokenRecord[] {
  const file = eventTokensFile(dataDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw new EventTokenStoreError(file, (error as Error).message);
  }
  return parseEventTokens(text, file);
}

/**
 * The join links in a store's JSON text (the file's, or the PostgreSQL row's in scale-out); throws
 * {@link EventTokenStoreError} naming `where` when it is not JSON or not what the core writes.
 */
export function parseEventTokens(text: string, where: string): TokenRecord[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new EventTokenStoreError(where, `not JSON (${(error as Error).message})`);
  }
  const parsed = storeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EventTokenStoreError(
      where,
      `${issue?.path.map(String).join('.') || '(file)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data.tokens;
}

/** The store's JSON text for these links (what {@link parseEventTokens} reads). */
export function eventTokensJson(tokens: readonly TokenRecord[]): string {
  return JSON.stringify({ version: 1, tokens }, null, 2) + '\n';
}

const LOCK_WAIT_MS = 5000;
const STALE_LOCK_MS = 10_000;

/** Takes the store's lock file (waits up to 5 s; a lock older than 10 s was left by a crash). */
function takeLock(dataDir: string): () => void {
  const lock = `${eventTokensFile(dataDir)}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx', 0o600));
      return () => {
        try {
          unlinkSync(lock);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) {
        unlinkSync(lock);
        continue;
      }
    } catch {
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`The join links are being changed by another process (${lock} stays); try again.`);
    }
    // A change holds the lock for a few milliseconds: wait a little without spinning.
    Atomics.wait(pause, 0, 0, 10);
  }
}

function writeStore(dataDir: string, tokens: readonly TokenRecord[]): void {
  const file = eventTokensFile(dataDir);
  const temp = `${file}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    const bytes = Buffer.from(eventTokensJson(tokens));
    let written = 0;
    while (written < bytes.length) {
      written += writeSync(fd, bytes, written);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  syncDirectory(dataDir);
}

/** One change of the join links: gets the current list, returns the new list and a result. */
export type TokenEdit<T> = (tokens: TokenRecord[]) => { tokens: TokenRecord[]; result: T };

/**
 * Changes the store under its lock: `change` gets the current links (read fresh) and returns the
 * new list and a result; the list is written durably before this returns.
 */
export function changeEventTokensIn<T>(dataDir: string, change: TokenEdit<T>): T {
  const release = takeLock(dataDir);
  try {
    const { tokens, result } = change(readEventTokens(dataDir));
    writeStore(dataDir, tokens);
    return result;
  } finally {
    release();
  }
}

function newRecord(eventId: string, role: EventRole, label: string, now: Date): TokenRecord {
  return {
    id: newId(randomBytes),
    eventId,
    role,
    label,
    secret: newToken(),
    created: now.toISOString(),
    revoked: null,
  };
}

function changeOne(
  eventId: string,
  tokenId: string,
  edit: (record: TokenRecord) => TokenRecord,
): TokenEdit<TokenRecord> {
  return (tokens) => {
    const index = tokens.findIndex((t) => t.id === tokenId && t.eventId === eventId);
    const found = tokens[index];
    if (found === undefined) {
      throw new UnknownTokenError(eventId, tokenId);
    }
    const changed = edit(found);
    return { tokens: tokens.map((t, i) => (i === index ? changed : t)), result: changed };
  };
}

/**
 * The changes of join links, as pure edits of the list: the workspace file (below) and PostgreSQL
 * in scale-out (server/scaleout/pgJoinLinks.ts) apply the same ones, each under its own lock.
 */
export const tokenEdits = {
  /** Makes a new join link for `role` on `eventId`. */
  create(eventId: string, role: EventRole, label: string, now = new Date()): TokenEdit<TokenRecord> {
    const record = newRecord(eventId, role, label, now);
    return (tokens) => ({ tokens: [...tokens, record], result: record });
  },
  /** The first working link of `role` on `eventId` with exactly `label`, made if there is none. */
  ensure(eventId: string, role: EventRole, label: string, now = new Date()): TokenEdit<TokenRecord> {
    return (tokens) => {
      const found = tokens.find(
        (t) => t.eventId === eventId && t.role === role && t.label === label && t.revoked === null,
      );
      if (found) {
        return { tokens, result: found };
      }
      const record = newRecord(eventId, role, label, now);
      return { tokens: [...tokens, record], result: record };
    };
  },
  /** Gives a join link a new label. */
  rename(eventId: string, tokenId: string, label: string): TokenEdit<TokenRecord> {
    return changeOne(eventId, tokenId, (t) => ({ ...t, label }));
  },
  /** Revokes a join link (for good; revoking twice keeps the first time). */
  revoke(eventId: string, tokenId: string, now = new Date()): TokenEdit<TokenRecord> {
    return changeOne(eventId, tokenId, (t) => ({ ...t, revoked: t.revoked ?? now.toISOString() }));
  },
};

/** Makes a new join link for `role` on `eventId`. */
export function createEventToken(
  dataDir: string,
  eventId: string,
  role: EventRole,
  label: string,
  now = new Date(),
): TokenRecord {
  return changeEventTokensIn(dataDir, tokenEdits.create(eventId, role, label, now));
}

/**
 * The first working link of `role` on `eventId` with exactly `label`, made if there is none (in one
 * change under the lock, so two callers never make two).
 */
export function ensureEventToken(
  dataDir: string,
  eventId: string,
  role: EventRole,
  label: string,
  now = new Date(),
): TokenRecord {
  return changeEventTokensIn(dataDir, tokenEdits.ensure(eventId, role, label, now));
}

/** Gives a join link a new label. */
export function renameEventToken(
  dataDir: string,
  eventId: string,
  tokenId: string,
  label: string,
): TokenRecord {
  return changeEventTokensIn(dataDir, tokenEdits.rename(eventId, tokenId, label));
}

/** Revokes a join link (for good; revoking twice keeps the first time). */
export function revokeEventToken(
  dataDir: string,
  eventId: string,
  tokenId: string,
  now = new Date(),
): TokenRecord {
  return changeEventTokensIn(dataDir, tokenEdits.revoke(eventId, tokenId, now));
}
