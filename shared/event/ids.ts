/**
 * Ids of rooms, slots, sessions and people. Shared code has no crypto module of its own (it runs in
 * Node and in the browser), so the caller hands in its random source: `node:crypto`'s randomBytes on
 * the core, `crypto.getRandomValues` in the renderer, a fixed sequence in tests.
 */

/** Fills a new array with `length` random bytes. */
export type RandomBytes = (length: number) => Uint8Array;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A new 12-character id from 72 random bits in the URL- and file-safe alphabet of `idSchema`
 * (the same length the core uses for events), so ids made anywhere look alike.
 */
export function newId(random: RandomBytes): string {
  const bytes = random(9);
  let id = '';
  for (let i = 0; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    for (const shift of [18, 12, 6, 0]) {
      id += ALPHABET.charAt((n >> shift) & 63);
    }
  }
  // An id is also a command-line argument (`mitschrift event show <id>`): one starting with "-"
  // would be read as an option, so the first character is always a letter or digit.
  const first = ALPHABET.indexOf(id.charAt(0));
  return first >= 62 ? ALPHABET.charAt((bytes[0] ?? 0) % 62) + id.slice(1) : id;
}
