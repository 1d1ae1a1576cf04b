import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { DocName } from '../../shared/docs/docName.js';
import type { CoreLogger } from '../core/coreTypes.js';
import type { DocPeers, PeerTarget } from '../storage/docStorage.js';
import { describeError } from '../storage/updateLog.js';
import { redactUrl } from './pgDocs.js';

/** Message kinds on a document's channel (first byte). */
const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
/** Bytes of the sending node's id after the kind, so a node skips its own messages. */
const NODE_ID_BYTES = 8;
/** Messages that arrive for a document still loading are kept, up to this many. */
const MAX_BUFFERED = 10_000;

/** Channel name of a document. */
function channelFor(doc: DocName): string {
  return `mitschrift:doc:${doc}`;
}

interface Channel {
  doc: DocName;
  users: number;
  target: PeerTarget | undefined;
  buffered: Buffer[];
  subscribed: Promise<void>;
}

/**
 * Fan-out between nodes through Redis pub/sub, one channel per loaded document. Redis holds
 * nothing durable here: every update published was committed to PostgreSQL first, so a node that
 * missed messages (Redis restarted, a connection dropped) catches up from PostgreSQL through
 * `onResubscribed`, and a node that loads a document subscribes before it reads the rows, so
 * nothing committed in between is missed.
 */
export class RedisFanout {
  private readonly channels = new Map<string, Channel>();
  private readonly nodeId = randomBytes(NODE_ID_BYTES);
  private readyOnce = false;
  /** Called after a reconnect with every subscribed document (to read what was missed). */
  onResubscribed: ((docs: DocName[]) => void) | undefined;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly logger: CoreLogger,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.onMessage(channel.toString(), message),
    );
    sub.on('ready', () => {
      if (this.readyOnce) {
        this.logger.info('Redis is back; reading what was missed from PostgreSQL.');
        this.onResubscribed?.([...this.channels.values()].map((c) => c.doc));
      }
      this.readyOnce = true;
    });
  }

  /** Connects a publishing and a subscribing connection; rejects if Redis does not answer. */
  static async connect(url: string, logger: CoreLogger): Promise<RedisFanout> {
    const options = { lazyConnect: true, maxRetriesPerRequest: null, enableAutoPipelining: true };
    const pub = new Redis(url, options);
    const sub = new Redis(url, { ...options, enableAutoPipelining: false });
    let lastError = '';
    for (const client of [pub, sub]) {
      client.on('error', (error: Error) => {
        if (error.message !== lastError) {
          lastError = error.message;
          logger.warn(`Redis: ${error.message}`);
        }
      });
    }
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (error) {
      pub.disconnect();
      sub.disconnect();
      throw new Error(`Redis at ${redactUrl(url)} cannot be reached: ${describeError(error)}`, {
        cause: error,
      });
    }
    const fanout = new RedisFanout(pub, sub, logger);
    fanout.readyOnce = true;
    return fanout;
  }

  /**
   * Joins a document's channel (counted: the loaded document and a pending load may share it).
   * `subscribed` settles when Redis confirmed the subscription.
   */
  join(doc: DocName): { peers: DocPeers; subscribed: Promise<void> } {
    const name = channelFor(doc);
    let channel = this.channels.get(name);
    if (!channel) {
      const subscribed = this.sub.subscribe(name).then(() => undefined);
      channel = { doc, users: 0, target: undefined, buffered: [], subscribed };
      subscribed.catch((error: unknown) =>
        this.logger.warn(`Subscribing to ${name} failed: ${describeError(error)}`),
      );
      this.channels.set(name, channel);
    }
    channel.users += 1;
    const joined = channel;
    let left = false;
    const peers: DocPeers = {
      publishUpdate: (update) => this.publish(name, KIND_UPDATE, update),
      publishAwareness: (update) => this.publish(name, KIND_AWARENESS, update),
      attach: (target) => {
        joined.target = target;
        for (const message of joined.buffered.splice(0)) {
          this.deliver(joined, message);
        }
      },
      gap: () => undefined,
      close: () => {
        if (!left) {
          left = true;
          this.leave(name, joined);
        }
      },
    };
    return { peers, subscribed: channel.subscribed };
  }

  private leave(name: string, channel: Channel): void {
    channel.users -= 1;
    if (channel.users > 0) {
      return;
    }
    this.channels.delete(name);
    this.sub
      .unsubscribe(name)
      .catch((error: unknown) =>
        this.logger.warn(`Unsubscribing from ${name} failed: ${describeError(error)}`),
      );
  }

  private publish(name: string, kind: number, payload: Uint8Array): void {
    const message = Buffer.allocUnsafe(1 + NODE_ID_BYTES + payload.byteLength);
    message[0] = kind;
    this.nodeId.copy(message, 1);
    message.set(payload, 1 + NODE_ID_BYTES);
    // Offline, ioredis queues the command; a failure is logged (the update is in PostgreSQL).
    this.pub
      .publish(name, message)
      .catch((error: unknown) => this.logger.warn(`Publishing to ${name} failed: ${describeError(error)}`));
  }

  private onMessage(name: string, message: Buffer): void {
    const channel = this.channels.get(name);
    if (!channel || message.length < 1 + NODE_ID_BYTES) {
      return;
    }
    if (message.subarray(1, 1 + NODE_ID_BYTES).equals(this.nodeId)) {
      return;
    }
    if (!channel.target) {
      if (channel.buffered.length < MAX_BUFFERED) {
        channel.buffered.push(message);
      }
      return;
    }
    this.deliver(channel, message);
  }

  private deliver(channel: Channel, message: Buffer): void {
    const payload = new Uint8Array(
      message.buffer,
      message.byteOffset + 1 + NODE_ID_BYTES,
      message.length - 1 - NODE_ID_BYTES,
    );
    try {
      if (message[0] === KIND_UPDATE) {
        channel.target?.applyRemoteUpdate(payload);
      } else if (message[0] === KIND_AWARENESS) {
        channel.target?.applyRemoteAwareness(payload);
      }
    } catch (error) {
      this.logger.warn(`Ignored a malformed message on ${channelFor(channel.doc)}: ${describeError(error)}`);
    }
  }

  /** Closes both connections. */
  async close(): Promise<void> {
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
