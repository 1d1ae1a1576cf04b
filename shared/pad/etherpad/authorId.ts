/**
 * Etherpad author ids have the shape `a.` + 16 characters of [0-9A-Za-z] (Etherpad draws them at
 * random). Our user ids look different, so on export each is mapped to a stable Etherpad id:
 * the same user always gets the same id, in every pad and every export, without any table.
 */

/** Matches an Etherpad author id as Etherpad creates them. */
export const ETHERPAD_AUTHOR_ID = /^a\.[0-9A-Za-z]{16}$/;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Four 32-bit lanes of an FNV-1a-style hash, each with its own seed and multiplier, finished
// with a murmur-style avalanche. Not cryptographic (ids are not secrets), but 128 bits keep
// collisions among a few thousand users out of reach. Pure arithmetic: no Node crypto in shared/.
const SEEDS = [0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
const PRIMES = [0x01000193, 0x01000197, 0x0100019d, 0x010001a7];

function lane(s: string, seed: number, prime: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), prime);
    h ^= h >>> 15;
  }
  h ^= s.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 128-bit hash of a string (UTF-16 code units), as a BigInt. */
function hash128(s: string): bigint {
  let n = 0n;
  for (let i = 0; i < 4; i++) {
    n = (n << 32n) | BigInt(lane(s, SEEDS[i] ?? 0, PRIMES[i] ?? 1));
  }
  return n;
}

/**
 * Maps any user id to an Etherpad author id (`a.` + 16 of [0-9A-Za-z]) deterministically. An id
 * that already has Etherpad's shape (e.g. one that came from an imported pad) is kept as is, so
 * an imported pad exports with its original authors.
 */
export function toEtherpadAuthorId(ourUserId: string): string {
  if (ETHERPAD_AUTHOR_ID.test(ourUserId)) {
    return ourUserId;
  }
  let n = hash128(ourUserId);
  let id = '';
  for (let i = 0; i < 16; i++) {
    id += ALPHABET[Number(n % 62n)];
    n /= 62n;
  }
  return `a.${id}`;
}
