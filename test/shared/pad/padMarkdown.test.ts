import { describe, expect, it } from 'vitest';
import { checkPadDoc, normalizePadDoc, withAuthor } from '../../../shared/pad/padJson.js';
import { markdownToPadDoc, padDocToMarkdown, textToPadDoc } from '../../../shared/pad/padMarkdown.js';

const sample = `# Barrierefreiheit im Web

**Sessiongeberin:** Leyla Yılmaz – *Raum A*, 14:00 Uhr\\
zweite Zeile mit ~~alt~~ <u>neu</u> und \`<button>\`

## Agenda

1. Warum? BFSG ab **Juni 2025**
2. Screenreader-Demo
   - NVDA
   - VoiceOver

- [ ] Kontraste prüfen
- [x] Tastatur testen

> Semantisches HTML vor ARIA
> (Zitat)

\`\`\`html
<div onclick="…">
\`\`\`

---

Mehr: [W3C WAI](https://www.w3.org/WAI/) und <https://example.org>. Sternchen: \\*nicht kursiv\\*, snake_case_name.
`;

describe('Markdown', () => {
  it('parses the supported syntax into valid pad content', () => {
    const doc = markdownToPadDoc(sample);
    expect(checkPadDoc(doc)).toEqual([]);
    expect(doc.content.map((n) => n.type)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'orderedList',
      'taskList',
      'blockquote',
      'codeBlock',
      'horizontalRule',
      'paragraph',
    ]);
    const json = JSON.stringify(doc);
    expect(json).toContain('"hardBreak"');
    expect(json).toContain('{"type":"strike"}');
    expect(json).toContain('{"type":"underline"}');
    expect(json).toContain('"href":"https://www.w3.org/WAI/"');
    expect(json).toContain('*nicht kursiv*');
    expect(json).toContain('snake_case_name');
  });

  it('exports what it imports (round trip)', () => {
    const doc = markdownToPadDoc(sample);
    const again = markdownToPadDoc(padDocToMarkdown(doc));
    expect(normalizePadDoc(again)).toEqual(normalizePadDoc(doc));
  });

  it('escapes text that would read as Markdown, and drops authorship', () => {
    const doc = withAuthor(textToPadDoc('# kein Titel\n*kein* [Link](x)\n1. keine Liste'), 'u1');
    const md = padDocToMarkdown(doc);
    expect(md).not.toContain('u1');
    expect(normalizePadDoc(markdownToPadDoc(md))).toEqual(
      normalizePadDoc(textToPadDoc('# kein Titel\n*kein* [Link](x)\n1. keine Liste')),
    );
  });

  it('reads plain text as one paragraph per line', () => {
    expect(textToPadDoc('a\n\nb\n').content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
      { type: 'paragraph' },
      { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
    ]);
  });
});
