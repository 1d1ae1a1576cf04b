import { describe, expect, it } from 'vitest';
import {
  atextToTxt,
  checkEtherpadFile,
  linesToTxt,
  parseEtherpadFile,
} from '../../../shared/pad/etherpad/index.js';
import { etherpadToPad, padToEtherpad } from '../../../shared/pad/padEtherpad.js';
import { padDocToLines } from '../../../shared/pad/padLines.js';
import { markdownToPadDoc } from '../../../shared/pad/padMarkdown.js';
import { withAuthor } from '../../../shared/pad/padJson.js';
import { PADS, fixture } from './helpers.js';

function txtOf(revision: { doc: Parameters<typeof padDocToLines>[0] }): string {
  return linesToTxt(padDocToLines(revision.doc));
}

describe('.etherpad import and export', () => {
  it.each(PADS)('%s: every Etherpad revision becomes one of ours, with its text, time and author', (name) => {
    const file = parseEtherpadFile(fixture(`${name}.etherpad`));
    const pad = etherpadToPad(file);
    expect(pad.revisions).toHaveLength(file.head + 1);
    expect(txtOf(pad.revisions[pad.revisions.length - 1]!)).toBe(fixture(`${name}.txt`));
    pad.revisions.forEach((r, i) => {
      expect(r.time).toBe(file.revisions[i]!.timestamp);
      expect(r.authors).toEqual(file.revisions[i]!.author ? [file.revisions[i]!.author] : []);
    });
    for (const [id, author] of Object.entries(file.authors)) {
      expect(pad.authors.get(id)?.name).toBe(author.name);
      expect(pad.authors.get(id)?.colour).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('replays the multi-author history exactly (each revision’s text as Etherpad exported it)', () => {
    const pad = etherpadToPad(parseEtherpadFile(fixture('ogd-mehrautoren.etherpad')));
    pad.revisions.forEach((r, i) => expect(txtOf(r)).toBe(fixture(`revs/ogd-mehrautoren.rev${i}.txt`)));
    expect(pad.chat.map((m) => m.text)).toHaveLength(2);
  });

  it.each(PADS)(
    '%s: an exported file passes the checker and re-imports with the same text and authors',
    (name) => {
      const file = parseEtherpadFile(fixture(`${name}.etherpad`));
      const pad = etherpadToPad(file);
      const exported = padToEtherpad({
        padId: 'session-1',
        revisions: pad.revisions.map((r, i) => ({ rev: i, time: r.time, authors: r.authors, doc: r.doc })),
        authors: pad.authors,
        chat: pad.chat,
        saved: [{ rev: 1, label: 'Erster Stand', time: 1_700_000_000_000, by: '' }],
      });
      expect(checkEtherpadFile(exported)).toEqual([]);
      const again = parseEtherpadFile(exported);
      expect(atextToTxt(again.atext, again.pool)).toBe(fixture(`${name}.txt`));
      expect(again.pool.authors().sort()).toEqual(file.pool.authors().sort());
      for (const id of again.pool.authors()) {
        expect(again.authors[id]?.name).toBe(file.authors[id]?.name);
      }
      expect(again.savedRevisions[0]?.label).toBe('Erster Stand');
      expect(again.chat).toHaveLength(file.chat.length);
    },
  );

  it('exports our own users with stable Etherpad ids, names and colours', () => {
    const doc = withAuthor(markdownToPadDoc('# Notizen\n\n- eins\n- zwei\n'), 'uAbCdEfGhIjKlMnO');
    const exported = padToEtherpad({
      padId: 'x',
      revisions: [{ rev: 0, time: 1_700_000_000_000, authors: ['uAbCdEfGhIjKlMnO'], doc }],
      authors: new Map([['uAbCdEfGhIjKlMnO', { name: 'Ada', colour: '#c7ffd5' }]]),
    });
    expect(checkEtherpadFile(exported)).toEqual([]);
    const parsed = parseEtherpadFile(exported);
    const [id] = parsed.pool.authors();
    expect(id).toMatch(/^a\.[0-9A-Za-z]{16}$/);
    expect(parsed.authors[id!]).toMatchObject({ name: 'Ada', colorId: '#c7ffd5' });
    expect(atextToTxt(parsed.atext, parsed.pool)).toBe('Notizen\n\t* eins\n\t* zwei\n');
  });
});
