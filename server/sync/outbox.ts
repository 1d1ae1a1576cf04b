import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessMessage, encodeUpdateMessage } from './messages.js';
import { send } from './socketSend.js';

/** Rooms up to this many editors get their updates at the end of the current I/O turn (no wait). */
const SMALL_ROOM = 16;
/** Larger rooms wait this long per 25 editors for more updates to merge... */
const MS_PER_25_EDITORS = 1;
/** ...but never longer than this (a few ms: typing still feels live). */
const MAX_EDITOR_WINDOW_MS = 10;
/** Read-only connections (viewers, the projector) get what happened once per frame. */
const VIEWER_WINDOW_MS = 16;

/** What the outbox needs of its document: who is connected, who only reads, the presence. */
export interface OutboxDoc {
  /** Every connection with the awareness client ids it controls. */
  readonly connections: ReadonlyMap<WebSocket, ReadonlySet<number>>;
  /** The read-only connections among them. */
  readonly viewers: ReadonlySet<WebSocket>;
  readonly awareness: awarenessProtocol.Awareness;
}

/** What waits to go out to one group of connections. */
class Lane {
  updates: Uint8Array[] = [];
  /** Where the waiting updates came from (a connection, or the core for HTTP changes). */
  origins = new Set<unknown>();
  /** Presence client ids that changed (their current state is sent). */
  awareness = new Set<number>();
  timer: NodeJS.Timeout | NodeJS.Immediate | undefined;

  get empty(): boolean {
    return this.updates.length === 0 && this.awareness.size === 0;
  }

  clear(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.timer = undefined;
    this.updates = [];
    this.origins.clear();
    this.awareness.clear();
  }
}

/**
 * Batches what a document sends to its connections: document updates and presence changes wait a
 * moment and go out as ONE merged update (`Y.mergeUpdates`) and one presence message per
 * connection, so an insert in a room of 250 is not 250 sends of its own. Editors get theirs after
 * the current I/O turn in small rooms and within a few milliseconds in large ones; read-only
 * connections once per frame ({@link VIEWER_WINDOW_MS}). Order within a document is kept (updates
 * merge in the order they were applied; Yjs converges on any order anyway), and every update
 * still reaches the log before it is queued here (see SharedDoc).
 *
 * A connection gets the merged update even if part of it is its own (Yjs ignores what it has),
 * but not when all of it is its own; the same for presence.
 */
export class Outbox {
  private readonly editors = new Lane();
  private readonly readers = new Lane();

  constructor(private readonly doc: OutboxDoc) {}

  /** Queues a document update that was applied (and logged), with the origin of its transaction. */
  update(update: Uint8Array, origin: unknown): void {
    this.editors.updates.push(update);
    this.editors.origins.add(origin);
    this.schedule(this.editors, this.editorWindowMs());
    if (this.doc.viewers.size > 0) {
      this.readers.updates.push(update);
      this.readers.origins.add(origin);
      this.schedule(this.readers, VIEWER_WINDOW_MS);
    }
  }

  /** Queues presence changes of these client ids (editors' presence; viewers' never reaches here). */
  awareness(clientIds: readonly number[]): void {
    for (const id of clientIds) {
      this.editors.awareness.add(id);
    }
    this.schedule(this.editors, this.editorWindowMs());
    if (this.doc.viewers.size > 0) {
      for (const id of clientIds) {
        this.readers.awareness.add(id);
      }
      this.schedule(this.readers, VIEWER_WINDOW_MS);
    }
  }

  /** Sends everything waiting now. */
  flush(): void {
    this.flushLane(this.editors, false);
    this.flushLane(this.readers, true);
  }

  /** Drops everything waiting (the document failed or closes). */
  clear(): void {
    this.editors.clear();
    this.readers.clear();
  }

  private editorWindowMs(): number {
    const editors = this.doc.connections.size - this.doc.viewers.size;
    return editors <= SMALL_ROOM ? 0 : Math.min(MAX_EDITOR_WINDOW_MS, (editors / 25) * MS_PER_25_EDITORS);
  }

  private schedule(lane: Lane, windowMs: number): void {
    if (lane.timer !== undefined) {
      return;
    }
    const readOnly = lane === this.readers;
    const run = (): void => {
      lane.timer = undefined;
      this.flushLane(lane, readOnly);
    };
    lane.timer = windowMs <= 0 ? setImmediate(run) : setTimeout(run, windowMs);
  }

  private flushLane(lane: Lane, readOnly: boolean): void {
    if (lane.empty) {
      lane.clear();
      return;
    }
    const { updates, origins } = lane;
    const changed = [...lane.awareness].filter((id) => this.doc.awareness.meta.has(id));
    lane.clear();
    const [only] = updates;
    const updateMessage =
      only === undefined
        ? undefined
        : encodeUpdateMessage(updates.length === 1 ? only : Y.mergeUpdates(updates));
    const awarenessMessage =
      changed.length === 0
        ? undefined
        : encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.doc.awareness, changed));
    for (const [conn, controlled] of this.doc.connections) {
      if (this.doc.viewers.has(conn) !== readOnly) {
        continue;
      }
      if (updateMessage && !(origins.size === 1 && origins.has(conn))) {
        send(conn, updateMessage);
      }
      if (awarenessMessage && !changed.every((id) => controlled.has(id))) {
        send(conn, awarenessMessage);
      }
    }
  }
}
