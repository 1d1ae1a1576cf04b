import { z } from 'zod';

/**
 * The limits of the y-websocket endpoint: one place for their names, defaults, `serve` flags and
 * environment variables. Defaults are sized for one laptop serving an event of 80 to 250 people on
 * the venue Wi-Fi, where a NAT may put everyone behind one address.
 */

const MIB = 1024 * 1024;

/** One limit: its key, default, flag, environment variable and what it bounds. */
interface LimitSpec {
  key: keyof SyncLimits;
  flag: string;
  env: string;
  min: number;
  help: string;
}

/** The limits' values. */
export interface SyncLimits {
  /** Largest WebSocket message (a sketchnote's first sync with images stays well below). */
  maxMessageBytes: number;
  /** Messages per second one connection may send on average (a token bucket holding two seconds' worth). */
  messagesPerSecond: number;
  /** WebSocket connections in total (each open pad, plan or sketchnote tab holds one or two). */
  maxConnections: number;
  /**
   * WebSocket connections from one address. A venue NAT can put every participant behind one
   * address, so this is high; it stops one device from taking every slot, not a crowd.
   */
  maxConnectionsPerAddress: number;
  /** Size of one document's state; an update that would pass it is refused, the document stays as it was. */
  maxDocumentBytes: number;
  /** Size of one awareness (presence) message. */
  maxAwarenessBytes: number;
  /** Awareness messages per second per connection; faster ones are dropped (live strokes send ~60/s). */
  awarenessPerSecond: number;
}

/** The defaults (see README, "Limits"). */
export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxMessageBytes: 16 * MIB,
  messagesPerSecond: 300,
  maxConnections: 1000,
  maxConnectionsPerAddress: 300,
  maxDocumentBytes: 256 * MIB,
  maxAwarenessBytes: 128 * 1024,
  awarenessPerSecond: 120,
};

/** Every limit with its `serve` flag and environment variable. */
export const SYNC_LIMIT_SPECS: readonly LimitSpec[] = [
  {
    key: 'maxMessageBytes',
    flag: 'max-message-bytes',
    env: 'MITSCHRIFT_MAX_MESSAGE_BYTES',
    min: 64 * 1024,
    help: 'largest WebSocket message',
  },
  {
    key: 'messagesPerSecond',
    flag: 'messages-per-second',
    env: 'MITSCHRIFT_MESSAGES_PER_SECOND',
    min: 1,
    help: 'messages per second per connection',
  },
  {
    key: 'maxConnections',
    flag: 'max-connections',
    env: 'MITSCHRIFT_MAX_CONNECTIONS',
    min: 1,
    help: 'WebSocket connections in total',
  },
  {
    key: 'maxConnectionsPerAddress',
    flag: 'max-connections-per-address',
    env: 'MITSCHRIFT_MAX_CONNECTIONS_PER_ADDRESS',
    min: 1,
    help: 'WebSocket connections per client address',
  },
  {
    key: 'maxDocumentBytes',
    flag: 'max-document-bytes',
    env: 'MITSCHRIFT_MAX_DOCUMENT_BYTES',
    min: 64 * 1024,
    help: 'size of one document',
  },
  {
    key: 'maxAwarenessBytes',
    flag: 'max-awareness-bytes',
    env: 'MITSCHRIFT_MAX_AWARENESS_BYTES',
    min: 1024,
    help: 'size of one presence message',
  },
  {
    key: 'awarenessPerSecond',
    flag: 'awareness-per-second',
    env: 'MITSCHRIFT_AWARENESS_PER_SECOND',
    min: 1,
    help: 'presence messages per second per connection',
  },
];

const limitValue = (spec: LimitSpec, source: string): z.ZodType<number> =>
  z.coerce
    .number({ error: `${source} must be a whole number` })
    .int(`${source} must be a whole number`)
    .min(spec.min, `${source} must be at least ${spec.min}`)
    .max(Number.MAX_SAFE_INTEGER, `${source} is too large`);

/** A limit given with a wrong value (names the flag or variable). */
export class SyncLimitError extends Error {}

/**
 * The limits from `serve` flags (by flag name, without `--`) over environment variables over the
 * defaults. Throws {@link SyncLimitError} naming the flag or variable of a bad value.
 */
export function syncLimitsFrom(
  flags: Readonly<Record<string, string | undefined>>,
  env: Readonly<Record<string, string | undefined>>,
): SyncLimits {
  const limits: SyncLimits = { ...DEFAULT_SYNC_LIMITS };
  for (const spec of SYNC_LIMIT_SPECS) {
    const fromFlag = flags[spec.flag];
    const fromEnv = env[spec.env];
    const [raw, source] =
      fromFlag !== undefined
        ? [fromFlag, `--${spec.flag}`]
        : fromEnv !== undefined && fromEnv !== ''
          ? [fromEnv, spec.env]
          : [undefined, ''];
    if (raw === undefined) {
      continue;
    }
    const parsed = limitValue(spec, source).safeParse(raw.trim() === '' ? Number.NaN : raw);
    if (!parsed.success) {
      throw new SyncLimitError(
        `${parsed.error.issues[0]?.message ?? `${source} is not valid`} (got "${raw}").`,
      );
    }
    limits[spec.key] = parsed.data;
  }
  return limits;
}

/** A token bucket: `rate` per second on average, bursts of up to two seconds' worth. */
export class RateBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = rate * 2;
    this.last = this.now();
  }

  /** Takes `cost` tokens (default one); false when the bucket holds fewer. */
  take(cost = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.rate * 2, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    if (this.tokens < cost) {
      return false;
    }
    this.tokens -= cost;
    return true;
  }
}
