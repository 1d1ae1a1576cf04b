import { describe, expect, it } from 'vitest';
import {
  AttributePool,
  attribsFromString,
  attribsToString,
  canonicalAttribString,
  checkPoolJson,
  composeAttributes,
  decodeAttribString,
  encodeAttribString,
} from '../../../shared/pad/etherpad/attributePool.js';
import { fixtureData } from './helpers.js';

describe('AttributePool', () => {
  it('looks attributes up both ways and numbers new ones in order', () => {
    const pool = new AttributePool();
    expect(pool.put(['author', 'a.X'])).toBe(0);
    expect(pool.put(['bold', 'true'])).toBe(1);
    expect(pool.put(['author', 'a.X'])).toBe(0);
    expect(pool.find(['bold', 'true'])).toBe(1);
    expect(pool.find(['bold', ''])).toBeUndefined();
    expect(pool.get(1)).toEqual(['bold', 'true']);
    expect(pool.get(5)).toBeUndefined();
    expect(pool.nextNum).toBe(2);
    expect(pool.authors()).toEqual(['a.X']);
  });

  it('keeps attributes apart that Etherpad would print alike', () => {
    const pool = new AttributePool();
    expect(pool.put(['a,b', 'c'])).toBe(0);
    expect(pool.put(['a', 'b,c'])).toBe(1);
  });

  it('reads and writes the JSON of the formatting fixture pool', () => {
    const json = fixtureData('ogd-formatierung')['pad:ogd-formatierung']?.pool as {
      numToAttrib: Record<string, [string, string]>;
      nextNum: number;
    };
    expect(checkPoolJson(json)).toEqual([]);
    const pool = AttributePool.fromJson(json);
    expect(pool.find(['list', 'bullet2'])).toBe(10);
    expect(pool.get(13)).toEqual(['strikethrough', 'true']);
    expect(pool.authors()).toEqual(['a.imkrf5ZPG33RiRpO', 'a.kwrn69odZCBH7r4T']);
    expect(pool.toJson()).toEqual(json);
    expect(pool.clone().toJson()).toEqual(json);
  });

  it.each([
    [null, /not an object/],
    [{ numToAttrib: {}, nextNum: -1 }, /negative/],
    [{ numToAttrib: {}, nextNum: 1.5 }, /not an integer/],
    [{ numToAttrib: {}, nextNum: 1 }, /0 entries but nextNum is 1/],
    [{ numToAttrib: { 1: ['a', 'b'] }, nextNum: 1 }, /attribute 0 is not a \[key, value\] pair/],
    [{ numToAttrib: { 0: ['a', 1] }, nextNum: 1 }, /not a string/],
    [{ numToAttrib: { 0: ['a', 'b'], 1: ['a', 'b'] }, nextNum: 2 }, /0 and 1 are the same attribute/],
    [{ numToAttrib: { 0: ['a,b', 'c'], 1: ['a', 'b,c'] }, nextNum: 2 }, /0 and 1 are the same attribute/],
  ])('refuses pool %j like Etherpad does', (json, message) => {
    expect(checkPoolJson(json)[0]).toMatch(message);
  });
});

describe('attribute strings', () => {
  const pool = new AttributePool();
  const author = pool.put(['author', 'a.X']);
  const bold = pool.put(['bold', 'true']);
  const italic = pool.put(['italic', 'true']);
  const noBold = pool.put(['bold', '']);

  it('encodes and decodes base-36 numbers', () => {
    expect(decodeAttribString('*3*f*1c')).toEqual([3, 15, 48]);
    expect(encodeAttribString([3, 15, 48])).toBe('*3*f*1c');
    expect(() => decodeAttribString('*3#')).toThrow(/invalid attribute string/);
    expect(() => attribsFromString('*z', pool)).toThrow(/attribute 35 does not exist in the pool/);
  });

  it('writes attributes sorted by key with one value per key', () => {
    expect(
      attribsToString(
        [
          ['italic', 'true'],
          ['author', 'a.X'],
          ['bold', 'true'],
        ],
        pool,
      ),
    ).toBe(`*${author}*${bold}*${italic}`);
    expect(canonicalAttribString(`*${italic}*${author}`, pool)).toBe(`*${author}*${italic}`);
    expect(canonicalAttribString(`*${bold}*${noBold}`, pool)).toBe(`*${noBold}`);
  });

  it('composes attributes as Etherpad documents it', () => {
    // ([], [(bold, )], true) -> [(bold, )]; ([], [(bold, )], false) -> []
    expect(composeAttributes('', `*${noBold}`, true, pool)).toBe(`*${noBold}`);
    expect(composeAttributes('', `*${noBold}`, false, pool)).toBe('');
    // ([(bold, true)], [(bold, )], true) -> [(bold, )]; (…, false) -> []
    expect(composeAttributes(`*${bold}`, `*${noBold}`, true, pool)).toBe(`*${noBold}`);
    expect(composeAttributes(`*${bold}`, `*${noBold}`, false, pool)).toBe('');
    expect(composeAttributes(`*${italic}`, `*${bold}`, false, pool)).toBe(`*${bold}*${italic}`);
    // An empty change returns the input untouched, even if it is not canonical.
    expect(composeAttributes(`*${italic}*${author}`, '', false, pool)).toBe(`*${italic}*${author}`);
  });
});
