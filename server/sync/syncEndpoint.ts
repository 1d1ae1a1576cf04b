import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DocName } from '../../shared/docs/docName.js';
import type { CoreLogger } from '../core/coreTypes.js';
import { DocUnavailableError } from '../storage/docStore.js';
import type { DocRegistry } from './docRegistry.js';
import {
  encodeAwarenessMessage,
  encodeSyncStep1,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  MESSAGE_AUTH,
} from './messages.js';
import { send, type SharedDoc } from './sharedDoc.js';

/** Largest message a client may send; a sketchnote's first sync stays well below. */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
const PING_INTERVAL_MS = 30_000;
/** A client that keeps sending messages we cannot read is disconnected after this many. */
const MAX_MALFORMED_MESSAGES = 20;

/** WebSocket close code for a document whose store file is damaged. */
export const CLOSE_DOC_UNAVAILABLE = 4500;

/**
 * The y-websocket endpoint: speaks the y-websocket wire protocol (sync + awareness) over `ws`.
 * Authentication happens before the upgrade (see startCore); this only serves documents.
 */
export class SyncEndpoint {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly pingTimer: NodeJS.Timeout;
  private readonly alive = new WeakSet<WebSocket>();

  constructor(
    private readonly registry: DocRegistry,
    private readonly logger: CoreLogger,
  ) {
    this.pingTimer = setInterval(() => this.pingAll(), PING_INTERVAL_MS).unref();
  }

  /**
   * Completes an authenticated upgrade and serves `docName` on the socket. A `readOnly` connection
   * gets the document and its updates but cannot change it: its sync step 2 and update messages are
   * dropped before they reach the document (awareness, i.e. presence, still works).
   */
  handleUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    docName: DocName,
    options: { readOnly?: boolean } = {},
  ): void {
    this.wss.handleUpgrade(req, socket, head, (conn) => this.serve(conn, docName, options.readOnly === true));
  }

  private serve(conn: WebSocket, docName: DocName, readOnly: boolean): void {
    conn.binaryType = 'arraybuffer';
    let shared: SharedDoc;
    try {
      shared = this.registry.acquire(docName);
    } catch (error) {
      const reason =
        error instanceof DocUnavailableError ? error.message : `Document "${docName}" cannot be opened.`;
      this.logger.error(error instanceof Error ? error.message : String(error));
      // Close reasons are limited to 123 bytes.
      conn.close(CLOSE_DOC_UNAVAILABLE, Buffer.from(reason).subarray(0, 123).toString());
      return;
    }
    shared.connections.set(conn, new Set());
    this.alive.add(conn);
    let malformed = 0;

    conn.on('pong', () => this.alive.add(conn));
    conn.on('message', (data: ArrayBuffer | Buffer | Buffer[]) => {
      try {
        this.onMessage(conn, shared, toUint8Array(data), readOnly);
      } catch (error) {
        malformed += 1;
        this.logger.warn(
          `Ignored a malformed message on "${docName}" (${error instanceof Error ? error.message : String(error)}).`,
        );
        if (malformed >= MAX_MALFORMED_MESSAGES) {
          conn.close(1007, 'Too many malformed messages');
        }
      }
    });
    conn.on('error', (error) => this.logger.warn(`WebSocket error on "${docName}": ${error.message}`));
    conn.on('close', () => {
      const controlled = shared.connections.get(conn);
      shared.connections.delete(conn);
      if (controlled && controlled.size > 0) {
        awarenessProtocol.removeAwarenessStates(shared.awareness, [...controlled], null);
      }
      this.registry.release(docName);
    });

    send(conn, encodeSyncStep1(shared.doc));
    const states = shared.awareness.getStates();
    if (states.size > 0) {
      send(
        conn,
        encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(shared.awareness, [...states.keys()])),
      );
    }
  }

  private onMessage(conn: WebSocket, shared: SharedDoc, message: Uint8Array, readOnly: boolean): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        if (readOnly) {
          // Answer the client's state vector with what it lacks; ignore anything it sends to change the doc.
          if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1) {
            syncProtocol.readSyncStep1(decoder, encoder, shared.doc);
          }
        } else {
          syncProtocol.readSyncMessage(decoder, encoder, shared.doc, conn);
        }
        if (encoding.length(encoder) > 1) {
          send(conn, encoding.toUint8Array(encoder));
        }
        break;
      }
      case MESSAGE_AWARENESS:
        awarenessProtocol.applyAwarenessUpdate(shared.awareness, decoding.readVarUint8Array(decoder), conn);
        break;
      case MESSAGE_QUERY_AWARENESS:
        send(
          conn,
          encodeAwarenessMessage(
            awarenessProtocol.encodeAwarenessUpdate(shared.awareness, [
              ...shared.awareness.getStates().keys(),
            ]),
          ),
        );
        break;
      case MESSAGE_AUTH:
        // Authentication happens in the HTTP upgrade; in-band auth messages are not used.
        break;
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private pingAll(): void {
    for (const conn of this.wss.clients) {
      if (!this.alive.has(conn)) {
        conn.terminate();
        continue;
      }
      this.alive.delete(conn);
      conn.ping();
    }
  }

  /** Closes every connection. */
  close(): void {
    clearInterval(this.pingTimer);
    for (const conn of this.wss.clients) {
      conn.close(1001, 'Server shutting down');
    }
    this.wss.close();
  }
}

function toUint8Array(data: ArrayBuffer | Buffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) {
    return new Uint8Array(Buffer.concat(data));
  }
  return data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
