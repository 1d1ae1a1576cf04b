import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';

/**
 * Presence (y-protocols awareness) as the core checks it before applying: the update is decoded
 * entry by entry (varuint count, then per entry varuint client id, varuint clock, JSON string), so
 * entries can be dropped one by one: a client id that belongs to another connection, too many ids
 * for one connection, or, from a read-only link, anything but one small, well-formed state.
 */

/** One client's presence state in an awareness update (`state` is the JSON text, `null` = gone). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

/** Client ids one connection may publish (a browser tab publishes one). */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4;

/** Largest presence state a read-only (read-along) connection may publish, in bytes of JSON. */
const MAX_READ_ONLY_STATE_BYTES = 4096;

/**
 * What a read-only connection may say about itself: its name and colours, and a caret. No live
 * strokes, no other fields.
 */
const readOnlyStateSchema = z
  .object({
    user: z
      .object({
        id: z.string().max(64),
        name: z.string().max(100),
        color: z.string().max(32),
        caret: z.string().max(32),
      })
      .partial()
      .strict()
      .optional(),
    cursor: z.unknown().optional(),
  })
  .strict()
  .nullable();

/** Decodes an awareness update; throws on anything that is not one. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > update.length) {
    throw new Error(`awareness update claims ${count} entries in ${update.length} bytes`);
  }
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    JSON.parse(state);
    entries.push({ clientId, clock, state });
  }
  if (decoding.hasContent(decoder)) {
    throw new Error('awareness update has trailing bytes');
  }
  return entries;
}

/** Encodes entries as an awareness update. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

/** Why a read-only connection's state is refused, or null when it may publish it. */
export function readOnlyStateProblem(state: string): string | null {
  if (Buffer.byteLength(state) > MAX_READ_ONLY_STATE_BYTES) {
    return `a read-only presence state is limited to ${MAX_READ_ONLY_STATE_BYTES} bytes`;
  }
  const parsed = readOnlyStateSchema.safeParse(JSON.parse(state));
  return parsed.success ? null : `a read-only presence state may only carry user and cursor`;
}
