import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import type { EventRole } from '../../shared/api/eventTokenContract.js';
import type { CoreLogger } from '../core/coreTypes.js';
import type { PgJoinLinks } from '../scaleout/pgJoinLinks.js';
import {
  EVENT_TOKENS_FILE,
  createEventToken,
  ensureEventToken,
  readEventTokens,
  renameEventToken,
  revokeEventToken,
  storeStamp,
  tokenEdits,
  EventTokenStoreError,
  type TokenEdit,
  type TokenRecord,
} from '../storage/eventTokenStore.js';
import { describeError } from '../storage/updateLog.js';

/** In scale-out, the links are read again at least this often, should a notification be lost. */
const PG_RELOAD_MS = 5000;

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
 *
 * In scale-out ({@link EventTokens.overPostgres}) the links live in PostgreSQL instead
 * (server/scaleout/pgJoinLinks.ts), shared by every node: this keeps a copy, read again on every
 * notification of a change (from any node or the CLI) and every few seconds, so a link works on
 * every node once made and a revoked one closes its connections on every node.
 */
export class EventTokens {
  private pg: PgJoinLinks | undefined;
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;
  private lastReload = 0;
  private stamp: string | undefined;
  private byDigest = new Map<string, TokenRecord>();
  private byId = new Map<string, TokenRecord>();
  private problem: EventTokenStoreError | null = null;
  private watcher: FSWatcher | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly logger: CoreLogger,
    private readonly onEnded: (tokenIds: readonly string[]) => void,
    pg?: PgJoinLinks,
  ) {
    if (pg) {
      this.pg = pg;
      return;
    }
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

  /** The join links of a scaled-out workspace, read once before this returns and then kept live. */
  static async overPostgres(
    pg: PgJoinLinks,
    dataDir: string,
    logger: CoreLogger,
    onEnded: (tokenIds: readonly string[]) => void,
  ): Promise<EventTokens> {
    const tokens = new EventTokens(dataDir, logger, onEnded, pg);
    await tokens.reload();
    void pg.listen(() => tokens.scheduleReload());
    return tokens;
  }

  /** Reads the links from PostgreSQL again (one read at a time; a request meanwhile reads once more). */
  private scheduleReload(): void {
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = this.reload().finally(() => {
      this.reloading = undefined;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        this.scheduleReload();
      }
    });
  }

  private async reload(): Promise<void> {
    if (!this.pg) {
      return;
    }
    this.lastReload = Date.now();
    try {
      this.apply(await this.pg.read());
    } catch (error) {
      if (error instanceof EventTokenStoreError) {
        this.broken(error);
      } else {
        // PostgreSQL unreachable for a moment: the links known so far stay; the next read retries.
        this.logger.warn(`Join links could not be read from PostgreSQL: ${describeError(error)}`);
      }
    }
  }

  /** Takes a fresh list of links; the ones that stopped working are reported to `onEnded`. */
  private apply(tokens: readonly TokenRecord[]): void {
    const before = [...this.byId.values()].filter((t) => t.revoked === null).map((t) => t.id);
    this.byDigest = new Map(tokens.map((t) => [digest(t.secret), t]));
    this.byId = new Map(tokens.map((t) => [t.id, t]));
    this.problem = null;
    const ended = before.filter((id) => this.byId.get(id)?.revoked !== null);
    if (ended.length > 0) {
      this.onEnded(ended);
    }
  }

  /** A store that cannot be read lets no join link in; said once per change of the file (or of the problem). */
  private broken(error: EventTokenStoreError): void {
    const before = [...this.byId.values()].filter((t) => t.revoked === null).map((t) => t.id);
    const first = this.problem?.message !== error.message;
    this.problem = error;
    this.byDigest = new Map();
    this.byId = new Map();
    if (first || !this.pg) {
      this.logger.error(error.message);
    }
    if (before.length > 0) {
      this.onEnded(before);
    }
  }

  /**
   * Re-reads the store if its file changed; never throws. In scale-out: reads PostgreSQL again in
   * the background when the last read is a few seconds old (the core's timer calls this).
   */
  refresh(): void {
    if (this.pg) {
      if (Date.now() - this.lastReload > PG_RELOAD_MS) {
        this.scheduleReload();
      }
      return;
    }
    const stamp = storeStamp(this.dataDir);
    if (stamp === this.stamp) {
      return;
    }
    this.stamp = stamp;
    let tokens: TokenRecord[];
    try {
      tokens = readEventTokens(this.dataDir);
    } catch (error) {
      if (!(error instanceof EventTokenStoreError)) {
        // A read that failed half-way (the file replaced meanwhile): try again on the next check.
        this.stamp = undefined;
        return;
      }
      this.broken(error);
      return;
    }
    this.apply(tokens);
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
  create(eventId: string, role: EventRole, label: string): Promise<TokenRecord> {
    return this.change(tokenEdits.create(eventId, role, label), () =>
      createEventToken(this.dataDir, eventId, role, label),
    );
  }

  /** The working link of `role` with `label` on the event, made if missing (the pads' share links). */
  ensure(eventId: string, role: EventRole, label: string): Promise<TokenRecord> {
    return this.change(tokenEdits.ensure(eventId, role, label), () =>
      ensureEventToken(this.dataDir, eventId, role, label),
    );
  }

  /** Renames a join link. */
  rename(eventId: string, tokenId: string, label: string): Promise<TokenRecord> {
    return this.change(tokenEdits.rename(eventId, tokenId, label), () =>
      renameEventToken(this.dataDir, eventId, tokenId, label),
    );
  }

  /** Revokes a join link; its live connections (on every node, in scale-out) are closed at once. */
  revoke(eventId: string, tokenId: string): Promise<TokenRecord> {
    return this.change(tokenEdits.revoke(eventId, tokenId), () =>
      revokeEventToken(this.dataDir, eventId, tokenId),
    );
  }

  /** One change: in PostgreSQL (then taken at once, other nodes hear of it), or in the workspace file. */
  private async change(edit: TokenEdit<TokenRecord>, inFile: () => TokenRecord): Promise<TokenRecord> {
    this.throwIfBroken();
    if (this.pg) {
      const { result, tokens } = await this.pg.change(edit);
      this.apply(tokens);
      return result;
    }
    const record = inFile();
    this.refresh();
    return record;
  }

  private throwIfBroken(): void {
    this.refresh();
    if (this.problem !== null) {
      throw this.problem;
    }
  }

  /** Stops watching the folder (or listening to PostgreSQL, whose connections it closes). */
  async close(): Promise<void> {
    this.watcher?.close();
    await this.pg?.close();
  }
}
