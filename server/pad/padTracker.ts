import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RevisionSource } from '../../shared/api/padContract.js';
import type { RevisionLog } from './revisionLog.js';

/**
 * Transaction origin of changes the core makes to a pad on purpose (template, restore, import):
 * they record their own revision, so the tracker does not count them as typing.
 */
export const PAD_OPERATION_ORIGIN = Symbol('mitschrift:pad-operation');

/** How often a changing pad gets a revision at most. */
const REVISION_INTERVAL_MS = 3_000;

/** What the tracker may know about live connections (the core's SharedDoc; absent in the CLI). */
export interface LiveSource {
  awareness: awarenessProtocol.Awareness;
  /** Each connection (a transaction origin) with the awareness client ids it controls. */
  connections: Map<unknown, Set<number>>;
}

/**
 * Turns a pad's stream of edits into revisions: the first change after a revision starts a timer,
 * and when it fires (at most every {@link REVISION_INTERVAL_MS}) the pad's state is recorded with
 * everyone who changed it meanwhile. {@link commitPending} records at once (the last person left,
 * an operation is about to start, the core shuts down).
 *
 * Who changed it: the user ids (awareness `user.id`) of the connection a change came through, and
 * of the Yjs client ids that wrote new content in it (remembered from awareness, so an edit that
 * arrives after its author's awareness state has gone is still attributed).
 */
export class PadTracker {
  private dirty = false;
  private readonly pendingAuthors = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Yjs client id → user id, learnt from awareness. */
  private readonly clientUsers = new Map<number, string>();
  private closed = false;

  constructor(
    readonly doc: Y.Doc,
    readonly log: RevisionLog,
    private readonly options: {
      live?: LiveSource;
      intervalMs?: number;
      now?: () => number;
      onError?: (error: unknown) => void;
    } = {},
  ) {
    doc.on('update', this.onUpdate);
    options.live?.awareness.on('change', this.onAwareness);
    this.onAwareness();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private readonly onAwareness = (): void => {
    const live = this.options.live;
    if (!live) {
      return;
    }
    for (const [clientId, state] of live.awareness.getStates()) {
      const id = userIdOf(state);
      if (id !== undefined) {
        this.clientUsers.set(clientId, id);
      }
    }
  };

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === PAD_OPERATION_ORIGIN || this.closed) {
      return;
    }
    this.dirty = true;
    const live = this.options.live;
    const controlled = live?.connections.get(origin);
    if (live && controlled) {
      for (const clientId of controlled) {
        const id = userIdOf(live.awareness.getStates().get(clientId)) ?? this.clientUsers.get(clientId);
        if (id !== undefined) {
          this.pendingAuthors.add(id);
        }
      }
    }
    try {
      for (const clientId of Y.parseUpdateMeta(update).to.keys()) {
        const id = this.clientUsers.get(clientId);
        if (id !== undefined) {
          this.pendingAuthors.add(id);
        }
      }
    } catch {
      // Attribution is best effort; the update itself is already applied and stored.
    }
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.commitPending();
      }, this.options.intervalMs ?? REVISION_INTERVAL_MS);
      this.timer.unref?.();
    }
  };

  /** Whether there are edits not yet in a revision. */
  get hasPending(): boolean {
    return this.dirty;
  }

  /** Who made the edits not yet in a revision (user ids). */
  get pendingAuthorIds(): string[] {
    return [...this.pendingAuthors];
  }

  /** Records pending edits as a revision now, if there are any; returns the newest revision. */
  commitPending(): number | undefined {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.dirty && !this.closed) {
      try {
        this.record('edit', [...this.pendingAuthors]);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
    return this.head();
  }

  /** Records the current state as a revision of the given kind (after an operation). */
  record(
    source: RevisionSource,
    authors: readonly string[],
    extra: { fromRev?: number; time?: number } = {},
  ): number {
    const rev = this.log.addRevision(this.doc, {
      time: extra.time ?? this.now(),
      authors,
      source,
      ...(extra.fromRev === undefined ? {} : { fromRev: extra.fromRev }),
    });
    this.dirty = false;
    this.pendingAuthors.clear();
    return rev;
  }

  /** The newest revision, or undefined before the first. */
  head(): number | undefined {
    const n = this.log.revisions.length;
    return n === 0 ? undefined : n - 1;
  }

  /** Stops listening, records what is pending and closes the revision file. */
  close(): void {
    if (this.closed) {
      return;
    }
    this.commitPending();
    this.closed = true;
    this.doc.off('update', this.onUpdate);
    this.options.live?.awareness.off('change', this.onAwareness);
    this.log.close();
  }
}

function userIdOf(state: unknown): string | undefined {
  const user = (state as { user?: { id?: unknown } } | null | undefined)?.user;
  return typeof user?.id === 'string' && user.id !== '' ? user.id.slice(0, 64) : undefined;
}
