import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import type { DocName } from '../../shared/docs/docName.js';
import type { CoreLogger } from '../core/coreTypes.js';
import { DocUnavailableError } from '../storage/docStore.js';
import type { DocRegistry } from './docRegistry.js';
import {
  encodeAwarenessMessage,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  MESSAGE_AUTH,
} from './messages.js';
import {
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  MAX_CLIENT_IDS_PER_CONNECTION,
  readOnlyStateProblem,
  type AwarenessEntry,
} from './presence.js';
import type { SharedDoc } from './sharedDoc.js';
import { send } from './socketSend.js';
import { DEFAULT_SYNC_LIMITS, RateBucket, type SyncLimits } from './syncLimits.js';

/** A message or document would pass a size limit (closes the connection, not counted as malformed). */
class LimitExceeded extends Error {}

const PING_INTERVAL_MS = 30_000;
/** A client that keeps sending messages we cannot read is disconnected after this many. */
const MAX_MALFORMED_MESSAGES = 20;

/** WebSocket close code for a document whose store file is damaged. */
const CLOSE_DOC_UNAVAILABLE = 4500;
/** Close code: the connection sent messages faster than its limit. */
const CLOSE_RATE_LIMIT = 4429;
/** Close code: a message or the document would pass a size limit. */
const CLOSE_TOO_LARGE = 4413;
/** Close code: too many messages that are not the y-websocket protocol. */
const CLOSE_MALFORMED = 4400;
/** Close code: the join link the connection was opened with was revoked. */
export const CLOSE_LINK_REVOKED = 4403;
/** Close reason sent with {@link CLOSE_LINK_REVOKED}. */
const LINK_REVOKED_REASON = 'Link widerrufen / join link revoked';

/** A WebSocket close reason is at most 123 bytes. */
function closeReason(text: string): string {
  return Buffer.from(text).subarray(0, 123).toString();
}

/** What the endpoint keeps per connection. */
interface Connection {
  readOnly: boolean;
  address: string;
  messages: RateBucket;
  awareness: RateBucket;
  malformed: number;
  /** Client ids this connection tried to publish that belong to another connection (logged once each). */
  refusedIds: Set<number>;
  droppedAwareness: number;
  /** Changes a read-only connection sent (dropped, never applied; logged on the first and at close). */
  droppedUpdates: number;
}

/**
 * The y-websocket endpoint: speaks the y-websocket wire protocol (sync + awareness) over `ws`.
 * Authentication happens before the upgrade (see startCore); this serves documents within the
 * limits of {@link SyncLimits}: connection counts (refused at the upgrade with 503), message size,
 * message rate, document size and presence size and rate (the connection is closed with a 44xx code
 * and a reason naming the limit); presence entries are owned by the connection that first claimed
 * their client id (server/sync/presence.ts).
 */
export class SyncEndpoint {
  private readonly wss: WebSocketServer;
  private readonly pingTimer: NodeJS.Timeout;
  private readonly alive = new WeakSet<WebSocket>();
  private readonly perAddress = new Map<string, number>();
  private total = 0;
  /** Per document: which connection owns which awareness client id. */
  private readonly owners = new WeakMap<SharedDoc, Map<number, WebSocket>>();
  /** Per document: an upper estimate of its encoded size (state at load plus every update since). */
  private readonly sizes = new WeakMap<SharedDoc, number>();
  private malformedLogged = 0;
  private malformedLogWindow = 0;
  /** The live connections opened with each join link, so revoking it can close them. */
  private readonly byToken = new Map<string, Set<WebSocket>>();

  constructor(
    private readonly registry: DocRegistry,
    private readonly logger: CoreLogger,
    readonly limits: SyncLimits = DEFAULT_SYNC_LIMITS,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
    this.pingTimer = setInterval(() => this.pingAll(), PING_INTERVAL_MS).unref();
  }

  /**
   * Completes an authenticated upgrade and serves `docName` on the socket. A `readOnly` connection
   * gets the document and its updates but cannot change it: its sync step 2 and update messages are
   * dropped before they reach the document, and its presence is checked but shared with no one.
   * Refuses the upgrade with 503 when the connection limits (total, per address) are reached.
   * `tokenId` names the join link it was opened with (see {@link closeToken}).
   */
  handleUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    docName: DocName,
    options: { readOnly?: boolean; tokenId?: string } = {},
  ): void {
    const address = req.socket.remoteAddress ?? 'unknown';
    const fromAddress = this.perAddress.get(address) ?? 0;
    const refusal =
      this.total >= this.limits.maxConnections
        ? `the core serves its maximum of ${this.limits.maxConnections} connections`
        : fromAddress >= this.limits.maxConnectionsPerAddress
          ? `${this.limits.maxConnectionsPerAddress} connections from one address is the limit`
          : null;
    if (refusal !== null) {
      this.logger.warn(`Refused a connection to "${docName}" from ${address}: ${refusal}.`);
      const body = `Too many connections: ${refusal}.`;
      socket.end(
        `HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 10\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    this.total += 1;
    this.perAddress.set(address, fromAddress + 1);
    let counted = true;
    const uncount = (): void => {
      if (!counted) {
        return;
      }
      counted = false;
      this.total -= 1;
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left <= 0) {
        this.perAddress.delete(address);
      } else {
        this.perAddress.set(address, left);
      }
    };
    socket.once('close', uncount);
    this.wss.handleUpgrade(req, socket, head, (conn) => {
      conn.once('close', uncount);
      if (options.tokenId !== undefined) {
        this.track(options.tokenId, conn);
      }
      this.serve(conn, docName, { readOnly: options.readOnly === true, address });
    });
  }

  private serve(conn: WebSocket, docName: DocName, options: { readOnly: boolean; address: string }): void {
    conn.binaryType = 'arraybuffer';
    let shared: SharedDoc;
    try {
      shared = this.registry.acquire(docName);
    } catch (error) {
      const reason =
        error instanceof DocUnavailableError ? error.message : `Document "${docName}" cannot be opened.`;
      this.logger.error(error instanceof Error ? error.message : String(error));
      conn.close(CLOSE_DOC_UNAVAILABLE, closeReason(reason));
      return;
    }
    shared.connections.set(conn, new Set());
    if (options.readOnly) {
      shared.viewers.add(conn);
    }
    this.alive.add(conn);
    const state: Connection = {
      readOnly: options.readOnly,
      address: options.address,
      messages: new RateBucket(this.limits.messagesPerSecond),
      awareness: new RateBucket(this.limits.awarenessPerSecond),
      malformed: 0,
      refusedIds: new Set(),
      droppedAwareness: 0,
      droppedUpdates: 0,
    };

    conn.on('pong', () => this.alive.add(conn));
    conn.on('message', (data: ArrayBuffer | Buffer | Buffer[]) => {
      if (conn.readyState !== conn.OPEN) {
        return;
      }
      // y-websocket clients echo every presence change they receive back to the core, so in a full
      // room presence messages far outnumber edits; they cost a tenth (their own limit is below).
      const bytes = toUint8Array(data);
      if (!state.messages.take(bytes[0] === MESSAGE_AWARENESS ? 0.1 : 1)) {
        this.logger.warn(
          `Closed a connection to "${docName}" from ${state.address}: over ${this.limits.messagesPerSecond} messages per second.`,
        );
        conn.close(
          CLOSE_RATE_LIMIT,
          closeReason(`Rate limit: over ${this.limits.messagesPerSecond} messages per second`),
        );
        return;
      }
      try {
        this.onMessage(conn, shared, bytes, state);
      } catch (error) {
        if (error instanceof LimitExceeded) {
          this.logger.warn(`Closed a connection to "${docName}" from ${state.address}: ${error.message}.`);
          conn.close(CLOSE_TOO_LARGE, closeReason(error.message));
          return;
        }
        state.malformed += 1;
        this.logMalformed(docName, error);
        if (state.malformed >= MAX_MALFORMED_MESSAGES) {
          conn.close(CLOSE_MALFORMED, closeReason(`Too many malformed messages (${MAX_MALFORMED_MESSAGES})`));
        }
      }
    });
    conn.on('error', (error) => this.logger.warn(`WebSocket error on "${docName}": ${error.message}`));
    conn.on('close', () => {
      if (state.droppedUpdates > 1) {
        this.logger.warn(
          `Dropped ${state.droppedUpdates} changes in all from a read-only connection to "${docName}" (${state.address}).`,
        );
      }
      const controlled = shared.connections.get(conn);
      shared.connections.delete(conn);
      shared.viewers.delete(conn);
      const owners = this.owners.get(shared);
      if (controlled && controlled.size > 0) {
        for (const id of controlled) {
          if (owners?.get(id) === conn) {
            owners.delete(id);
          }
        }
        awarenessProtocol.removeAwarenessStates(shared.awareness, [...controlled], null);
      }
      if (owners) {
        for (const [id, owner] of owners) {
          if (owner === conn) {
            owners.delete(id);
          }
        }
      }
      this.registry.release(docName);
    });

    send(conn, shared.joins.syncStep1());
    const states = shared.awareness.getStates();
    if (states.size > 0) {
      send(
        conn,
        encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(shared.awareness, [...states.keys()])),
      );
    }
  }

  /** One log line per malformed message, without a stack, and at most 20 lines a minute. */
  private logMalformed(docName: DocName, error: unknown): void {
    const now = Date.now();
    if (now - this.malformedLogWindow > 60_000) {
      if (this.malformedLogged > 20) {
        this.logger.warn(`... and ${this.malformedLogged - 20} more malformed messages in the last minute.`);
      }
      this.malformedLogWindow = now;
      this.malformedLogged = 0;
    }
    this.malformedLogged += 1;
    if (this.malformedLogged <= 20) {
      this.logger.warn(
        `Ignored a malformed message on "${docName}" (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }

  private onMessage(conn: WebSocket, shared: SharedDoc, message: Uint8Array, state: Connection): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        this.onSyncMessage(conn, shared, decoder, state);
        break;
      }
      case MESSAGE_AWARENESS:
        this.onAwareness(conn, shared, decoding.readVarUint8Array(decoder), state);
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

  /**
   * Sync step 1 is answered; step 2 and updates are checked (decodable, within the document size)
   * and applied with this connection as origin, so a malformed one throws here and counts, instead
   * of being logged and swallowed inside y-protocols.
   */
  private onSyncMessage(
    conn: WebSocket,
    shared: SharedDoc,
    decoder: decoding.Decoder,
    state: Connection,
  ): void {
    const kind = decoding.readVarUint(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) {
      // Many joiners at once share one encoding of the document (server/sync/joinCache.ts).
      for (const message of shared.joins.syncStep2(decoding.readVarUint8Array(decoder))) {
        send(conn, message);
      }
      return;
    }
    if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) {
      throw new Error(`unknown sync message type ${kind}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    if (state.readOnly) {
      // A read-only link cannot change the document; its edits reach neither others nor disk. An
      // empty update (what every client answers to sync step 1 with nothing of its own) is no change.
      if (update.length > 2 && ++state.droppedUpdates === 1) {
        this.logger.warn(
          `Dropped a change from a read-only connection to "${shared.name}" (${state.address}); read-only links cannot change documents.`,
        );
      }
      return;
    }
    // Throws on bytes that are not a Yjs update, before anything is applied.
    Y.decodeUpdate(update);
    this.checkDocumentSize(shared, update.length);
    Y.applyUpdate(shared.doc, update, conn);
    this.sizes.set(shared, (this.sizes.get(shared) ?? 0) + update.length);
  }

  /** Refuses an update that would grow the document past its limit (measured exactly only near it). */
  private checkDocumentSize(shared: SharedDoc, adding: number): void {
    const limit = this.limits.maxDocumentBytes;
    let estimate = this.sizes.get(shared);
    if (estimate === undefined || estimate + adding > limit) {
      estimate = Y.encodeStateAsUpdate(shared.doc).length;
      this.sizes.set(shared, estimate);
    }
    if (estimate + adding > limit) {
      throw new LimitExceeded(`Document size limit: ${shared.name} would pass ${limit} bytes`);
    }
  }

  private onAwareness(conn: WebSocket, shared: SharedDoc, update: Uint8Array, state: Connection): void {
    if (update.length > this.limits.maxAwarenessBytes) {
      throw new LimitExceeded(
        `Presence limit: a presence message over ${this.limits.maxAwarenessBytes} bytes`,
      );
    }
    // Echoes (states the core already has, at the same or an older clock) are dropped at once and
    // cost nothing; y-websocket clients send every change they receive back.
    const entries = decodeAwarenessUpdate(update).filter((entry) => {
      const known = shared.awareness.meta.get(entry.clientId);
      return known === undefined || entry.clock > known.clock;
    });
    if (entries.length === 0) {
      return;
    }
    if (!state.awareness.take()) {
      // Presence is best effort: too-frequent updates are dropped, the next one carries the state.
      state.droppedAwareness += 1;
      return;
    }
    if (state.readOnly) {
      // Checked (a bad one counts as malformed) but shared with no one: hundreds of read-along
      // peers would otherwise cost every editor a message each, and editors need not see them.
      for (const entry of entries) {
        const problem = readOnlyStateProblem(entry.state);
        if (problem !== null) {
          throw new Error(problem);
        }
      }
      return;
    }
    let owners = this.owners.get(shared);
    if (owners === undefined) {
      owners = new Map();
      this.owners.set(shared, owners);
    }
    const mine = [...owners].filter(([, owner]) => owner === conn).length;
    const kept: AwarenessEntry[] = [];
    let claimed = mine;
    for (const entry of entries) {
      const owner = owners.get(entry.clientId);
      if (owner !== undefined && owner !== conn) {
        // Logged once per connection: a forging client would otherwise fill the log.
        if (state.refusedIds.size === 0) {
          state.refusedIds.add(entry.clientId);
          this.logger.warn(
            `Dropped presence for client ${entry.clientId} on "${shared.name}" from ${state.address}: that client id belongs to another connection.`,
          );
        }
        continue;
      }
      if (owner === undefined) {
        if (claimed >= MAX_CLIENT_IDS_PER_CONNECTION) {
          continue;
        }
        owners.set(entry.clientId, conn);
        claimed += 1;
      }
      kept.push(entry);
    }
    if (kept.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(shared.awareness, encodeAwarenessUpdate(kept), conn);
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

  private track(tokenId: string, conn: WebSocket): void {
    let conns = this.byToken.get(tokenId);
    if (!conns) {
      conns = new Set();
      this.byToken.set(tokenId, conns);
    }
    conns.add(conn);
    conn.once('close', () => {
      conns.delete(conn);
      if (conns.size === 0 && this.byToken.get(tokenId) === conns) {
        this.byToken.delete(tokenId);
      }
    });
  }

  /** Closes at once every live connection opened with these join links (they were revoked); returns how many. */
  closeToken(tokenIds: readonly string[]): number {
    let closed = 0;
    for (const tokenId of tokenIds) {
      const conns = this.byToken.get(tokenId);
      this.byToken.delete(tokenId);
      for (const conn of conns ?? []) {
        conn.close(CLOSE_LINK_REVOKED, LINK_REVOKED_REASON);
        // A peer that does not answer the close handshake is cut off, not waited for.
        setTimeout(() => conn.terminate(), 1000).unref();
        closed += 1;
      }
    }
    return closed;
  }

  /** Open connections (counted from the upgrade on). */
  get connectionCount(): number {
    return this.total;
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
