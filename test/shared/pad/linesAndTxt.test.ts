import { describe, expect, it } from 'vitest';
import { AttributePool } from '../../../shared/pad/etherpad/attributePool.js';
import { parseEtherpadFile } from '../../../shared/pad/etherpad/etherpadFile.js';
import { atextToTxt, linesToTxt } from '../../../shared/pad/etherpad/exportTxt.js';
import {
  atextToLines,
  computeListStarts,
  linesToAText,
  normalizeLines,
  type PadLine,
  type PadRunAttrs,
} from '../../../shared/pad/etherpad/lines.js';
import { fixture, PADS } from './helpers.js';

const line = (kind: PadLine['kind'], level: number, text: string, attrs: PadRunAttrs = {}): PadLine => ({
  kind,
  level,
  runs: text === '' ? [] : [{ text, attrs }],
});

describe('txt export matches Etherpad 2.5.3 byte for byte', () => {
  it.each(PADS)('%s: parse → lines → txt equals the fixture .txt', (name) => {
    const f = parseEtherpadFile(fixture(`${name}.etherpad`));
    expect(linesToTxt(atextToLines(f.atext, f.pool))).toBe(fixture(`${name}.txt`));
  });

  it('numbers nested lists with their parents and resets on any other line', () => {
    const lines: PadLine[] = [
      line('number', 1, 'a'),
      line('number', 2, 'a.a'),
      line('number', 2, 'a.b'),
      line('number', 3, 'a.b.a'),
      line('number', 1, 'b'),
      line('number', 2, 'b.a'),
      line('bullet', 1, 'Punkt'),
      line('number', 1, 'neu'),
      line('indent', 2, 'eingerückt'),
      line('paragraph', 0, 'Text'),
      { ...line('number', 1, 'start wird ignoriert'), start: 7 },
    ];
    expect(linesToTxt(lines)).toBe(
      [
        '\t1. a',
        '\t\t1.1. a.a',
        '\t\t1.2. a.b',
        '\t\t\t1.2.1. a.b.a',
        // Etherpad resets only the previous line's level (3), so level 2 keeps counting: "2.3.".
        '\t2. b',
        '\t\t2.3. b.a',
        '\t* Punkt',
        '\t1. neu',
        '\t\teingerückt',
        'Text',
        '\t1. start wird ignoriert',
        '',
      ].join('\n'),
    );
  });

  it('writes a skipped parent level as 0 and a heading as plain text', () => {
    expect(linesToTxt([line('number', 2, 'tief'), line('heading', 1, 'Titel')])).toBe(
      '\t\t0.1. tief\nTitel\n',
    );
  });
});

describe('atext ↔ lines', () => {
  it('reads the formatting pad into kinds, levels, starts and character formats', () => {
    const f = parseEtherpadFile(fixture('ogd-formatierung.etherpad'));
    const lines = atextToLines(f.atext, f.pool);
    expect(lines.map((l) => [l.kind, l.level, l.start])).toEqual([
      ['paragraph', 0, undefined],
      ['paragraph', 0, undefined],
      ['paragraph', 0, undefined],
      ['number', 1, 1],
      ['number', 1, 1],
      ['number', 1, 1],
      ['paragraph', 0, undefined],
      ['bullet', 1, 1],
      ['bullet', 1, 2],
      ['bullet', 2, 3],
      ['bullet', 2, 4],
      ['bullet', 1, 5],
      ['paragraph', 0, undefined],
      ['paragraph', 0, undefined],
      ['paragraph', 0, undefined],
      ['paragraph', 0, undefined],
    ]);
    expect(lines[7]?.runs).toEqual([
      { text: 'Kurze Sätze', attrs: { bold: true } },
      { text: ', ein Gedanke pro Satz', attrs: {} },
    ]);
    expect(lines[8]?.runs).toEqual([{ text: 'Aktiv statt Passiv', attrs: { italic: true } }]);
    expect(lines[3]?.runs).toEqual([
      { text: 'Warum? ', attrs: {} },
      { text: 'Barrierefreiheitsstärkungsgesetz', attrs: { underline: true } },
      { text: ' seit 2025', attrs: {} },
    ]);
    expect(lines[11]?.runs).toEqual([
      { text: 'Fußnoten', attrs: { strikethrough: true } },
      { text: ' gestrichen', attrs: {} },
    ]);
    // The marker character is gone from the text.
    expect(lines[9]?.runs[0]?.text).toBe('„Wir zahlen“ statt „Es erfolgt eine Auszahlung“');
  });

  it.each(PADS)('%s: lines → atext gives back the exact attributed text', (name) => {
    const f = parseEtherpadFile(fixture(`${name}.etherpad`));
    expect(linesToAText(atextToLines(f.atext, f.pool), f.pool)).toEqual(f.atext);
  });

  it('writes list markers with the attributes Etherpad gives them, sorted by key', () => {
    const pool = new AttributePool();
    const atext = linesToAText(
      [
        line('bullet', 1, 'eins', { author: 'a.AAAAAAAAAAAAAAAA' }),
        line('number', 2, 'zwei', { bold: true }),
      ],
      pool,
    );
    expect(atext.text).toBe('*eins\n*zwei\n');
    const pairs = (n: string): string[] =>
      n
        .split('*')
        .slice(1)
        .map((x) => pool.get(parseInt(x, 36))?.join('=') ?? '?');
    const markers = atext.attribs.match(/((?:\*[0-9a-z]+)+)\+1/g) ?? [];
    expect(pairs(markers[0]?.replace(/\+1$/, '') ?? '')).toEqual([
      'author=a.AAAAAAAAAAAAAAAA',
      'insertorder=first',
      'list=bullet1',
      'lmkr=1',
      'start=1',
    ]);
    expect(pairs(markers[1]?.replace(/\+1$/, '') ?? '')).toEqual([
      'insertorder=first',
      'list=number2',
      'lmkr=1',
      'start=1',
    ]);
    // A bullet resets Etherpad's counters, so the nested number has a parent counter of 0.
    expect(atextToTxt(atext, pool)).toBe('\t* eins\n\t\t0.1. zwei\n');
  });

  it('numbers list items like the Etherpad editor when no start is given', () => {
    const starts = computeListStarts([
      line('number', 1, 'a'),
      line('number', 2, 'b'),
      line('number', 2, 'c'),
      line('bullet', 1, 'd'),
      line('number', 2, 'e'),
      line('indent', 1, 'f'),
      { ...line('number', 1, 'g'), start: 5 },
      line('number', 1, 'h'),
      line('paragraph', 0, 'i'),
      line('number', 1, 'j'),
    ]);
    expect(starts).toEqual([1, 1, 2, 2, 1, undefined, 5, 6, undefined, 1]);
  });

  it('writes headings as bold paragraphs by default, or as ep_headings2 line attributes', () => {
    const pool = new AttributePool();
    const heading: PadLine = line('heading', 2, 'Titel');
    const plain = atextToLines(linesToAText([heading], pool), pool);
    expect(plain).toEqual([
      { kind: 'paragraph', level: 0, runs: [{ text: 'Titel', attrs: { bold: true } }] },
    ]);
    const plugin = atextToLines(linesToAText([heading], pool, { headings: 'ep_headings2' }), pool);
    expect(plugin).toEqual([{ kind: 'heading', level: 2, runs: [{ text: 'Titel', attrs: {} }] }]);
  });

  it('keeps links (ep_embedded_hyperlinks2 url attribute) and authors', () => {
    const pool = new AttributePool();
    const lines: PadLine[] = [
      {
        kind: 'paragraph',
        level: 0,
        runs: [
          { text: 'Siehe ', attrs: { author: 'a.AAAAAAAAAAAAAAAA' } },
          { text: 'hier', attrs: { author: 'a.AAAAAAAAAAAAAAAA', link: 'https://example.org/?a=1,2' } },
        ],
      },
    ];
    expect(atextToLines(linesToAText(lines, pool), pool)).toEqual(lines);
  });

  it('treats no lines as an empty pad and refuses impossible lines', () => {
    const pool = new AttributePool();
    expect(linesToAText([], pool)).toEqual({ text: '\n', attribs: '|1+1' });
    expect(() => linesToAText([line('paragraph', 0, 'a\nb')], pool)).toThrow(
      /line 1: text contains a newline/,
    );
    expect(() => linesToAText([line('bullet', 0, 'x')], pool)).toThrow(/list level 0/);
    expect(() => linesToAText([line('heading', 9, 'x')], pool)).toThrow(/heading level 9/);
  });

  it('normalises runs: merges equal neighbours, drops empty runs and false flags', () => {
    expect(
      normalizeLines([
        {
          kind: 'paragraph',
          level: 0,
          runs: [
            { text: 'a', attrs: { bold: false } },
            { text: '', attrs: { italic: true } },
            { text: 'b', attrs: {} },
          ],
        },
      ]),
    ).toEqual([{ kind: 'paragraph', level: 0, runs: [{ text: 'ab', attrs: {} }] }]);
  });
});
