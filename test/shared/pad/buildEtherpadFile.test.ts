import { describe, expect, it } from 'vitest';
import { ETHERPAD_AUTHOR_ID, toEtherpadAuthorId } from '../../../shared/pad/etherpad/authorId.js';
import { AttributePool } from '../../../shared/pad/etherpad/attributePool.js';
import {
  buildEtherpadFile,
  buildEtherpadRecords,
  EtherpadBuildError,
  type BuildAuthor,
  type BuildRevision,
} from '../../../shared/pad/etherpad/buildEtherpadFile.js';
import { checkEtherpadFile } from '../../../shared/pad/etherpad/checkEtherpadFile.js';
import { atextAtRevision, parseEtherpadFile } from '../../../shared/pad/etherpad/etherpadFile.js';
import { atextToTxt, linesToTxt } from '../../../shared/pad/etherpad/exportTxt.js';
import {
  atextToLines,
  linesToAText,
  normalizeLines,
  normalizeRuns,
  type PadLine,
  type PadRun,
  type PadRunAttrs,
} from '../../../shared/pad/etherpad/lines.js';
import { fixture, PADS } from './helpers.js';
import { mulberry32 } from '../../../shared/random.js';

const ANNA = toEtherpadAuthorId('user:anna');
const JONAS = toEtherpadAuthorId('user:jonas');
const T0 = 1_716_456_000_000;

const authors: Record<string, BuildAuthor> = {
  [ANNA]: { name: 'Anna Schmidt', colorId: '#ffc7c7' },
  [JONAS]: { name: 'Jonas Becker', colorId: 17 },
};

const para = (...runs: PadRun[]): PadLine => ({ kind: 'paragraph', level: 0, runs });
const run = (text: string, attrs: PadRunAttrs = {}): PadRun => ({ text, attrs });

/** Lines without the fields the codec fills in itself (list starts, marker authors). */
function project(lines: readonly PadLine[]): { kind: string; level: number; runs: PadRun[] }[] {
  return normalizeLines(lines.length === 0 ? [para()] : lines).map((l) => ({
    kind: l.kind,
    level: l.level,
    runs: normalizeRuns(l.runs),
  }));
}

describe('toEtherpadAuthorId', () => {
  it('maps ids to Etherpad’s shape, deterministically and without collisions', () => {
    expect(ANNA).toMatch(ETHERPAD_AUTHOR_ID);
    expect(toEtherpadAuthorId('user:anna')).toBe(ANNA);
    expect(toEtherpadAuthorId('')).toMatch(ETHERPAD_AUTHOR_ID);
    expect(toEtherpadAuthorId('ü😀')).toMatch(ETHERPAD_AUTHOR_ID);
    const ids = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      ids.add(toEtherpadAuthorId(`user-${i}`));
    }
    expect(ids.size).toBe(20_000);
  });

  it('keeps ids that already are Etherpad author ids', () => {
    expect(toEtherpadAuthorId('a.3DgALc1HC0zuucif')).toBe('a.3DgALc1HC0zuucif');
    expect(toEtherpadAuthorId('a.short')).not.toBe('a.short');
  });
});

describe('buildEtherpadFile', () => {
  const revisions: BuildRevision[] = [
    { lines: [para(run('Hallo', { author: ANNA }))], author: ANNA, timestamp: T0 },
    {
      lines: [
        para(run('Hallo', { author: ANNA }), run(' Welt', { author: JONAS, bold: true })),
        { kind: 'bullet', level: 1, runs: [run('Punkt 😀', { author: JONAS })] },
      ],
      author: JONAS,
      timestamp: T0 + 1000,
    },
    {
      lines: [
        para(run('Hallo', { author: ANNA }), run(' Welt', { author: JONAS, bold: true })),
        { kind: 'bullet', level: 1, runs: [run('Punkt 😀', { author: JONAS })] },
        { kind: 'number', level: 2, runs: [run('e\u0301 𝄞', { author: ANNA, italic: true })] },
      ],
      author: ANNA,
      timestamp: T0 + 2000,
    },
  ];
  const input = {
    padId: 'session-42',
    revisions,
    authors,
    chat: [{ text: 'Hi <b>', authorId: JONAS, time: T0 + 500 }],
  };

  it('writes records in Etherpad’s export order with Etherpad-shaped values', () => {
    const records = buildEtherpadRecords(input);
    expect(Object.keys(records)).toEqual([
      'pad:session-42',
      `globalAuthor:${ANNA}`,
      `globalAuthor:${JONAS}`,
      'pad:session-42:revs:0',
      'pad:session-42:revs:1',
      'pad:session-42:revs:2',
      'pad:session-42:chat:0',
    ]);
    const rev0 = records['pad:session-42:revs:0'] as { changeset: string; meta: Record<string, unknown> };
    // Like Etherpad's createPad: insert before the new pad's newline, everything else implicit.
    expect(rev0.changeset).toBe('Z:1>5*0+5$Hallo');
    expect(Object.keys(rev0.meta)).toEqual(['author', 'timestamp', 'pool', 'atext']);
    expect(rev0.meta.atext).toEqual({ text: 'Hallo\n', attribs: '*0+5|1+1' });
    const rev1 = records['pad:session-42:revs:1'] as { meta: Record<string, unknown> };
    expect(Object.keys(rev1.meta)).toEqual(['author', 'timestamp']);
    expect(records[`globalAuthor:${JONAS}`]).toEqual({
      colorId: 17,
      name: 'Jonas Becker',
      timestamp: T0 + 1000,
      padIDs: 'session-42',
    });
    expect(records['pad:session-42:chat:0']).toEqual({
      text: 'Hi <b>',
      time: T0 + 500,
      userId: JONAS,
      userName: 'Jonas Becker',
    });
    const pad = records['pad:session-42'] as Record<string, unknown>;
    expect(Object.keys(pad)).toEqual(['atext', 'pool', 'head', 'chatHead', 'publicStatus', 'savedRevisions']);
    expect(pad.head).toBe(2);
    expect(pad.chatHead).toBe(0);
  });

  it('passes the checker and round-trips through the parser', () => {
    const json = buildEtherpadFile(input);
    expect(checkEtherpadFile(json)).toEqual([]);
    const f = parseEtherpadFile(json);
    expect(f.padId).toBe('session-42');
    expect(f.authors[ANNA]).toEqual({ name: 'Anna Schmidt', colorId: '#ffc7c7', timestamp: T0 });
    expect(f.chat).toEqual([
      { text: 'Hi <b>', authorId: JONAS, time: T0 + 500, displayName: 'Jonas Becker' },
    ]);
    revisions.forEach((r, i) => {
      expect(project(atextToLines(atextAtRevision(f, i), f.pool))).toEqual(
        project('lines' in r ? r.lines : []),
      );
      expect(f.revisions[i]?.author).toBe(r.author);
      expect(f.revisions[i]?.timestamp).toBe(r.timestamp);
    });
    expect(atextToTxt(f.atext, f.pool)).toBe('Hallo Welt\n\t* Punkt 😀\n\t\t0.1. e\u0301 𝄞\n');
  });

  it('writes a minimal changeset for typing at the end of a line', () => {
    const json = buildEtherpadFile({
      padId: 'p',
      authors,
      revisions: [
        { lines: [para(run('Hallo', { author: ANNA }))], author: ANNA, timestamp: T0 },
        {
          lines: [para(run('Hallo', { author: ANNA }), run('!', { author: JONAS }))],
          author: JONAS,
          timestamp: T0 + 1,
        },
      ],
    });
    const data = JSON.parse(json) as Record<string, { changeset?: string }>;
    expect(data['pad:p:revs:1']?.changeset).toBe('Z:6>1=5*1+1$!');
  });

  it('accepts attributed texts with their own pool', () => {
    const pool = new AttributePool();
    pool.put(['bold', 'true']);
    const atext = linesToAText([para(run('fett', { bold: true, author: ANNA }))], pool);
    const f = parseEtherpadFile(
      buildEtherpadFile({ padId: 'p', authors, revisions: [{ atext, pool, author: ANNA, timestamp: T0 }] }),
    );
    expect(atextToLines(f.atext, f.pool)).toEqual([para(run('fett', { author: ANNA, bold: true }))]);
  });

  it.each(PADS)('rebuilds %s from its revision texts into a file that parses to the same pad', (name) => {
    const original = parseEtherpadFile(fixture(`${name}.etherpad`));
    const rebuiltAuthors: Record<string, BuildAuthor> = {};
    for (const [id, a] of Object.entries(original.authors)) {
      rebuiltAuthors[id] = {
        name: a.name,
        colorId: a.colorId ?? 0,
        ...(a.timestamp ? { timestamp: a.timestamp } : {}),
      };
    }
    const json = buildEtherpadFile({
      padId: name,
      authors: rebuiltAuthors,
      revisions: original.revisions.map((r) => ({
        atext: atextAtRevision(original, r.rev),
        pool: original.pool,
        author: r.author,
        timestamp: r.timestamp,
      })),
      chat: original.chat.map((c) => ({ text: c.text, authorId: c.authorId ?? '', time: c.time ?? T0 })),
    });
    expect(checkEtherpadFile(json)).toEqual([]);
    const rebuilt = parseEtherpadFile(json);
    expect(rebuilt.atext.text).toBe(original.atext.text);
    expect(atextToTxt(rebuilt.atext, rebuilt.pool)).toBe(fixture(`${name}.txt`));
    expect(atextToLines(rebuilt.atext, rebuilt.pool)).toEqual(atextToLines(original.atext, original.pool));
    for (const r of original.revisions) {
      expect(atextAtRevision(rebuilt, r.rev).text).toBe(atextAtRevision(original, r.rev).text);
    }
    if (name !== 'ogd-formatierung') {
      // Plain appends: our diff writes exactly the changesets Etherpad wrote.
      expect(rebuilt.revisions.map((r) => r.changeset)).toEqual(original.revisions.map((r) => r.changeset));
      expect(rebuilt.pool.toJson()).toEqual(original.pool.toJson());
    }
  });

  it('writes key revisions every 100 revisions', () => {
    const revs: BuildRevision[] = Array.from({ length: 205 }, (_, i) => ({
      lines: [para(run(`${i}`, { author: i % 2 === 0 ? ANNA : JONAS }))],
      author: i % 2 === 0 ? ANNA : JONAS,
      timestamp: T0 + i,
    }));
    const data = buildEtherpadRecords({ padId: 'p', authors, revisions: revs }) as Record<
      string,
      { meta: { atext?: { text: string }; pool?: unknown } }
    >;
    for (const n of [0, 100, 200]) {
      expect(data[`pad:p:revs:${n}`]?.meta.atext?.text).toBe(`${n}\n`);
      expect(data[`pad:p:revs:${n}`]?.meta.pool).toBeDefined();
    }
    expect(data['pad:p:revs:101']?.meta.atext).toBeUndefined();
    expect(checkEtherpadFile(JSON.stringify(data))).toEqual([]);
  });

  it('handles a multi-megabyte pad', () => {
    const big = 'Zeile mit Umlauten äöü und 😀\n'.repeat(50_000).slice(0, -1).split('\n');
    const lines = big.map((t) => para(run(t, { author: ANNA })));
    const more = [...lines.slice(0, 25_000), para(run('neu', { author: JONAS })), ...lines.slice(25_000)];
    const started = Date.now();
    const json = buildEtherpadFile({
      padId: 'gross',
      authors,
      revisions: [
        { lines, author: ANNA, timestamp: T0 },
        { lines: more, author: JONAS, timestamp: T0 + 1 },
      ],
    });
    expect(json.length).toBeGreaterThan(3_000_000);
    expect(checkEtherpadFile(json)).toEqual([]);
    const f = parseEtherpadFile(json);
    expect(f.revisions[1]?.changeset.length).toBeLessThan(60);
    expect(linesToTxt(atextToLines(f.atext, f.pool)).length).toBe(f.atext.text.length);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it.each([
    [{ padId: 'a:b' }, /pad id/],
    [{ padId: '' }, /pad id/],
    [{ revisions: [] }, /at least one revision/],
    [{ revisions: [{ lines: [], author: 'anna', timestamp: T0 }] }, /not an Etherpad author id/],
    [{ revisions: [{ lines: [], author: ANNA, timestamp: 0 }] }, /timestamp 0/],
    [
      { revisions: [{ lines: [para(run('x', { author: 'bob' }))], author: '', timestamp: T0 }] },
      /author in the text/,
    ],
    [
      { revisions: [{ lines: [para(run('x'))], author: toEtherpadAuthorId('nobody'), timestamp: T0 }] },
      /has no entry in authors/,
    ],
    [{ chat: [{ text: 'x', authorId: ANNA, time: -1 }] }, /chat message 0/],
    [{ savedRevisions: [{ revNum: 5, id: 'x' }] }, /saved revision/],
  ])('refuses impossible input %#', (override, message) => {
    const base = {
      padId: 'p',
      authors,
      revisions: [{ lines: [para(run('x'))], author: ANNA, timestamp: T0 }],
    };
    expect(() => buildEtherpadFile({ ...base, ...override } as never)).toThrow(EtherpadBuildError);
    expect(() => buildEtherpadFile({ ...base, ...override } as never)).toThrow(message);
  });

  it('refuses an attributed text that Etherpad would not accept', () => {
    const pool = new AttributePool();
    const build = (atext: { text: string; attribs: string }): string =>
      buildEtherpadFile({ padId: 'p', authors, revisions: [{ atext, pool, author: ANNA, timestamp: T0 }] });
    expect(() => build({ text: 'ab', attribs: '+2' })).toThrow(
      /revision 0: the text does not end with a newline/,
    );
    expect(() => build({ text: 'ab\n', attribs: '+3' })).toThrow(/revision 0: attribution op/);
    expect(() => build({ text: 'ab\n', attribs: '*5|1+3' })).toThrow(
      /revision 0: attribute 5 does not exist/,
    );
    expect(checkEtherpadFile(build({ text: 'a\nb\n', attribs: '|2+4' }))).toEqual([]);
    // Moving into the file's pool re-encodes, so a merely non-canonical attribution is repaired.
    expect(checkEtherpadFile(build({ text: 'ab\n', attribs: '+2|1+1' }))).toEqual([]);
  });
});

describe('property: random multi-author histories survive build → check → parse', () => {
  const PIECES = [
    'a',
    'b',
    'Z',
    ' ',
    'ä',
    'ß',
    '€',
    '😀',
    '👩‍💻',
    '🇩🇪',
    'e\u0301',
    'a\u0308',
    '𝄞',
    '𝔘',
    '„',
    '“',
    '<',
    '&',
    '*',
    '.',
  ];

  function makeRandom(seed: number) {
    const rand = mulberry32(seed);
    const int = (n: number): number => Math.floor(rand() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
    const text = (max: number): string => Array.from({ length: 1 + int(max) }, () => pick(PIECES)).join('');
    const attrs = (author: string): PadRunAttrs => ({
      author,
      ...(rand() < 0.3 ? { bold: true } : {}),
      ...(rand() < 0.2 ? { italic: true } : {}),
      ...(rand() < 0.1 ? { underline: true } : {}),
      ...(rand() < 0.1 ? { strikethrough: true } : {}),
      ...(rand() < 0.05 ? { link: `https://example.org/${int(5)}` } : {}),
    });
    const line = (author: string): PadLine => {
      const kind = pick(['paragraph', 'paragraph', 'bullet', 'number', 'indent', 'heading'] as const);
      const level = kind === 'paragraph' ? 0 : 1 + int(3);
      return {
        kind,
        level,
        runs: Array.from({ length: int(4) }, () => ({ text: text(6), attrs: attrs(author) })),
      };
    };
    return { rand, int, pick, text, attrs, line };
  }

  function history(
    seed: number,
    revisions: number,
  ): { revisions: BuildRevision[]; authors: Record<string, BuildAuthor> } {
    const r = makeRandom(seed);
    const ids = [0, 1, 2, 3].map((i) => toEtherpadAuthorId(`seed-${seed}-user-${i}`));
    const revs: BuildRevision[] = [];
    let lines: PadLine[] = [r.line(ids[0] ?? '')];
    for (let n = 0; n < revisions; n++) {
      const author = r.pick(ids);
      lines = structuredClone(lines);
      for (let k = 1 + r.int(3); k > 0; k--) {
        const i = r.int(lines.length);
        const target = lines[i];
        const action = r.int(6);
        if (action === 0 || target === undefined) {
          lines.splice(r.int(lines.length + 1), 0, r.line(author));
        } else if (action === 1 && lines.length > 1) {
          lines.splice(i, 1);
        } else if (action === 2 || target.runs.length === 0) {
          // Insert at a code point boundary: split a run and put the new text in between.
          const j = r.int(target.runs.length + 1);
          const old = target.runs[j];
          const piece = { text: r.text(4), attrs: r.attrs(author) };
          if (old === undefined) {
            target.runs.push(piece);
          } else {
            const cps = [...old.text];
            const at = r.int(cps.length + 1);
            target.runs.splice(j, 1, { text: cps.slice(0, at).join(''), attrs: old.attrs }, piece, {
              text: cps.slice(at).join(''),
              attrs: old.attrs,
            });
          }
        } else if (action === 3) {
          const run = r.pick(target.runs);
          const cps = [...run.text];
          const at = r.int(cps.length);
          cps.splice(at, 1 + r.int(3));
          run.text = cps.join('');
        } else if (action === 4) {
          const kind = r.pick(['paragraph', 'bullet', 'number', 'indent', 'heading'] as const);
          target.kind = kind;
          target.level = kind === 'paragraph' ? 0 : 1 + r.int(3);
        } else {
          const run = r.pick(target.runs);
          run.attrs = { ...run.attrs, bold: !run.attrs.bold };
        }
      }
      revs.push({ lines, author, timestamp: T0 + n * 1000 });
    }
    const authorsById: Record<string, BuildAuthor> = {};
    ids.forEach((id, i) => {
      authorsById[id] = { name: `Person ${i} 😀`, colorId: i };
    });
    return { revisions: revs, authors: authorsById };
  }

  function roundTrip(seed: number, revisions: number): void {
    const h = history(seed, revisions);
    const json = buildEtherpadFile({ padId: `prop-${seed}`, ...h, headings: 'ep_headings2' });
    expect(checkEtherpadFile(json), `seed ${seed}`).toEqual([]);
    const f = parseEtherpadFile(json);
    expect(f.head).toBe(revisions - 1);
    h.revisions.forEach((rev, n) => {
      const got = atextToLines(atextAtRevision(f, n), f.pool);
      expect(project(got), `seed ${seed} revision ${n}`).toEqual(project('lines' in rev ? rev.lines : []));
    });
    const last = h.revisions[h.revisions.length - 1];
    const lastLines = last !== undefined && 'lines' in last ? last.lines : [];
    expect(project(atextToLines(f.atext, f.pool))).toEqual(project(lastLines));
    expect(linesToTxt(atextToLines(f.atext, f.pool))).toBe(
      linesToTxt(atextToLines(linesToAText(lastLines, f.pool, { headings: 'ep_headings2' }), f.pool)),
    );
  }

  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i', (seed) => {
    roundTrip(seed, 15);
  });

  it('a long history crosses key revisions 100 and 200', () => {
    roundTrip(4242, 230);
  });
});
