/**
 * Etherpad's attribute pool: every formatting or authorship attribute of a pad is a `[key, value]`
 * pair of strings stored once in the pool and referred to by number (`*3` in changesets and
 * attribution strings). Written from Etherpad's behaviour (src/static/js/AttributePool.ts and
 * attributes.ts in ether/etherpad-lite 2.5.3); no code is taken from there.
 */

import { preview } from './textUtil.js';

/** One attribute: a `[key, value]` pair of strings, e.g. `['author', 'a.N1Rug5Kr1ZZ2FuEO']`. */
export type Attribute = readonly [key: string, value: string];

/** The JSON form of a pool as it appears in a `.etherpad` file (`attribToNum` is derived, not stored). */
export interface AttributePoolJson {
  numToAttrib: Record<string, [string, string]>;
  nextNum: number;
}

/** Thrown when an attribute string cannot be read against a pool. */
class AttributeError extends Error {
  override readonly name = 'AttributeError';
}

// Our own lookup key. Etherpad keys its reverse map by `String([k, v])` (`"k,v"`), which confuses
// `['a,b','c']` with `['a','b,c']`; we key unambiguously and let the file checks flag such pools.
const lookupKey = (key: string, value: string): string => JSON.stringify([key, value]);

/** A pool of attributes with lookups both ways (number → attribute, attribute → number). */
export class AttributePool {
  private readonly byNum = new Map<number, Attribute>();
  private readonly byAttrib = new Map<string, number>();
  private next = 0;

  /** The number the next new attribute gets (Etherpad's `nextNum`). */
  get nextNum(): number {
    return this.next;
  }

  /** Builds a pool from its JSON form; numbers are kept as they are (shape is checked by `checkPoolJson`). */
  static fromJson(json: AttributePoolJson): AttributePool {
    const pool = new AttributePool();
    for (const [n, pair] of Object.entries(json.numToAttrib)) {
      const num = Number(n);
      pool.byNum.set(num, [pair[0], pair[1]]);
      // Later entries win, as in Etherpad's fromJsonable; a valid pool has no duplicates anyway.
      pool.byAttrib.set(lookupKey(pair[0], pair[1]), num);
    }
    pool.next = json.nextNum;
    return pool;
  }

  /** Returns the number of `attrib`, adding it to the pool if it is not there yet. */
  put(attrib: Attribute): number {
    const key = lookupKey(attrib[0], attrib[1]);
    const known = this.byAttrib.get(key);
    if (known !== undefined) {
      return known;
    }
    const num = this.next++;
    this.byNum.set(num, [attrib[0], attrib[1]]);
    this.byAttrib.set(key, num);
    return num;
  }

  /** Returns the number of `attrib`, or undefined when the pool does not hold it. */
  find(attrib: Attribute): number | undefined {
    return this.byAttrib.get(lookupKey(attrib[0], attrib[1]));
  }

  /** Returns the attribute with number `num`, or undefined. */
  get(num: number): Attribute | undefined {
    return this.byNum.get(num);
  }

  /** All `[number, attribute]` entries in ascending number order. */
  entries(): [number, Attribute][] {
    return [...this.byNum.entries()].sort((a, b) => a[0] - b[0]);
  }

  /** Every non-empty `author` value in the pool, in pool order (Etherpad's `getAllAuthors`). */
  authors(): string[] {
    return this.entries()
      .filter(([, [k, v]]) => k === 'author' && v !== '')
      .map(([, [, v]]) => v);
  }

  /** A deep copy, so a key revision can record the pool as it was at that time. */
  clone(): AttributePool {
    return AttributePool.fromJson(this.toJson());
  }

  /** The JSON form written to `.etherpad` files. */
  toJson(): AttributePoolJson {
    const numToAttrib: Record<string, [string, string]> = {};
    for (const [num, [k, v]] of this.entries()) {
      numToAttrib[String(num)] = [k, v];
    }
    return { numToAttrib, nextNum: this.next };
  }
}

/**
 * Checks a pool's JSON form the way Etherpad's `AttributePool.check()` does on import: `nextNum`
 * a non-negative integer, exactly `nextNum` entries numbered 0..nextNum-1, each a pair of strings,
 * and no two entries equal as Etherpad compares them (`"key,value"`). Returns the problems found.
 */
export function checkPoolJson(json: unknown): string[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return ['pool is not an object'];
  }
  const { numToAttrib, nextNum } = json as { numToAttrib?: unknown; nextNum?: unknown };
  if (typeof nextNum !== 'number' || !Number.isSafeInteger(nextNum)) {
    return ['pool nextNum is not an integer'];
  }
  if (nextNum < 0) {
    return ['pool nextNum is negative'];
  }
  if (typeof numToAttrib !== 'object' || numToAttrib === null || Array.isArray(numToAttrib)) {
    return ['pool numToAttrib is not an object'];
  }
  const entries = numToAttrib as Record<string, unknown>;
  const keys = Object.keys(entries);
  if (keys.length !== nextNum) {
    return [`pool numToAttrib has ${keys.length} entries but nextNum is ${nextNum}`];
  }
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < nextNum; i++) {
    const pair = entries[String(i)];
    if (!Array.isArray(pair) || pair.length !== 2) {
      problems.push(`pool attribute ${i} is not a [key, value] pair`);
      continue;
    }
    const [k, v] = pair as unknown[];
    if (typeof k !== 'string' || typeof v !== 'string') {
      problems.push(`pool attribute ${i} has a key or value that is not a string`);
      continue;
    }
    // Etherpad rebuilds its reverse map from `String([k, v])`; two entries that print alike
    // collapse into one and its size check fails, so we report them the same way.
    const printed = `${k},${v}`;
    const earlier = seen.get(printed);
    if (earlier !== undefined) {
      problems.push(`pool attributes ${earlier} and ${i} are the same attribute ("${preview(printed)}")`);
    }
    seen.set(printed, i);
  }
  return problems;
}

const attribStringRe = /\*([0-9a-z]+)/y;

/** Reads an attribute string such as `*3*f*1c` into attribute numbers, in order. */
export function decodeAttribString(str: string): number[] {
  const nums: number[] = [];
  attribStringRe.lastIndex = 0;
  while (attribStringRe.lastIndex < str.length) {
    const start = attribStringRe.lastIndex;
    const m = attribStringRe.exec(str);
    if (m === null) {
      throw new AttributeError(`invalid attribute string at "${preview(str.slice(start))}"`);
    }
    const n = parseInt(m[1] ?? '', 36);
    if (!Number.isSafeInteger(n)) {
      throw new AttributeError(`attribute number "${preview(m[1] ?? '')}" is too large`);
    }
    nums.push(n);
  }
  return nums;
}

/** Writes attribute numbers as an attribute string (`[3, 15]` → `*3*f`). */
export function encodeAttribString(nums: Iterable<number>): string {
  let s = '';
  for (const n of nums) {
    s += `*${n.toString(36)}`;
  }
  return s;
}

/** Resolves an attribute string to its attributes; throws if a number is not in the pool. */
export function attribsFromString(str: string, pool: AttributePool): Attribute[] {
  return decodeAttribString(str).map((n) => {
    const a = pool.get(n);
    if (a === undefined) {
      throw new AttributeError(`attribute ${n} does not exist in the pool`);
    }
    return a;
  });
}

// Etherpad orders attributes by key (plain UTF-16 comparison) and keeps one value per key.
const byKey = (a: Attribute, b: Attribute): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Encodes attributes canonically: one value per key (the last wins), sorted by key, numbers from
 * `pool` (attributes missing from the pool are added).
 */
export function attribsToString(attribs: Iterable<Attribute>, pool: AttributePool): string {
  const map = new Map<string, string>();
  for (const [k, v] of attribs) {
    map.set(k, v);
  }
  const sorted = [...map.entries()].sort(byKey);
  return encodeAttribString(sorted.map((a) => pool.put(a)));
}

/**
 * The canonical form of an attribute string (Etherpad's `AttributeMap.fromString(s).toString()`);
 * Etherpad's pad check requires every changeset op's attributes to be in this form.
 */
export function canonicalAttribString(str: string, pool: AttributePool): string {
  return attribsToString(attribsFromString(str, pool), pool);
}

/**
 * Applies the attribute changes `att2` to the attributes `att1`. When `resultIsMutation` is false
 * (applying a changeset to a document) an empty value removes the key; when true (composing two
 * changesets) it is kept as a removal instruction. Mirrors Etherpad's `composeAttributes`.
 */
export function composeAttributes(
  att1: string,
  att2: string,
  resultIsMutation: boolean,
  pool: AttributePool,
): string {
  // Both shortcuts matter for byte-exact results: Etherpad returns the input string untouched here.
  if (att1 === '' && resultIsMutation) {
    return att2;
  }
  if (att2 === '') {
    return att1;
  }
  const map = new Map<string, string>();
  for (const [k, v] of attribsFromString(att1, pool)) {
    map.set(k, v);
  }
  for (const [k, v] of attribsFromString(att2, pool)) {
    if (v === '' && !resultIsMutation) {
      map.delete(k);
    } else {
      map.set(k, v);
    }
  }
  return attribsToString(map.entries(), pool);
}
