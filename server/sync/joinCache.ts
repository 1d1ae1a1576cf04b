import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeUpdateMessage, MESSAGE_SYNC } from './messages.js';

/** How long an encoded full state is kept for further joiners. */
const JOIN_CACHE_MS = 2_000;
/** Updates since the cached state, at most (beyond, the next joiner encodes afresh)... */
const MAX_UPDATES_SINCE = 500;
/** ...and their bytes. */
const MAX_BYTES_SINCE = 4 * 1024 * 1024;

/**
 * Encodes a document once for many joiners. When 100 people open a pad at once, each new client
 * (empty state vector) needs the whole document in sync step 2; encoding a 1 MB document takes
 * milliseconds of the core's only thread each time. The first joiner's encoding is kept for
 * {@link JOIN_CACHE_MS}, together with every update applied since, and later joiners get that
 * encoding plus one merged update of what changed since: together exactly the current state. The
 * state vector the core opens every connection with is cached until the next update.
 */
export class JoinCache {
  private full: Uint8Array | undefined;
  private since: Uint8Array[] = [];
  private sinceBytes = 0;
  private sinceMessage: Uint8Array | undefined;
  private expiry: NodeJS.Timeout | undefined;
  private stateVector: Uint8Array | undefined;

  constructor(private readonly doc: Y.Doc) {}

  /** Tells the cache about an update applied to the document (call for every update). */
  noteUpdate(update: Uint8Array): void {
    this.stateVector = undefined;
    if (this.full === undefined) {
      return;
    }
    this.since.push(update);
    this.sinceBytes += update.length;
    this.sinceMessage = undefined;
    if (this.since.length > MAX_UPDATES_SINCE || this.sinceBytes > MAX_BYTES_SINCE) {
      this.drop();
    }
  }

  /** Sync step 1 of the core (its state vector), as every connection is opened with. */
  syncStep1(): Uint8Array {
    this.stateVector ??= encodeSyncStep1(this.doc);
    return this.stateVector;
  }

  /**
   * The answer to a client's sync step 1: the messages to send. A client with nothing (empty
   * state vector) gets what changed since the cached full state, then that state; anyone else gets exactly
   * what it lacks.
   */
  syncStep2(clientStateVector: Uint8Array): Uint8Array[] {
    if (Y.decodeStateVector(clientStateVector).size > 0) {
      return [step2Message(Y.encodeStateAsUpdate(this.doc, clientStateVector))];
    }
    if (this.full === undefined) {
      this.full = step2Message(Y.encodeStateAsUpdate(this.doc));
      this.expiry = setTimeout(() => this.drop(), JOIN_CACHE_MS).unref();
      return [this.full];
    }
    if (this.since.length === 0) {
      return [this.full];
    }
    this.sinceMessage ??= encodeUpdateMessage(Y.mergeUpdates(this.since));
    // What changed since goes FIRST: a client counts itself synced when sync step 2 arrives, so
    // step 2 must complete the state. Yjs keeps the earlier-arriving changes pending until the
    // full state they build on is applied.
    return [this.sinceMessage, this.full];
  }

  /** Forgets the cached encoding. */
  drop(): void {
    if (this.expiry !== undefined) {
      clearTimeout(this.expiry);
    }
    this.expiry = undefined;
    this.full = undefined;
    this.since = [];
    this.sinceBytes = 0;
    this.sinceMessage = undefined;
  }
}

/** A sync step 2 message carrying `update`. */
function step2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
