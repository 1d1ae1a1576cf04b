import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  atextToLines,
  linesToTxt,
  normalizeLines,
  parseEtherpadFile,
  type PadLine,
} from '../../../shared/pad/etherpad/index.js';
import { readPadContent, writePadContent } from '../../../shared/pad/padContent.js';
import { checkPadDoc } from '../../../shared/pad/padJson.js';
import { linesToPadDoc, padDocToLines } from '../../../shared/pad/padLines.js';
import { markdownToPadDoc } from '../../../shared/pad/padMarkdown.js';
import { PADS, fixture } from './helpers.js';

const line = (kind: PadLine['kind'], level: number, text: string, author?: string): PadLine => ({
  kind,
  level,
  runs: text === '' ? [] : [{ text, attrs: author ? { author } : {} }],
});

/** Lines → pad → Yjs → pad → lines. */
function roundTrip(lines: PadLine[]): PadLine[] {
  const doc = new Y.Doc();
  const padDoc = linesToPadDoc(lines);
  expect(checkPadDoc(padDoc)).toEqual([]);
  doc.transact(() => writePadContent(doc, padDoc));
  return padDocToLines(readPadContent(doc));
}

describe('pad ↔ Etherpad lines', () => {
  it.each(PADS)('%s: the txt export of the imported pad is exactly Etherpad’s', (name) => {
    const file = parseEtherpadFile(fixture(`${name}.etherpad`));
    const lines = atextToLines(file.atext, file.pool);
    expect(linesToTxt(roundTrip(lines))).toBe(fixture(`${name}.txt`));
    expect(normalizeLines(roundTrip(lines)).map((l) => ({ ...l, start: undefined }))).toEqual(
      normalizeLines(lines).map((l) => ({ ...l, start: undefined })),
    );
  });

  it('keeps list levels that skip a step, indents, and continuation lines', () => {
    const lines = [
      line('bullet', 1, 'eins', 'a.AAAAAAAAAAAAAAAA'),
      line('bullet', 3, 'drei tief'),
      line('bullet', 2, 'zwei'),
      line('indent', 2, 'Fortsetzung'),
      line('number', 1, 'n1'),
      line('number', 2, 'n1.1'),
      line('indent', 1, 'eingerückt'),
      line('indent', 3, 'tief eingerückt'),
      line('paragraph', 0, ''),
      line('heading', 2, 'Überschrift'),
      line('bullet', 1, '[x] erledigt'),
      line('bullet', 1, '[ ] offen'),
      line('bullet', 1, 'normal'),
    ];
    expect(normalizeLines(roundTrip(lines))).toEqual(normalizeLines(lines));
  });

  it('writes tasks, quotes, code, rules and hard breaks as Etherpad can show them', () => {
    const doc = markdownToPadDoc(
      '- [ ] offen\n- [x] fertig\n\n> Zitat\n\n```\nzeile 1\nzeile 2\n```\n\n---\n\nerste\\\nzweite\n',
    );
    const txt = linesToTxt(padDocToLines(doc));
    expect(txt).toBe('\t* [ ] offen\n\t* [x] fertig\n\tZitat\nzeile 1\nzeile 2\n---\nerste\nzweite\n');
  });

  it('maps authors both ways (our ids to Etherpad ids on export)', () => {
    const doc = linesToPadDoc([line('paragraph', 0, 'x', 'u123')]);
    const out = padDocToLines(doc, { authorId: (id) => `mapped-${id}` });
    expect(out[0]?.runs[0]?.attrs.author).toBe('mapped-u123');
  });
});
