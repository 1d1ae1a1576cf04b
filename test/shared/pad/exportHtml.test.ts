import { describe, expect, it } from 'vitest';
import { parseEtherpadFile } from '../../../shared/pad/etherpad/etherpadFile.js';
import { authorClassName, escapeHtml, linesToHtml } from '../../../shared/pad/etherpad/exportHtml.js';
import { atextToLines, type PadLine } from '../../../shared/pad/etherpad/lines.js';
import { fixture, PADS } from './helpers.js';

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function body(html: string): string {
  return html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
}

/** The visible lines of an HTML body: block boundaries become line breaks, tags go. */
function visibleLines(html: string): string[] {
  const text = body(html)
    .replace(/<section class="authors">[\s\S]*<\/section>/, '')
    .replace(/<br>|<\/?(li|p|ol|ul|h[1-6])\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The text inside each formatting element, e.g. ['strong:Sessiongeberin:', …]. */
function formatted(html: string): string[] {
  const out: string[] = [];
  for (const m of body(html).matchAll(/<(strong|em|u|s)>(.*?)<\/\1>/g)) {
    out.push(`${m[1]}:${decodeEntities(m[2] ?? '')}`);
  }
  return out.sort();
}

const count = (html: string, re: RegExp): number => body(html).match(re)?.length ?? 0;

describe('HTML export', () => {
  it.each(PADS)('%s: same visible text, lists and formatting as Etherpad’s HTML', (name) => {
    const f = parseEtherpadFile(fixture(`${name}.etherpad`));
    const ours = linesToHtml(atextToLines(f.atext, f.pool), { title: name });
    const theirs = fixture(`${name}.html`);
    expect(visibleLines(ours)).toEqual(visibleLines(theirs));
    expect(formatted(ours)).toEqual(formatted(theirs));
    expect(count(ours, /<li>/g)).toBe(count(theirs, /<li>/g));
    expect(count(ours, /<ol\b/g)).toBe(count(theirs, /<ol\b/g));
    expect(count(ours, /<ul\b/g)).toBe(count(theirs, /<ul\b/g));
    expect(ours).toMatch(new RegExp(`<title>${name}</title>`));
  });

  it('nests the sub-list inside its parent item, as Etherpad does', () => {
    const f = parseEtherpadFile(fixture('ogd-formatierung.etherpad'));
    const html = linesToHtml(atextToLines(f.atext, f.pool), { title: 't' });
    expect(html).toContain(
      '<li><em>Aktiv statt Passiv</em>\n<ul class="bullet">\n<li>„Wir zahlen“ statt „Es erfolgt eine Auszahlung“</li>\n<li><strong>Fristen</strong> fett und mit Datum</li>\n</ul>\n</li>\n',
    );
    expect(html).toContain(
      '<ol class="number">\n<li>Warum? <u>Barrierefreiheitsstärkungsgesetz</u> seit 2025</li>\n',
    );
  });

  it('escapes markup in the text (the fixture’s <abbr title="…"> and <span class="fn">)', () => {
    const f = parseEtherpadFile(fixture('ogd-formatierung.etherpad'));
    const html = linesToHtml(atextToLines(f.atext, f.pool), { title: '</title><script>x</script>' });
    expect(html).toContain(
      'Vorlage: &lt;abbr title=&quot;…&quot;&gt; statt &lt;span class=&quot;fn&quot;&gt;',
    );
    expect(html).not.toMatch(/<abbr|<span class|<script/);
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>');
  });

  it('keeps only safe links and safe colours', () => {
    const lines: PadLine[] = [
      {
        kind: 'paragraph',
        level: 0,
        runs: [
          { text: 'ok', attrs: { link: 'https://example.org/?q="x"&y=<1>' } },
          { text: 'bad', attrs: { link: 'javascript:alert(1)', author: 'a.AAAAAAAAAAAAAAAA' } },
          { text: '<img src=x onerror=alert(1)>', attrs: { author: 'a.BBBBBBBBBBBBBBBB' } },
        ],
      },
    ];
    const html = linesToHtml(lines, {
      title: 't',
      authorColours: new Map([
        ['a.AAAAAAAAAAAAAAAA', 'red;background:url(https://evil)'],
        ['a.BBBBBBBBBBBBBBBB', '#c7ffd5'],
      ]),
    });
    expect(html).toContain(
      '<a href="https://example.org/?q=&quot;x&quot;&amp;y=&lt;1&gt;" rel="noreferrer noopener">ok</a>',
    );
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('evil');
    expect(html).not.toContain('<img');
    expect(html).toContain('<span class="author-a_2e_AAAAAAAAAAAAAAAA">bad</span>');
  });

  it('highlights authors in their colour and adds a legend', () => {
    const anna = 'a.3DgALc1HC0zuucif';
    const jonas = 'a.ty7gAU7EjOWACBti';
    const lines: PadLine[] = [
      {
        kind: 'paragraph',
        level: 0,
        runs: [
          { text: 'Hallo ', attrs: { author: anna } },
          { text: 'Welt', attrs: { author: jonas, bold: true } },
        ],
      },
      { kind: 'bullet', level: 1, runs: [{ text: 'Punkt', attrs: { author: anna } }] },
    ];
    const html = linesToHtml(lines, {
      title: 'Notizen',
      authorColours: new Map([
        [anna, '#ffc7c7'],
        [jonas, 'rgb(199, 255, 213)'],
      ]),
      authorNames: new Map([[anna, 'Anna <Schmidt>']]),
      legendTitle: 'Wer hat was geschrieben',
    });
    expect(html).toContain(
      `<span class="${authorClassName(anna)}" style="background-color:#ffc7c7">Hallo </span>`,
    );
    expect(html).toContain(
      `<span class="${authorClassName(jonas)}" style="background-color:rgb(199, 255, 213)"><strong>Welt</strong></span>`,
    );
    expect(html).toContain('<h2>Wer hat was geschrieben</h2>');
    const legend = html.slice(html.indexOf('<section class="authors">'));
    expect(legend.indexOf('Anna &lt;Schmidt&gt;')).toBeLessThan(legend.indexOf(jonas));
    expect(linesToHtml(lines, { title: 'x' })).not.toContain('author-');
  });

  it('writes headings, empty lines, indents and numbered starts', () => {
    const html = linesToHtml(
      [
        { kind: 'heading', level: 2, runs: [{ text: 'Titel', attrs: {} }] },
        { kind: 'paragraph', level: 0, runs: [] },
        { kind: 'number', level: 1, start: 3, runs: [{ text: 'drei', attrs: {} }] },
        { kind: 'indent', level: 1, runs: [{ text: 'eingerückt', attrs: {} }] },
      ],
      { title: 't', lang: 'en' },
    );
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(
      '<h2>Titel</h2>\n<p><br></p>\n<ol class="number" start="3">\n<li>drei</li>\n</ol>',
    );
    expect(html).toContain('<ul class="indent">\n<li>eingerückt</li>\n</ul>');
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
