import { describe, expect, it } from 'vitest';
import { AttributePool } from '../../../shared/pad/etherpad/attributePool.js';
import { checkAText, makeChangeset } from '../../../shared/pad/etherpad/atext.js';
import {
  applyToAText,
  applyToText,
  assembleOps,
  attributionRuns,
  encodeAttribution,
  identityChangeset,
  makeAText,
  parseChangeset,
  parseNum,
  serializeChangeset,
  type Op,
} from '../../../shared/pad/etherpad/changeset.js';
import { fixtureData, PADS } from './helpers.js';

const op = (opcode: Op['opcode'], chars: number, lines = 0, attribs = ''): Op => ({
  opcode,
  chars,
  lines,
  attribs,
});

describe('changeset parsing', () => {
  it('round-trips every changeset of the real exports', () => {
    let count = 0;
    for (const name of PADS) {
      for (const [key, value] of Object.entries(fixtureData(name))) {
        if (key.includes(':revs:')) {
          const cs = value.changeset as string;
          expect(serializeChangeset(parseChangeset(cs))).toBe(cs);
          count++;
        }
      }
    }
    expect(count).toBe(7 + 4 + 6);
  });

  it('reads the header and ops of a real changeset', () => {
    // Revision 1 of the multi-author fixture.
    const c = parseChangeset(
      'Z:26>1w|1=25|2+1w$Raum: Ratsstube 2, 13:30 Uhr\nSessiongeberin: Greta Lößner, Kämmerei\n',
    );
    expect(c.oldLen).toBe(78);
    expect(c.newLen).toBe(78 + 68);
    expect(c.ops).toEqual([op('=', 77, 1), op('+', 68, 2)]);
  });

  it('counts lengths in UTF-16 code units (rev 0 of the unicode pad inserts 632 units = hk)', () => {
    const data = fixtureData('ogd-unicode-lang');
    const cs = data['pad:ogd-unicode-lang:revs:0']?.changeset as string;
    const c = parseChangeset(cs);
    expect(parseNum('hk')).toBe(632);
    expect(c.charBank.length).toBe(632);
    expect([...c.charBank].length).toBe(630);
    expect(parseChangeset('Z:1>2+2$😀').charBank).toBe('😀');
    expect(() => parseChangeset('Z:1>1+1$😀')).toThrow(/excess characters/);
  });

  it.each([
    ['Z:zz>1|garbage$x', /invalid operation: "\|garbage"/],
    ['hello', /not a changeset/],
    ['', /not a changeset/],
    ['Z:-1>1+1$x', /not a changeset/],
    ['Z:A>0$', /not a changeset/],
    ['Z:1<5$', /shrink a text of length 1 by 5/],
    ['Z:zzzzzzzzzzzzzzzzzz>0$', /too large/],
    ['Z:1>1+1$', /more characters than the char bank/],
    ['Z:1>1+1$ab', /excess characters/],
    ['Z:1>2+2$a\n', /multi-line insert must end with a newline|newlines does not match/],
    ['Z:1>2|1+2$\na', /must end with a newline/],
    ['Z:1>1|1+1$a', /newlines does not match/],
    ['Z:5<5-6$', /past the end of the old text/],
    ['Z:5>0=6$', /past the end of the old text/],
    ['Z:1>3+1$abc', /claimed new length/],
    ['Z:1>2+1+1$ab', /canonical form/],
    ['Z:1>0=1$', /canonical form/],
    ['Z:2>0+1-1$a', /canonical form/],
    ['Z:1>0', /canonical form/],
    ['Z:01>0$', /canonical form/],
    ['Z:1>1|2+1$\n', /more newlines than characters/],
  ])('rejects %j', (cs, message) => {
    expect(() => parseChangeset(cs)).toThrow(message);
  });

  it('accepts the identity changeset and a char bank containing $', () => {
    expect(identityChangeset(5)).toBe('Z:5>0$');
    expect(parseChangeset('Z:5>0$').ops).toEqual([]);
    expect(applyToText('Z:1>2+2$$$', '\n')).toBe('$$\n');
  });
});

describe('canonical op assembly', () => {
  it('merges in-line ops into a following multi-line op', () => {
    expect(assembleOps([op('+', 2), op('+', 3, 1)])).toBe('|1+5');
  });
  it('keeps in-line text after a multi-line op separate, unless another newline follows', () => {
    expect(assembleOps([op('+', 3, 1), op('+', 2)])).toBe('|1+3+2');
    expect(assembleOps([op('+', 3, 1), op('+', 2), op('+', 4, 1)])).toBe('|2+9');
  });
  it('writes deletes before inserts between keeps and drops a final plain keep', () => {
    expect(assembleOps([op('=', 2), op('+', 1), op('-', 1), op('=', 4)])).toBe('=2-1+1');
    expect(assembleOps([op('=', 2), op('=', 1, 0, '*0')])).toBe('=2*0=1');
    expect(assembleOps([op('=', 3, 1), op('=', 1)], false)).toBe('|1=3=1');
  });
  it('drops zero-length ops and splits on attribute changes', () => {
    expect(assembleOps([op('+', 0), op('+', 1, 0, '*0'), op('+', 1, 0, '*1')])).toBe('*0+1*1+1');
  });
});

describe('applying changesets', () => {
  it('replays the multi-author pad revision by revision', () => {
    const data = fixtureData('ogd-mehrautoren');
    let text = '\n';
    for (let r = 0; r <= 6; r++) {
      text = applyToText(data[`pad:ogd-mehrautoren:revs:${r}`]?.changeset as string, text);
    }
    expect(text).toBe((data['pad:ogd-mehrautoren']?.atext as { text: string }).text);
  });

  it('refuses a changeset for a different text length or newline layout', () => {
    expect(() => applyToText('Z:2>1=2+1$x', '\n')).toThrow(/expects a text of length 2/);
    expect(() => applyToText('Z:2>1|1=2+1$x', 'ab')).toThrow(
      /covers 0 newline\(s\) of the text but declares 1/,
    );
    expect(() => applyToText('Z:3>1|1=3+1$x', 'a\nb')).toThrow(/does not end at a newline|covers/);
  });

  it('changes attributes on keeps and removes them with an empty value', () => {
    const pool = new AttributePool();
    const bold = pool.put(['bold', 'true']);
    const notBold = pool.put(['bold', '']);
    const author = pool.put(['author', 'a.X']);
    const start = makeAText('Hallo Welt\n');
    const bolded = applyToAText(`Z:b>0=5*${bold}=1$`, start, pool);
    expect(bolded).toEqual({ text: 'Hallo Welt\n', attribs: `+5*${bold}+1|1+5` });
    const typed = applyToAText(`Z:b>1=5*${author}+1$!`, bolded, pool);
    expect(typed).toEqual({ text: 'Hallo! Welt\n', attribs: `+5*${author}+1*${bold}+1|1+5` });
    const unbolded = applyToAText(`Z:c>0=6*${notBold}=1$`, typed, pool);
    expect(unbolded).toEqual({ text: 'Hallo! Welt\n', attribs: `+5*${author}+1|1+6` });
  });

  it('deletes across lines and merges what is left', () => {
    const pool = new AttributePool();
    const atext = makeAText('a\nb\nc\n');
    expect(applyToAText('Z:6<2|1=2|1-2$', atext, pool)).toEqual({ text: 'a\nc\n', attribs: '|2+4' });
  });

  it('refuses an attribution string that does not match its text', () => {
    const pool = new AttributePool();
    expect(() => applyToAText('Z:1>0$', { text: '\n', attribs: '+1' }, pool)).toThrow(/declares 0 newline/);
    expect(() => applyToAText('Z:1>0$', { text: '\n', attribs: '|1+2' }, pool)).toThrow(/more characters/);
    expect(() => applyToAText('Z:1>0$', { text: '\n', attribs: '|1=1' }, pool)).toThrow(/only "\+"/);
  });
});

describe('attribution strings', () => {
  it('encodes runs canonically', () => {
    const text = 'ab\ncd\nef';
    expect(encodeAttribution(text, [{ chars: 8, attribs: '' }])).toBe('|2+6+2');
    expect(
      encodeAttribution(text, [
        { chars: 2, attribs: '*0' },
        { chars: 0, attribs: '*1' },
        { chars: 6, attribs: '*0' },
      ]),
    ).toBe('*0|2+6*0+2');
    expect(makeAText('\n')).toEqual({ text: '\n', attribs: '|1+1' });
    expect(attributionRuns({ text: 'ab\ncd\nef', attribs: '|2+6+2' })).toEqual([
      { chars: 6, attribs: '' },
      { chars: 2, attribs: '' },
    ]);
  });

  it('reports non-canonical attributed texts', () => {
    const pool = new AttributePool();
    pool.put(['bold', 'true']);
    pool.put(['author', 'a.X']);
    expect(checkAText({ text: 'ab\n', attribs: '+2|1+1' }, pool)).toEqual([
      'the attribution string is not in canonical (merged) form',
    ]);
    expect(checkAText({ text: 'ab\n', attribs: '*0*1+2|1+1' }, pool)[0]).toMatch(/canonical order/);
    expect(checkAText({ text: 'ab\n', attribs: '*7+2|1+1' }, pool)[0]).toMatch(/attribute 7 does not exist/);
    expect(checkAText({ text: 'ab', attribs: '+2' }, pool)[0]).toMatch(/newline/);
  });
});

describe('makeChangeset', () => {
  const pool = new AttributePool();
  const a = pool.put(['author', 'a.AAAAAAAAAAAAAAAA']);
  const b = pool.put(['author', 'a.BBBBBBBBBBBBBBBB']);

  it('writes revision 0 the way Etherpad does (insert before the new pad newline)', () => {
    const next = { text: 'Hallo\n', attribs: `*${a}+5|1+1` };
    expect(makeChangeset(makeAText('\n'), next)).toBe(`Z:1>5*${a}+5$Hallo`);
  });

  it('keeps common prefix and suffix (text and attributes) implicit or as keeps', () => {
    const prev = { text: 'Hallo Welt\n', attribs: `*${a}+a|1+1` };
    const next = { text: 'Hallo schöne Welt\n', attribs: `*${a}+6*${b}+7*${a}+4|1+1` };
    const cs = makeChangeset(prev, next);
    expect(cs).toBe(`Z:b>7=6*${b}+7$schöne `);
    expect(applyToAText(cs, prev, pool)).toEqual(next);
  });

  it('writes an attribute-only change as delete and re-insert of the changed range', () => {
    const prev = { text: 'ab\n', attribs: `*${a}+2|1+1` };
    const next = { text: 'ab\n', attribs: `*${a}+1*${b}+1|1+1` };
    const cs = makeChangeset(prev, next);
    expect(applyToAText(cs, prev, pool)).toEqual(next);
  });

  it('never splits a surrogate pair between keep and insert', () => {
    const prev = { text: '😀\n', attribs: `*${a}+2|1+1` };
    const next = { text: '😃\n', attribs: `*${a}+2|1+1` };
    const cs = makeChangeset(prev, next);
    expect(cs).toBe(`Z:3>0-2*${a}+2$😃`);
    expect(applyToAText(cs, prev, pool)).toEqual(next);
  });

  it('handles multi-line deletes and inserts', () => {
    const prev = { text: 'eins\nzwei\ndrei\n', attribs: `*${a}|3+f` };
    const next = { text: 'eins\nDREI\nvier\n\n', attribs: `*${a}|1+5*${b}|2+a|1+1` };
    const cs = makeChangeset(prev, next);
    expect(applyToAText(cs, prev, pool)).toEqual(next);
    expect(cs.startsWith('Z:f>1|1=5')).toBe(true);
  });
});
