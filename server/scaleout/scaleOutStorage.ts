import * as Y from 'yjs';
import type { StoreProblem } from '../../shared/api/contract.js';
import type { DocName } from '../../shared/docs/docName.js';
import type { CoreLogger } from '../core/coreTypes.js';
import { newToken } from '../storage/accessToken.js';
import type { DocJournal, DocPeers, DocStorage, PeerTarget, StoredDoc } from '../storage/docStorage.js';
import { describeError } from '../storage/updateLog.js';
import { PgDocs } from './pgDocs.js';
import { RedisFanout } from './redisFanout.js';

/** Where a scale-out node keeps its documents and meets the other nodes. */
export interface ScaleOutOptions {
  /** `postgres://user:pass@host:port/db` */
  postgres: string;
  /** `redis://host:port` */
  redis: string;
  logger: CoreLogger;
}

/** Wait before reading a document again when a gap was reported during a read. */
const CATCH_UP_AGAIN_MS = 200;
/** ...doubling while the gap stays, up to this. */
const CATCH_UP_MAX_MS = 10_000;

/** Merges stored rows into one update (empty list: nothing). */
function merged(rows: readonly Uint8Array[]): Uint8Array | undefined {
  if (rows.length === 0) {
    return undefined;
  }
  return rows.length === 1 ? rows[0] : Y.mergeUpdates(rows as Uint8Array[]);
}

/**
 * Storage for several `serve` processes behind a load balancer: documents in PostgreSQL
 * ({@link PgDocs}: append-only rows, committed before anyone sees the update, compacted into a
 * snapshot), updates and presence between nodes through Redis ({@link RedisFanout}). Every node
 * keeps the documents its clients use in memory, like a single core; the tokens live in
 * PostgreSQL too, so every node accepts the same links.
 */
export class ScaleOutStorage implements DocStorage {
  /** Documents read by prepare() and not yet opened, with their channel (already subscribed). */
  private readonly prepared = new Map<DocName, { rows: Uint8Array[]; peers: DocPeers }>();
  /** Documents known to be stored. */
  private readonly present = new Set<DocName>();
  /** Loaded documents, for catching up after Redis was away. */
  private readonly loaded = new Map<DocName, PeerTarget>();
  private readonly writeFailures = new Map<DocName, StoreProblem>();
  private readonly compactions = new Set<Promise<void>>();
  /** Documents being read again: true when another read was asked for meanwhile. */
  private readonly catchingUp = new Map<DocName, boolean>();
  private readonly catchUpTries = new Map<DocName, number>();

  private constructor(
    private readonly pg: PgDocs,
    private readonly fanout: RedisFanout,
    private readonly logger: CoreLogger,
  ) {
    fanout.onResubscribed = (docs) => {
      for (const doc of docs) {
        const target = this.loaded.get(doc);
        if (target) {
          this.catchUp(doc, target);
        }
      }
    };
  }

  /** Connects to PostgreSQL (creating the tables) and Redis; rejects naming what cannot be reached. */
  static async connect(options: ScaleOutOptions): Promise<ScaleOutStorage> {
    const pg = await PgDocs.connect(options.postgres, options.logger);
    let fanout: RedisFanout;
    try {
      fanout = await RedisFanout.connect(options.redis, options.logger);
    } catch (error) {
      await pg.close();
      throw error;
    }
    return new ScaleOutStorage(pg, fanout, options.logger);
  }

  /** The workspace's tokens, shared by every node (made by the first node that starts). */
  async tokens(): Promise<{ edit: string; view: string }> {
    return {
      edit: await this.pg.setting('access-token', newToken),
      view: await this.pg.setting('view-token', newToken),
    };
  }

  async prepare(name: DocName): Promise<boolean> {
    const { peers, subscribed } = this.fanout.join(name);
    let rows: Uint8Array[];
    try {
      // Subscribed first, then read: whatever is committed after the read arrives on the channel.
      await subscribed;
      rows = await this.pg.load(name);
    } catch (error) {
      peers.close();
      throw error;
    }
    if (rows.length === 0) {
      peers.close();
      return false;
    }
    this.present.add(name);
    this.prepared.get(name)?.peers.close();
    this.prepared.set(name, { rows, peers });
    return true;
  }

  open(name: DocName, options: { gc: boolean }): StoredDoc {
    const doc = new Y.Doc({ gc: options.gc });
    const ready = this.prepared.get(name);
    this.prepared.delete(name);
    let joined: DocPeers;
    if (ready) {
      const state = merged(ready.rows);
      if (state) {
        Y.applyUpdate(doc, state);
      }
      joined = ready.peers;
    } else {
      // Not prepared (a new document): anything stored meanwhile arrives as a remote update.
      const fresh = this.fanout.join(name);
      joined = fresh.peers;
      void fresh.subscribed.then(() => {
        const target = this.loaded.get(name);
        if (target) {
          this.catchUp(name, target);
        }
      });
    }
    const peers: DocPeers = {
      publishUpdate: (update) => joined.publishUpdate(update),
      publishAwareness: (update) => joined.publishAwareness(update),
      attach: (target) => {
        this.loaded.set(name, target);
        joined.attach(target);
      },
      gap: () => {
        const target = this.loaded.get(name);
        if (target) {
          this.catchUp(name, target);
        }
      },
      close: () => {
        this.loaded.delete(name);
        joined.close();
      },
    };
    return { doc, log: new PgJournal(name, options.gc, this), peers };
  }

  /**
   * Reads a loaded document's rows again and applies them (idempotent): heals missed messages. At
   * most one read per document at a time; a request meanwhile reads once more afterwards (the
   * missing update may have been committed after the running read began).
   */
  private catchUp(name: DocName, target: PeerTarget): void {
    const state = this.catchingUp.get(name);
    if (state !== undefined) {
      this.catchingUp.set(name, true);
      return;
    }
    this.catchingUp.set(name, false);
    this.pg
      .load(name)
      .then(
        (rows) => {
          const state = merged(rows);
          if (state && this.loaded.get(name) === target) {
            this.present.add(name);
            target.applyRemoteUpdate(state);
          }
        },
        (error: unknown) =>
          this.logger.warn(`Reading "${name}" from PostgreSQL to catch up failed: ${describeError(error)}`),
      )
      .finally(() => {
        const again = this.catchingUp.get(name) === true;
        this.catchingUp.delete(name);
        const tries = again ? (this.catchUpTries.get(name) ?? 0) + 1 : 0;
        if (tries === 0) {
          this.catchUpTries.delete(name);
        } else if (this.loaded.get(name) === target) {
          // Backing off: an update that depends on one nobody committed (yet) stays pending.
          this.catchUpTries.set(name, tries);
          const delay = Math.min(CATCH_UP_AGAIN_MS * 2 ** (tries - 1), CATCH_UP_MAX_MS);
          setTimeout(() => this.catchUp(name, target), delay).unref();
        }
      });
  }

  /** Appends one update (see PgDocs.append). */
  append(name: DocName, update: Uint8Array): Promise<void> {
    this.present.add(name);
    return this.pg.append(name, update);
  }

  /** Merges a document's rows into its snapshot in the background; a failure is logged (nothing is lost). */
  compactLater(name: DocName, gc: boolean): void {
    const running = this.pg
      .compact(name, gc)
      .catch((error: unknown) =>
        this.logger.warn(
          `Compacting "${name}" in PostgreSQL failed (retried later): ${describeError(error)}`,
        ),
      )
      .finally(() => this.compactions.delete(running));
    this.compactions.add(running);
  }

  exists(name: DocName): boolean {
    return this.present.has(name);
  }

  settle(): Promise<void> {
    return this.pg.settle();
  }

  problems(): StoreProblem[] {
    return [...this.writeFailures.values()];
  }

  reportWriteFailure(problem: StoreProblem & { doc: DocName }): void {
    this.writeFailures.set(problem.doc, problem);
  }

  clearWriteFailure(doc: DocName): void {
    this.writeFailures.delete(doc);
  }

  /** Waits for pending writes and compactions, then closes PostgreSQL and Redis. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.compactions]);
    for (const prepared of this.prepared.values()) {
      prepared.peers.close();
    }
    this.prepared.clear();
    await this.pg.close();
    await this.fanout.close();
  }
}

/** One document's journal in PostgreSQL: appends are group-committed rows. */
class PgJournal implements DocJournal {
  readonly file: string;
  onBackgroundError: ((error: unknown) => void) | undefined;
  recordsSinceCompaction = 0;
  bytesSinceCompaction = 0;
  /** Appends so far, and how many of them a stored whole state covers. */
  private appended = 0;
  private storedThrough = 0;

  constructor(
    private readonly name: DocName,
    private readonly gc: boolean,
    private readonly storage: ScaleOutStorage,
  ) {
    this.file = `postgres:${name}`;
  }

  append(update: Uint8Array): Promise<void> {
    this.recordsSinceCompaction += 1;
    this.bytesSinceCompaction += update.byteLength;
    this.appended += 1;
    return this.storage.append(this.name, update);
  }

  /**
   * Stores the whole state as one more row (a compaction after many appends, a recovery, before
   * unloading), then merges the rows into the snapshot in the database. Never replaces rows by the
   * state in memory, which may lack other nodes' newest updates. A document this node did not
   * change writes nothing.
   */
  rewrite(updates: readonly Uint8Array[]): Promise<void> {
    const through = this.appended;
    if (through === this.storedThrough) {
      return Promise.resolve();
    }
    this.recordsSinceCompaction = 0;
    this.bytesSinceCompaction = 0;
    const written = Promise.all(updates.map((update) => this.storage.append(this.name, update))).then(() => {
      this.storedThrough = Math.max(this.storedThrough, through);
      this.storage.compactLater(this.name, this.gc);
    });
    return written;
  }

  /** Appends are durable when their promise settles; nothing more to sync. */
  sync(): void {}

  /** Pending appends complete in PgDocs' queue. */
  close(): void {}
}
