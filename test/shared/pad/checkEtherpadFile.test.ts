import { describe, expect, it } from 'vitest';
import { buildEtherpadFile } from '../../../shared/pad/etherpad/buildEtherpadFile.js';
import { checkEtherpadFile, utf8Length } from '../../../shared/pad/etherpad/checkEtherpadFile.js';
import { parseEtherpadFile } from '../../../shared/pad/etherpad/etherpadFile.js';
import { ETHERPAD_IMPORT_MAX_BYTES, EtherpadFileError } from '../../../shared/pad/etherpad/problems.js';
import { toEtherpadAuthorId } from '../../../shared/pad/etherpad/authorId.js';
import { fixture, fixtureData, malformedFiles, PADS } from './helpers.js';
import { mulberry32 } from '../../../shared/random.js';

const codes = (json: string): string[] => checkEtherpadFile(json).map((v) => v.code);

describe('checkEtherpadFile', () => {
  it.each(PADS)('accepts the real export %s', (name) => {
    expect(checkEtherpadFile(fixture(`${name}.etherpad`))).toEqual([]);
  });

  const expected: Record<string, string[]> = {
    'truncated.etherpad': ['invalid-json'],
    // The renamed record is both from another pad and missing from this one.
    'mismatched-padid.etherpad': ['pad-id-mismatch', 'missing-revision'],
    'corrupt-changeset.etherpad': ['invalid-changeset'],
    'atext-mismatch.etherpad': ['atext-mismatch'],
    'head-too-large.etherpad': ['missing-revision'],
    'empty-object.etherpad': ['no-pad'],
  };

  it('covers every file in malformed/', () => {
    expect(malformedFiles()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('finds what is wrong with %s', (file, want) => {
    expect(codes(fixture(`malformed/${file}`))).toEqual(want);
  });

  it('names revisions and keys', () => {
    expect(checkEtherpadFile(fixture('malformed/corrupt-changeset.etherpad'))).toEqual([
      {
        code: 'invalid-changeset',
        key: 'pad:ogd-mehrautoren:revs:3',
        rev: 3,
        message: 'revision 3: invalid changeset: invalid operation: "|garbage"',
      },
    ]);
    expect(checkEtherpadFile(fixture('malformed/head-too-large.etherpad'))[0]?.message).toBe(
      'revisions 7–9 are missing (head is 9)',
    );
  });

  it('keeps going and lists several problems', () => {
    const data = fixtureData('ogd-mehrautoren');
    const P = 'pad:ogd-mehrautoren';
    (data[`${P}:revs:1`]?.meta as Record<string, unknown>).author = 'a.ZZZZZZZZZZZZZZZZ';
    (data[`${P}:revs:4`]?.meta as Record<string, unknown>).timestamp = -5;
    (data[P] as Record<string, unknown>).chatHead = 3;
    (data[P] as Record<string, unknown>).savedRevisions = [{ revNum: 2 }];
    data['globalAuthor:a.ty7gAU7EjOWACBti'] = { padIDs: 7 };
    expect(codes(JSON.stringify(data)).sort()).toEqual(
      ['chat', 'global-author', 'revision-record', 'saved-revisions', 'unknown-author'].sort(),
    );
  });

  it('reports files over Etherpad’s 50 MB upload limit', () => {
    const data = fixtureData('ogd-mehrautoren') as Record<string, unknown>;
    data.padding = 'x'.repeat(ETHERPAD_IMPORT_MAX_BYTES);
    expect(codes(JSON.stringify(data))).toEqual(['too-large']);
  });

  it('counts UTF-8 bytes like Node does', () => {
    for (const s of [fixture('ogd-unicode-lang.etherpad'), 'a\u00e4\u20ac😀', '\ud800x', '\udc00']) {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
  });

  it('agrees with the parser on randomly damaged files', () => {
    const authors = {
      [toEtherpadAuthorId('u1')]: { name: 'U1', colorId: 1 },
      [toEtherpadAuthorId('u2')]: { name: 'U2', colorId: 2 },
    };
    const [u1 = '', u2 = ''] = Object.keys(authors);
    const built = buildEtherpadFile({
      padId: 'p',
      authors,
      revisions: Array.from({ length: 8 }, (_, i) => ({
        lines: [
          {
            kind: 'paragraph' as const,
            level: 0,
            runs: [{ text: `Zeile ${i} 😀`, attrs: { author: i % 2 ? u1 : u2, bold: i % 3 === 0 } }],
          },
          { kind: 'bullet' as const, level: 1 + (i % 2), runs: [{ text: 'Punkt', attrs: { author: u1 } }] },
        ],
        author: i % 2 ? u1 : u2,
        timestamp: 1_700_000_000_000 + i,
      })),
      chat: [{ text: 'hi', authorId: u1, time: 1_700_000_000_000 }],
    });
    const sources = [built, ...PADS.map((p) => fixture(`${p}.etherpad`))];
    const rand = mulberry32(7);
    const int = (n: number): number => Math.floor(rand() * n);
    let refused = 0;
    for (let round = 0; round < 400; round++) {
      const data = JSON.parse(sources[round % sources.length] ?? '{}') as Record<
        string,
        Record<string, unknown>
      >;
      const keys = Object.keys(data);
      const padKey = keys.find((k) => k.split(':').length === 2 && k.startsWith('pad:')) ?? '';
      const pad = data[padKey] as Record<string, unknown>;
      const revKeys = keys.filter((k) => k.includes(':revs:'));
      const revKey = revKeys[int(revKeys.length)] ?? '';
      const rev = data[revKey] as { changeset: string; meta: Record<string, unknown> };
      switch (int(8)) {
        case 0:
          Reflect.deleteProperty(data, keys[int(keys.length)] ?? '');
          break;
        case 1:
          pad.head = (pad.head as number) + (rand() < 0.5 ? 1 : -1);
          break;
        case 2: {
          const cs = rev.changeset;
          const at = int(cs.length);
          rev.changeset = cs.slice(0, at) + '=+-|*019az$\n'[int(12)] + cs.slice(at + 1);
          break;
        }
        case 3: {
          const atext = pad.atext as { text: string; attribs: string };
          const field = rand() < 0.5 ? 'text' : 'attribs';
          const at = int(atext[field].length);
          atext[field] = atext[field].slice(0, at) + 'x' + atext[field].slice(at + 1);
          break;
        }
        case 4:
          rev.meta.author = rand() < 0.5 ? '' : toEtherpadAuthorId(`r${int(3)}`);
          break;
        case 5:
          pad.chatHead = (pad.chatHead as number) + (rand() < 0.5 ? 1 : -1);
          break;
        case 6: {
          const other = data[revKeys[int(revKeys.length)] ?? ''] as { changeset: string };
          [rev.changeset, other.changeset] = [other.changeset, rev.changeset];
          break;
        }
        default: {
          const key0 = data[`${padKey}:revs:0`] as { meta: { atext: { text: string } } } | undefined;
          if (key0 !== undefined) {
            key0.meta.atext.text = `x${key0.meta.atext.text}`;
          }
        }
      }
      const json = JSON.stringify(data);
      const found = codes(json);
      let parseCode: string | null = null;
      try {
        parseEtherpadFile(json);
      } catch (e) {
        expect(e).toBeInstanceOf(EtherpadFileError);
        parseCode = (e as EtherpadFileError).code;
      }
      if (parseCode === null) {
        expect(found, `round ${round}`).toEqual([]);
      } else {
        refused++;
        expect(found, `round ${round}: parser said ${parseCode}`).toContain(parseCode);
      }
    }
    expect(refused).toBeGreaterThan(200);
  });
});
