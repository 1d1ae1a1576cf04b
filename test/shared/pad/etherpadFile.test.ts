import { describe, expect, it } from 'vitest';
import {
  atextAtRevision,
  parseEtherpadFile,
  readPadRecords,
} from '../../../shared/pad/etherpad/etherpadFile.js';
import { EtherpadFileError, type EtherpadProblemCode } from '../../../shared/pad/etherpad/problems.js';
import { buildEtherpadFile } from '../../../shared/pad/etherpad/buildEtherpadFile.js';
import { atextToTxt } from '../../../shared/pad/etherpad/exportTxt.js';
import { fixture, fixtureData, malformedFiles, PADS } from './helpers.js';

const MULTI = 'ogd-mehrautoren';
const P = `pad:${MULTI}`;

/** Parses and returns the thrown EtherpadFileError (fails the test if parsing succeeds). */
function parseError(json: string): EtherpadFileError {
  try {
    parseEtherpadFile(json);
  } catch (e) {
    expect(e).toBeInstanceOf(EtherpadFileError);
    return e as EtherpadFileError;
  }
  throw new Error('expected the file to be refused');
}

/** The multi-author fixture with `edit` applied to its records. */
function multiWith(edit: (data: Record<string, Record<string, unknown>>) => void): string {
  const data = fixtureData(MULTI);
  edit(data);
  return JSON.stringify(data);
}

describe('parseEtherpadFile on real Etherpad 2.5.3 exports', () => {
  it.each(PADS)('parses %s', (name) => {
    const f = parseEtherpadFile(fixture(`${name}.etherpad`));
    expect(f.padId).toBe(name);
    expect(f.revisions.map((r) => r.rev)).toEqual([...Array(f.head + 1).keys()]);
    expect(f.revisions[0]?.meta.atext).toBeDefined();
    expect(f.atext.text.endsWith('\n\n')).toBe(true);
    for (const r of f.revisions) {
      expect(f.pool.authors()).toContain(r.author);
    }
  });

  it('reads authors, chat (string times as numbers) and metadata of the multi-author pad', () => {
    const f = parseEtherpadFile(fixture(`${MULTI}.etherpad`));
    expect(f.head).toBe(6);
    expect(f.chatHead).toBe(1);
    expect(f.publicStatus).toBe(false);
    // Saved with the API's saveRevision, so by an author Etherpad made for the API call.
    expect(f.savedRevisions).toEqual([
      {
        revNum: 4,
        id: '3df157f39d588e4de390',
        label: 'Saved through API call',
        savedById: 'a.5sESxgjRrkcHsepM',
        timestamp: 1796406591107,
      },
    ]);
    expect(f.authors['a.3DgALc1HC0zuucif']).toEqual({
      name: 'Greta Lößner',
      colorId: 43,
      timestamp: 1796406590862,
    });
    expect(f.authors['a.imkrf5ZPG33RiRpO']?.name).toBe('Şebnem Aydın');
    expect(f.chat).toEqual([
      {
        text: 'Gibt es die Folien schon online?',
        authorId: 'a.imkrf5ZPG33RiRpO',
        time: 1780324200000,
        displayName: 'Şebnem Aydın',
      },
      {
        text: 'Lade ich heute Abend hoch 👌',
        authorId: 'a.ty7gAU7EjOWACBti',
        time: 1780324260000,
        displayName: 'Tobias Wendt',
      },
    ]);
    expect(f.revisions.map((r) => r.author)).toEqual([
      'a.3DgALc1HC0zuucif',
      'a.ty7gAU7EjOWACBti',
      'a.3DgALc1HC0zuucif',
      'a.imkrf5ZPG33RiRpO',
      'a.ty7gAU7EjOWACBti',
      'a.imkrf5ZPG33RiRpO',
      'a.3DgALc1HC0zuucif',
    ]);
  });

  it('counts the unicode pad in UTF-16 code units', () => {
    const f = parseEtherpadFile(fixture('ogd-unicode-lang.etherpad'));
    expect(f.atext.text.length).toBe(6897);
    expect([...f.atext.text].length).toBe(6845);
  });

  it('replays the multi-author pad to every revision exactly as Etherpad exported it', () => {
    const f = parseEtherpadFile(fixture(`${MULTI}.etherpad`));
    for (let n = 0; n <= f.head; n++) {
      expect(atextToTxt(atextAtRevision(f, n), f.pool), `revision ${n}`).toBe(
        fixture(`revs/${MULTI}.rev${n}.txt`),
      );
    }
    expect(() => atextAtRevision(f, 7)).toThrow(RangeError);
  });
});

describe('malformed fixtures (what Etherpad refused, and {})', () => {
  const expected: Record<string, { code: EtherpadProblemCode; message: RegExp }> = {
    'truncated.etherpad': { code: 'invalid-json', message: /^not valid JSON/ },
    'mismatched-padid.etherpad': {
      code: 'pad-id-mismatch',
      message: /unexpected pad ID in record "pad:otherpad:revs:99"/,
    },
    'corrupt-changeset.etherpad': { code: 'invalid-changeset', message: /^revision 3: .*invalid operation/ },
    'atext-mismatch.etherpad': {
      code: 'atext-mismatch',
      message: /pad's text does not match the text replayed/,
    },
    'head-too-large.etherpad': { code: 'missing-revision', message: /head is 9 .*revision 7 is missing/ },
    // Etherpad answers 200 with an empty pad; we refuse (see etherpadFile.ts).
    'empty-object.etherpad': { code: 'no-pad', message: /no pad in this file/ },
  };

  it('covers every file in malformed/', () => {
    expect(malformedFiles()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('refuses %s', (file, want) => {
    const e = parseError(fixture(`malformed/${file}`));
    expect(e.code).toBe(want.code);
    expect(e.message).toMatch(want.message);
  });

  it('names the key and revision of the problem', () => {
    expect(parseError(fixture('malformed/corrupt-changeset.etherpad'))).toMatchObject({
      rev: 3,
      key: `${P}:revs:3`,
    });
    expect(parseError(fixture('malformed/mismatched-padid.etherpad')).key).toBe('pad:otherpad:revs:99');
  });
});

describe('our own malformed inputs', () => {
  it.each([
    ['null', 'not-an-object'],
    ['[]', 'not-an-object'],
    ['"pad"', 'not-an-object'],
    ['42', 'not-an-object'],
    ['{"globalAuthor:a.x": {"padIDs": "p"}}', 'no-pad'],
    ['{"unrelated": {"x": 1}}', 'no-pad'],
    ['{"pad:p": "text"}', 'pad-record'],
  ])('refuses %s', (json, code) => {
    expect(parseError(json).code).toBe(code);
  });

  it('refuses a huge head number at once, without replaying', () => {
    const started = Date.now();
    const e = parseError(
      multiWith((d) => {
        (d[P] as Record<string, unknown>).head = 1e15;
      }),
    );
    expect(e.code).toBe('missing-revision');
    expect(e.message).toMatch(/head is 1000000000000000/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(parseError(multiWith((d) => void ((d[P] as Record<string, unknown>).head = 1e300))).code).toBe(
      'pad-record',
    );
    expect(parseError(multiWith((d) => void ((d[P] as Record<string, unknown>).head = '6'))).code).toBe(
      'pad-record',
    );
    expect(parseError(multiWith((d) => void ((d[P] as Record<string, unknown>).head = -2))).code).toBe(
      'pad-record',
    );
  });

  it('refuses negative and inconsistent changeset lengths', () => {
    const set = (cs: string): string =>
      multiWith((d) => void ((d[`${P}:revs:3`] as Record<string, unknown>).changeset = cs));
    expect(parseError(set('Z:-5>1+1$x'))).toMatchObject({ code: 'invalid-changeset', rev: 3 });
    expect(parseError(set('Z:5p<zz$')).message).toMatch(/shrink/);
    const rev5 = fixtureData(MULTI)[`${P}:revs:5`]?.changeset as string;
    const e = parseError(set(rev5));
    expect(e.code).toBe('changeset-mismatch');
    expect(e.message).toMatch(/revision 3: changeset does not apply to the text of revision 2: .*length/);
  });

  it('keeps error messages short for a 20 MB input', () => {
    const big = 'x'.repeat(20 * 1024 * 1024);
    const e1 = parseError(big);
    expect(e1.code).toBe('invalid-json');
    expect(e1.message.length).toBeLessThan(300);
    const e2 = parseError(
      multiWith((d) => {
        (d[P] as { atext: { text: string } }).atext.text = `${big}\n`;
      }),
    );
    expect(e2.code).toBe('atext-mismatch');
    expect(e2.message.length).toBeLessThan(300);
    const e3 = parseError(
      multiWith((d) => void ((d[`${P}:revs:2`] as Record<string, unknown>).changeset = big)),
    );
    expect(e3.code).toBe('invalid-changeset');
    expect(e3.message.length).toBeLessThan(300);
  });

  it('copes with deeply nested JSON', () => {
    const depth = 100_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(parseError(nested).code).toBe('not-an-object');
    expect(parseError(`{"deep": ${nested}}`).code).toBe('no-pad');
    const json = fixture(`${MULTI}.etherpad`).replace('"attribs":"|j+l5"', `"attribs":${nested}`);
    expect(parseError(json).code).toBe('pad-record');
    // Etherpad accepts any non-empty chat record; so do we, reading only what we need.
    const chat = fixture(`${MULTI}.etherpad`).replace(
      '"text":"Gibt es',
      `"nested":${nested},"text":"Gibt es`,
    );
    expect(parseEtherpadFile(chat).chat[0]?.text).toBe('Gibt es die Folien schon online?');
  });

  it('refuses a gap in the revisions and revisions after head', () => {
    const gap = parseError(multiWith((d) => void Reflect.deleteProperty(d, `${P}:revs:2`)));
    expect(gap).toMatchObject({ code: 'missing-revision', rev: 2 });
    expect(gap.message).toBe('revision 2 is missing (head is 6)');
    const extra = parseError(multiWith((d) => void (d[`${P}:revs:7`] = d[`${P}:revs:6`] ?? {})));
    expect(extra).toMatchObject({ code: 'revision-beyond-head', rev: 7 });
  });

  it('skips records with a falsy value, as Etherpad does', () => {
    expect(parseEtherpadFile(multiWith((d) => void (d['pad:otherpad:revs:1'] = null as never))).head).toBe(6);
    expect(parseError(multiWith((d) => void (d[`${P}:revs:6`] = 0 as never))).code).toBe('missing-revision');
  });

  it('refuses a revision author that is not in the pool', () => {
    const e = parseError(
      multiWith(
        (d) => void ((d[`${P}:revs:1`]?.meta as Record<string, unknown>).author = 'a.ZZZZZZZZZZZZZZZZ'),
      ),
    );
    expect(e).toMatchObject({ code: 'unknown-author', rev: 1 });
    expect(e.message).toMatch(/a\.ZZZZZZZZZZZZZZZZ/);
  });

  it('refuses bad revision records', () => {
    expect(
      parseError(multiWith((d) => void ((d[`${P}:revs:4`]?.meta as Record<string, unknown>).timestamp = 0))),
    ).toMatchObject({ code: 'revision-record', rev: 4 });
    expect(parseError(multiWith((d) => void delete d[`${P}:revs:4`]?.meta))).toMatchObject({
      code: 'revision-record',
      rev: 4,
    });
    expect(
      parseError(multiWith((d) => void ((d[`${P}:revs:4`]?.meta as Record<string, unknown>).author = null)))
        .code,
    ).toBe('revision-record');
  });

  it('refuses key revisions that do not match the replay', () => {
    const changed = parseError(
      multiWith(
        (d) => void ((d[`${P}:revs:0`]?.meta as { atext: { text: string } }).atext.text = 'anders\n'),
      ),
    );
    expect(changed).toMatchObject({ code: 'key-revision-mismatch', rev: 0 });
    const missing = parseError(
      multiWith((d) => void delete (d[`${P}:revs:0`]?.meta as Record<string, unknown>).atext),
    );
    expect(missing.message).toMatch(/key revision 0: meta.atext is missing/);
  });

  it('checks the key revision at 100 of a long history', () => {
    const revisions = Array.from({ length: 150 }, (_, i) => ({
      lines: [
        {
          kind: 'paragraph' as const,
          level: 0,
          runs: [{ text: `Zeile ${i}`, attrs: { author: 'a.AAAAAAAAAAAAAAAA' } }],
        },
      ],
      author: 'a.AAAAAAAAAAAAAAAA',
      timestamp: 1_700_000_000_000 + i,
    }));
    const json = buildEtherpadFile({
      padId: 'lang',
      revisions,
      authors: { 'a.AAAAAAAAAAAAAAAA': { name: 'A', colorId: 1 } },
    });
    expect(parseEtherpadFile(json).revisions[100]?.meta.atext?.text).toBe('Zeile 100\n');
    const data = JSON.parse(json) as Record<string, { meta: { atext: { attribs: string } } }>;
    const rev100 = data['pad:lang:revs:100'];
    if (rev100 !== undefined) {
      rev100.meta.atext.attribs = '|1+a';
    }
    expect(parseError(JSON.stringify(data))).toMatchObject({ code: 'key-revision-mismatch', rev: 100 });
  });

  it('refuses changeset attributes that are unknown or not in canonical order', () => {
    const data = fixtureData('ogd-formatierung');
    const rev2 = data['pad:ogd-formatierung:revs:2'] as { changeset: string };
    const original = rev2.changeset;
    rev2.changeset = original.replace('*2*3*1*4', '*3*2*1*4');
    expect(parseError(JSON.stringify(data))).toMatchObject({ code: 'attribs-not-canonical', rev: 2 });
    rev2.changeset = original.replace('*2*3*1*4', '*z*3*1*4');
    expect(parseError(JSON.stringify(data)).message).toMatch(/attribute 35 does not exist in the pool/);
  });

  it('refuses a bad pool, globalAuthor, chat and saved revisions', () => {
    expect(
      parseError(multiWith((d) => void ((d[P]?.pool as { nextNum: number }).nextNum = 4))),
    ).toMatchObject({ code: 'pool' });
    expect(
      parseError(
        multiWith(
          (d) => void ((d['globalAuthor:a.3DgALc1HC0zuucif'] as Record<string, unknown>).padIDs = { x: 1 }),
        ),
      ),
    ).toMatchObject({ code: 'global-author' });
    expect(
      parseError(
        multiWith(
          (d) => void ((d['globalAuthor:a.3DgALc1HC0zuucif'] as Record<string, unknown>).padIDs = 'other'),
        ),
      ),
    ).toMatchObject({ code: 'pad-id-mismatch', key: 'globalAuthor:a.3DgALc1HC0zuucif' });
    expect(parseError(multiWith((d) => void ((d[P] as Record<string, unknown>).chatHead = 2)))).toMatchObject(
      { code: 'chat' },
    );
    expect(
      parseError(
        multiWith((d) => void ((d[P] as Record<string, unknown>).savedRevisions = [{ revNum: 9, id: 'x' }])),
      ),
    ).toMatchObject({ code: 'saved-revisions' });
    expect(
      parseError(
        multiWith(
          (d) =>
            void ((d[P] as Record<string, unknown>).savedRevisions = [
              { revNum: 1, id: 'x' },
              { revNum: 2, id: 'x' },
            ]),
        ),
      ).message,
    ).toMatch(/used twice/);
  });

  it('refuses an atext with extra keys (Etherpad deep-compares it)', () => {
    expect(
      parseError(multiWith((d) => void ((d[P]?.atext as Record<string, unknown>).extra = 1))),
    ).toMatchObject({ code: 'pad-record' });
  });

  it('exposes the record sorting on its own', () => {
    const r = readPadRecords(fixture(`${MULTI}.etherpad`));
    expect(r.padId).toBe(MULTI);
    expect([...r.revs.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([...r.chats.keys()]).toEqual([0, 1]);
    expect([...r.authors.keys()]).toHaveLength(3);
  });
});
