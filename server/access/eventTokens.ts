import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import type { EventRole } from '../../shared/api/eventTokenContract.js';
import type { CoreLogger } from '../core/coreTypes.js';
import {
  EVENT_TOKENS_FILE,
  createEventToken,
  ensureEventToken,
  readEventTokens,
  renameEventToken,
  revokeEventToken,
  storeStamp,
  EventTokenStoreError,
  type TokenRecord,
} from '../storage/eventTokenStore.js';

/** What a presented join-link token turns out to be. */
export type TokenLookup = { ok: true; record: TokenRecord } | { ok: false; reason: 'unknown' | 'revoked' };

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/**
 * The core's live view of the workspace's join links (server/storage/eventTokenStore.ts). The file
 * is re-read whenever it changes, whoever changed it (the API, or `mitschrift event revoke` in
 * another process): checked before every authentication (a stat), on a watch of the workspace folder
 * and on the core's 1-second timer. A link that stops working (revoked or removed) is reported to
 * `onEnded` at once, which closes its live connections. A store that cannot be read lets no join
 * link in (the owner keeps working) and is logged once per change; the core keeps running.
 */
export class EventTokens {
  private stamp: string | undefined;
  private byDigest = new Map<string, TokenRecord>();
  private byId = new Map<string, TokenRecord>();
  private problem: EventTokenStoreError | null = null;
  private watcher: FSWatcher | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly logger: CoreLogger,
    private readonly onEnded: (tokenIds: readonly string[]) => void,
  ) {
    this.refresh();
    try {
      this.watcher = watch(dataDir, (_event, name) => {
        if (name === null || name === EVENT_TOKENS_FILE) {
          this.refresh();
        }
      });
      this.watcher.on('error', () => this.watcher?.close());
      this.watcher.unref();
    } catch {
      // No folder watch on this platform: the per-request check and the timer still notice changes.
    }
  }

  /** Re-reads the store if its file changed; never throws. */
  refresh(): void {
    const stamp = storeStamp(this.dataDir);
    if (stamp === this.stamp) {
      return;
    }
    this.stamp = stamp;
    const before = [...this.byId.values()].filter((t) => t.revoked === null).map((t) => t.id);
    try {
      const tokens = readEventTokens(this.dataDir);
      this.byDigest = new Map(tokens.map((t) => [digest(t.secret), t]));
      this.byId = new Map(tokens.map((t) => [t.id, t]));
      this.problem = null;
    } catch (error) {
      if (!(error instanceof EventTokenStoreError)) {
        // A read that failed half-way (the file replaced meanwhile): try again on the next check.
        this.stamp = undefined;
        return;
      }
      this.problem = error;
      this.byDigest = new Map();
      this.byId = new Map();
      this.logger.error(error.message);
    }
    const ended = before.filter((id) => this.byId.get(id)?.revoked !== null);
    if (ended.length > 0) {
      this.onEnded(ended);
    }
  }

  /** Why the store cannot be read, or null. */
  storeProblem(): EventTokenStoreError | null {
    this.refresh();
    return this.problem;
  }

  /** The join link a token secret (from `?token=` or `Authorization: Bearer`) belongs to. */
  bySecret(secret: string | undefined): TokenLookup {
    if (!secret) {
      return { ok: false, reason: 'unknown' };
    }
    this.refresh();
    // Looked up by digest, so the time taken says nothing about how close a guess was.
    return this.judge(this.byDigest.get(digest(secret)));
  }

  /** The join link with an id (for the join cookie, which names it). */
  byTokenId(id: string): TokenLookup {
    this.refresh();
    return this.judge(this.byId.get(id));
  }

  private judge(record: TokenRecord | undefined): TokenLookup {
    if (record === undefined) {
      return { ok: false, reason: 'unknown' };
    }
    return record.revoked === null ? { ok: true, record } : { ok: false, reason: 'revoked' };
  }

  /** The links of one event, oldest first. */
  list(eventId: string): TokenRecord[] {
    this.throwIfBroken();
    return [...this.byId.values()].filter((t) => t.eventId === eventId);
  }

  /** Makes a join link. */
  create(eventId: string, role: EventRole, label: string): TokenRecord {
    this.throwIfBroken();
    const record = createEventToken(this.dataDir, eventId, role, label);
    this.refresh();
    return record;
  }

  /** The working link of `role` with `label` on the event, made if missing (the pads' share links). */
  ensure(eventId: string, role: EventRole, label: string): TokenRecord {
    this.throwIfBroken();
    const record = ensureEventToken(this.dataDir, eventId, role, label);
    this.refresh();
    return record;
  }

  /** Renames a join link. */
  rename(eventId: string, tokenId: string, label: string): TokenRecord {
    this.throwIfBroken();
    const record = renameEventToken(this.dataDir, eventId, tokenId, label);
    this.refresh();
    return record;
  }

  /** Revokes a join link; its live connections are closed before this returns. */
  revoke(eventId: string, tokenId: string): TokenRecord {
    this.throwIfBroken();
    const record = revokeEventToken(this.dataDir, eventId, tokenId);
    this.refresh();
    return record;
  }

  private throwIfBroken(): void {
    this.refresh();
    if (this.problem !== null) {
      throw this.problem;
    }
  }

  /** Stops watching the folder. */
  close(): void {
    this.watcher?.close();
  }
}
