import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  atextToTxt,
  checkEtherpadFile,
  linesToTxt,
  parseEtherpadFile,
} from '../../../shared/pad/etherpad/index.js';
import { atextToLines } from '../../../shared/pad/etherpad/lines.js';
import { htmlToPadDoc } from '../../../shared/pad/htmlImport.js';
import { etherpadToPad } from '../../../shared/pad/padEtherpad.js';
import { padDocToLines } from '../../../shared/pad/padLines.js';
import { describeHandouts, handoutPath } from '../../helpers/sharedHandouts.js';

/**
 * Extra check with the team's handouts (../shared/fixtures/etherpad: exports of another Etherpad
 * 2.5.3 build, by other people): the properties the pad tests check on our own fixtures.
 */
const PADS = ['barcamp-multiauthor', 'barcamp-formatting', 'barcamp-unicode-long'];
const read = (path: string): string => readFileSync(handoutPath('etherpad', path), 'utf8');

describeHandouts('Etherpad exports of the handouts', () => {
  it.each(PADS)('%s: passes the check, and its atext, HTML and pad history give Etherpad’s txt', (name) => {
    const json = read(`${name}.etherpad`);
    expect(checkEtherpadFile(json)).toEqual([]);
    const file = parseEtherpadFile(json);
    const txt = read(`${name}.txt`);
    expect(atextToTxt(file.atext, file.pool)).toBe(txt);
    expect(linesToTxt(atextToLines(file.atext, file.pool))).toBe(txt);
    expect(linesToTxt(padDocToLines(htmlToPadDoc(read(`${name}.html`))))).toBe(txt);
    const pad = etherpadToPad(file);
    expect(pad.revisions).toHaveLength(file.head + 1);
    expect(linesToTxt(padDocToLines(pad.revisions.at(-1)!.doc))).toBe(txt);
  });

  it('replays the multi-author pad to each revision’s exported text', () => {
    const pad = etherpadToPad(parseEtherpadFile(read('barcamp-multiauthor.etherpad')));
    pad.revisions.forEach((r, i) =>
      expect(linesToTxt(padDocToLines(r.doc))).toBe(read(`revs/barcamp-multiauthor.rev${i}.txt`)),
    );
  });

  it('finds what Etherpad refused in each malformed file', () => {
    const expected: Record<string, string[]> = {
      'truncated.etherpad': ['invalid-json'],
      'mismatched-padid.etherpad': ['pad-id-mismatch', 'missing-revision'],
      'corrupt-changeset.etherpad': ['invalid-changeset'],
      'atext-mismatch.etherpad': ['atext-mismatch'],
      'head-too-large.etherpad': ['missing-revision'],
      'empty-object.etherpad': ['no-pad'],
    };
    expect(readdirSync(handoutPath('etherpad', 'malformed')).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, codes] of Object.entries(expected)) {
      expect(
        checkEtherpadFile(read(`malformed/${file}`)).map((v) => v.code),
        file,
      ).toEqual(codes);
    }
  });
});
