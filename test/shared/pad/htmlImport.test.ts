import { describe, expect, it } from 'vitest';
import { linesToTxt } from '../../../shared/pad/etherpad/index.js';
import {
  HtmlImportError,
  MAX_HTML_DEPTH,
  htmlToPadDoc,
  htmlToPadDocWithReport,
  noneRemoved,
} from '../../../shared/pad/htmlImport.js';
import { checkPadDoc, normalizePadDoc, plainText } from '../../../shared/pad/padJson.js';
import { padDocToHtml } from '../../../shared/pad/padHtml.js';
import { padDocToLines } from '../../../shared/pad/padLines.js';
import { markdownToPadDoc } from '../../../shared/pad/padMarkdown.js';
import { PADS, fixture } from './helpers.js';

describe('HTML import', () => {
  it.each(PADS)('%s: Etherpad’s own HTML export imports to the same text as its txt export', (name) => {
    const doc = htmlToPadDoc(fixture(`${name}.html`));
    expect(checkPadDoc(doc)).toEqual([]);
    expect(linesToTxt(padDocToLines(doc))).toBe(fixture(`${name}.txt`));
  });

  it('keeps formatting, lists, tasks, quotes, code and safe links; drops the rest to text', () => {
    const doc = htmlToPadDoc(`<!doctype html><html><head><title>x</title><style>p{}</style></head><body>
      <h2>Titel &amp; mehr</h2><p>Ein <b>fetter</b>, <em>kursiver</em>, <u>unterstrichener</u> und <del>alter</del> Text,
      <span style="font-weight:700">auch so</span>, <code>code</code>, <a href="https://a.example/?q=1&amp;r=2">Link</a>,
      <a href="ftp://nope">kein Link</a><br>neue Zeile</p>
      <ul><li>eins<ul><li>tief</li></ul></li><li>zwei</ul>
      <ol start="4"><li>vier</ol>
      <ul data-type="taskList"><li data-checked="true">fertig</li><li data-checked="false">offen</li></ul>
      <blockquote><p>Zitat</p></blockquote><pre><code class="language-js">let a = 1;
a++;</code></pre><hr><table><tr><td>A</td><td>B</td></tr></table><p>Bild: <img src="x.png" alt="Diagramm"></p>
      <form><input name="x"><button>Senden</button></form><svg><text>weg</text></svg></body></html>`);
    expect(checkPadDoc(doc)).toEqual([]);
    const json = JSON.stringify(doc);
    for (const expected of [
      '"level":2',
      'Titel & mehr',
      '"bold"',
      '"italic"',
      '"underline"',
      '"strike"',
      '"code"',
      'https://a.example/?q=1&r=2',
      '"hardBreak"',
      '"start":4',
      '"checked":true',
      '"blockquote"',
      '"language":"js"',
      '"horizontalRule"',
      'A | B',
      'Diagramm',
    ]) {
      expect(json).toContain(expected);
    }
    for (const gone of ['ftp://', 'Senden', 'weg', 'p{}']) {
      expect(json).not.toContain(gone);
    }
  });

  it('re-imports its own export (authorship colours included) with the same content', () => {
    const doc = markdownToPadDoc(
      '# A\n\n- [x] b\n- [ ] c\n\n1. d\n2. e\n\n> f\n\n**g** *h* [i](https://x.example)\n',
    );
    const html = padDocToHtml(doc, { title: 'T', colours: true, authors: new Map() });
    expect(normalizePadDoc(htmlToPadDoc(html))).toEqual(normalizePadDoc(doc));
  });

  it.each([
    ['<p>x</p><script>alert(1)</script>', { scripts: 1 }],
    ['<p>x</p>\n<iframe src="https://evil.example"></iframe>', { frames: 1 }],
    ['<p>x</p><object data="x.swf"><embed src="y.swf"></object>', { embeds: 1 }],
    ['<p onclick="alert(1)" onmouseover="x()">x</p>', { eventHandlers: 2 }],
    ['<p>x<img src=x onerror=alert(1)></p>', { eventHandlers: 1 }],
    ['<p><a href="javascript:alert(1)">x</a></p>', { unsafeLinks: 1 }],
    ['<p><a href=" JaVaScRiPt:alert(1)">x</a></p>', { unsafeLinks: 1 }],
    ['<p><a href="data:text/html,<script>">x</a></p>', { unsafeLinks: 1 }],
    ['<p><a href="vbscript:msgbox(1)">x</a></p>', { unsafeLinks: 1 }],
    [
      '<head><style>p{}</style><link rel="stylesheet" href="https://cdn.example/a.css"></head><p>x</p>',
      { styles: 2 },
    ],
    ['<p>x<img src="https://tracker.example/p.gif" alt=""></p>', { externalReferences: 1 }],
  ])('strips active content, imports the rest and counts what it removed: %s', (html, counts) => {
    const { doc, removed } = htmlToPadDocWithReport(html);
    expect(checkPadDoc(doc)).toEqual([]);
    expect(plainText(doc)).toBe('x');
    expect(removed).toEqual({ ...noneRemoved(), ...counts });
    const json = JSON.stringify(doc);
    for (const gone of ['alert', 'javascript', 'evil.example', 'tracker.example', 'swf', 'data:']) {
      expect(json.toLowerCase()).not.toContain(gone);
    }
  });

  it('imports a page saved from a CMS: scripts, handlers and trackers go, text, links and alt text stay', () => {
    const page = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Stadt</title>
      <script src="https://cdn.example/jquery.js"></script><script>window.dataLayer=[]</script>
      <link rel="stylesheet" href="/theme.css"><style>.x{color:red}</style></head>
      <body onload="init()"><nav><a href="javascript:void(0)" onclick="menu()">Menü</a></nav>
      <h1>Bürgerhaushalt</h1><p>Die <a href="https://stadt.example/haushalt">Vorschläge</a> stehen
      <b>online</b>.<img src="https://stadt.example/logo.png" alt="Logo der Stadt"></p>
      <iframe src="https://video.example/embed/1"></iframe><noscript><img src="https://t.example/px"></noscript>
      <script>track()</script></body></html>`;
    const { doc, removed } = htmlToPadDocWithReport(page);
    expect(checkPadDoc(doc)).toEqual([]);
    expect(removed).toEqual({
      ...noneRemoved(),
      scripts: 3,
      styles: 2,
      eventHandlers: 2,
      unsafeLinks: 1,
      frames: 1,
      externalReferences: 1,
    });
    const json = JSON.stringify(doc);
    for (const kept of [
      'Menü',
      'Bürgerhaushalt',
      'https://stadt.example/haushalt',
      '"bold"',
      'Logo der Stadt',
    ]) {
      expect(json).toContain(kept);
    }
    for (const gone of ['dataLayer', 'track()', 'init()', 'menu()', 'void(0)', 'logo.png', 'color:red']) {
      expect(json).not.toContain(gone);
    }
  });

  it('refuses absurdly deep nesting with a clear error', () => {
    const deep = '<div>'.repeat(MAX_HTML_DEPTH + 5) + 'x' + '</div>'.repeat(MAX_HTML_DEPTH + 5);
    expect(() => htmlToPadDoc(deep)).toThrow(HtmlImportError);
    expect(() => htmlToPadDoc(deep)).toThrow(/nested more than 200 elements deep/);
    // Deep but allowed HTML still has to fit the pad's own nesting limit (checked before writing).
    const lists = '<ul><li>x'.repeat(60) + '</li></ul>'.repeat(60);
    expect(
      checkPadDoc(htmlToPadDoc(lists))
        .map((p) => p.message)
        .join(),
    ).toMatch(/nested more than 48 levels/);
  });

  it('handles a large document in reasonable time', () => {
    const html = '<p>Zeile mit <b>fett</b> und Text</p>\n'.repeat(50_000);
    const start = Date.now();
    const doc = htmlToPadDoc(html);
    expect(doc.content).toHaveLength(50_000);
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  it('decodes character references', () => {
    const doc = htmlToPadDoc('<p>&auml;&#246;&#xFC; &bdquo;x&ldquo; &unknown; &amp;amp;</p>');
    expect(doc.content[0]?.content?.[0]?.text).toBe('äöü „x“ &unknown; &amp;');
  });
});
