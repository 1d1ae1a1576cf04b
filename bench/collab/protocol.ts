import { z } from 'zod';

/**
 * Messages between the collab benchmark (parent) and its client workers (child processes with
 * IPC). Every message is checked with these schemas on arrival.
 */

/** One y-websocket client a worker opens. */
const clientSpecSchema = z.object({
  /** y-websocket server URL (`ws://host:port` for the stock server, `ws://host:port/yjs` for ours). */
  serverUrl: z.string(),
  /** The room (document name). */
  room: z.string(),
  /** URL parameters (the token). */
  params: z.record(z.string(), z.string()),
  /** Editors type; viewers and joiners only watch. */
  role: z.enum(['editor', 'viewer']),
  /** What an edit is: a character in a Y.Text, or a stroke (one Y.Map entry) in a sketchnote. */
  content: z.enum(['text', 'strokes']),
});
/** One client a worker opens. */
export type ClientSpec = z.infer<typeof clientSpecSchema>;

/** Send times of one sender: the Yjs clock of its first edit and the time of each edit after it. */
const sendTimesSchema = z.object({
  clientId: z.number(),
  room: z.string(),
  firstClock: z.number(),
  times: z.array(z.number()),
});
/** Send times of one sender. */
export type SendTimes = z.infer<typeof sendTimesSchema>;

/** Parent → worker. */
export const toWorkerSchema = z.discriminatedUnion('type', [
  /** Open clients; answer `opened` once all are synced (or `timeoutMs` passed). */
  z.object({ type: z.literal('open'), clients: z.array(clientSpecSchema), timeoutMs: z.number() }),
  /** Every editor edits once a second (random phase) for `durationMs`. */
  z.object({ type: z.literal('type'), durationMs: z.number(), ratePerSecond: z.number() }),
  /** Report the send times of this worker's editors (`sends`). */
  z.object({ type: z.literal('sends') }),
  /**
   * Wait until each receiver saw every edit of others in its room (at most `timeoutMs`), then
   * answer `latencies` with a histogram of edit → observe times.
   */
  z.object({
    type: z.literal('latencies'),
    sends: z.array(sendTimesSchema),
    timeoutMs: z.number(),
  }),
  /** Close every client; answer `closed`. */
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('exit') }),
]);
/** Parent → worker. */
export type ToWorker = z.infer<typeof toWorkerSchema>;

/** Worker → parent. */
export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** Milliseconds from the `open` command to each client's first sync; `failed` never synced. */
  z.object({ type: z.literal('opened'), syncedMs: z.array(z.number()), failed: z.number() }),
  z.object({ type: z.literal('typed'), edits: z.number() }),
  z.object({ type: z.literal('sends'), sends: z.array(sendTimesSchema) }),
  z.object({
    type: z.literal('latencies'),
    /** [bucket (0.1 ms), count] pairs. */
    histogram: z.array(z.tuple([z.number(), z.number()])),
    observed: z.number(),
    /** Edits a receiver never saw within the timeout. */
    missing: z.number(),
  }),
  z.object({ type: z.literal('closed') }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
/** Worker → parent. */
export type FromWorker = z.infer<typeof fromWorkerSchema>;

/** Histogram bucket width in milliseconds. */
export const BUCKET_MS = 0.1;
