import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocName } from '../../shared/docs/docName.js';
import type { UpdateLogWriter } from '../storage/updateLog.js';
import { encodeAwarenessMessage, encodeUpdateMessage } from './messages.js';

/** Compact a log once it holds this many records since the last compaction... */
const COMPACT_AFTER_RECORDS = 2000;
/** ...or this many bytes. */
const COMPACT_AFTER_BYTES = 8 * 1024 * 1024;

/**
 * One document in memory: its Y.Doc, its awareness (carets, names) and its connections.
 * Every update is appended to the log BEFORE it is broadcast, so nothing another client has seen
 * can be lost by a crash.
 */
export class SharedDoc {
  readonly awareness: awarenessProtocol.Awareness;
  /** Each connection with the awareness client ids it controls. */
  readonly connections = new Map<WebSocket, Set<number>>();

  constructor(
    readonly name: DocName,
    readonly doc: Y.Doc,
    private readonly log: UpdateLogWriter,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.log.append(update);
    if (
      this.log.recordsSinceCompaction >= COMPACT_AFTER_RECORDS ||
      this.log.bytesSinceCompaction >= COMPACT_AFTER_BYTES
    ) {
      this.compact();
    }
    const message = encodeUpdateMessage(update);
    for (const conn of this.connections.keys()) {
      if (conn !== origin) {
        send(conn, message);
      }
    }
  };

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const controlled = origin instanceof Object ? this.connections.get(origin as WebSocket) : undefined;
    if (controlled) {
      for (const id of changes.added) {
        controlled.add(id);
      }
      for (const id of changes.removed) {
        controlled.delete(id);
      }
    }
    const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const conn of this.connections.keys()) {
      send(conn, message);
    }
  };

  /** Rewrites the log as one merged update. */
  compact(): void {
    this.log.rewrite([Y.encodeStateAsUpdate(this.doc)]);
  }

  /** Flushes written updates to stable storage. */
  flush(): void {
    this.log.sync();
  }

  /** Compacts, closes the log and frees the document. */
  close(): void {
    this.doc.off('update', this.onUpdate);
    this.compact();
    this.log.close();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Sends a message if the socket is open; a failing socket is closed, never thrown through. */
export function send(conn: WebSocket, message: Uint8Array): void {
  if (conn.readyState !== conn.OPEN) {
    return;
  }
  conn.send(message, (error) => {
    if (error) {
      conn.terminate();
    }
  });
}
