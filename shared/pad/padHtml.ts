/**
 * A pad as a standalone, semantic HTML document for archives and printing: headings, lists (task
 * lists as Tiptap writes them, so they re-import as tasks), quotes, code, links (safe schemes
 * only). With authorship colours, every run shows its author's background colour (a class per
 * author plus an inline style, like Etherpad's createDiffHTML) and a legend lists the authors.
 * All text is escaped; nothing from the pad becomes markup.
 */

import { authorClassName, escapeHtml } from './etherpad/exportHtml.js';
import { readableAuthorColour } from './authorColours.js';
import { MARK, NODE, SAFE_LINK, authorsIn, type PadDoc, type PadNode } from './padJson.js';

/** Options for {@link padDocToHtml}. */
export interface PadHtmlOptions {
  title: string;
  lang?: string;
  /** Authors by id; given together with `colours: true`, runs are highlighted and a legend added. */
  authors?: ReadonlyMap<string, { name: string; colour: string }>;
  colours?: boolean;
  /** Heading of the legend (default "Autor:innen"). */
  legendTitle?: string;
  /** Name for an author without one (default "Unbekannt"). */
  unnamed?: string;
}

function inlineHtml(content: readonly PadNode[] | undefined, options: PadHtmlOptions): string {
  return (content ?? [])
    .map((node) => {
      if (node.type === NODE.hardBreak) {
        return '<br>';
      }
      if (node.type !== NODE.text) {
        return '';
      }
      let html = escapeHtml(node.text ?? '');
      const has = (t: string): boolean => node.marks?.some((m) => m.type === t) === true;
      if (has(MARK.code)) {
        html = `<code>${html}</code>`;
      }
      if (has(MARK.strike)) {
        html = `<s>${html}</s>`;
      }
      if (has(MARK.underline)) {
        html = `<u>${html}</u>`;
      }
      if (has(MARK.italic)) {
        html = `<em>${html}</em>`;
      }
      if (has(MARK.bold)) {
        html = `<strong>${html}</strong>`;
      }
      const author = node.marks?.find((m) => m.type === MARK.author)?.attrs?.id;
      if (options.colours === true && typeof author === 'string') {
        const colour = readableAuthorColour(options.authors?.get(author)?.colour ?? '#dddddd');
        html = `<span class="${escapeHtml(authorClassName(author))}" style="background-color:${colour}">${html}</span>`;
      }
      const href = node.marks?.find((m) => m.type === MARK.link)?.attrs?.href;
      if (typeof href === 'string' && SAFE_LINK.test(href)) {
        html = `<a href="${escapeHtml(href)}" rel="noreferrer noopener">${html}</a>`;
      }
      return html;
    })
    .join('');
}

function blockHtml(node: PadNode, options: PadHtmlOptions): string {
  switch (node.type) {
    case NODE.paragraph: {
      const inner = inlineHtml(node.content, options);
      return `<p>${inner === '' ? '<br>' : inner}</p>`;
    }
    case NODE.heading: {
      const level = Math.min(Math.max(Number(node.attrs?.level) || 1, 1), 6);
      return `<h${level}>${inlineHtml(node.content, options)}</h${level}>`;
    }
    case NODE.codeBlock: {
      const lang =
        typeof node.attrs?.language === 'string' && /^[\w+#-]+$/.test(node.attrs.language)
          ? node.attrs.language
          : '';
      return `<pre><code${lang ? ` class="language-${lang}"` : ''}>${inlineHtml(
        (node.content ?? []).map((n) => ({
          ...n,
          marks: n.marks?.filter((m) => m.type === MARK.author) ?? [],
        })),
        options,
      )}</code></pre>`;
    }
    case NODE.horizontalRule:
      return '<hr>';
    case NODE.blockquote:
      return `<blockquote>\n${blocksHtml(node.content, options)}\n</blockquote>`;
    case NODE.bulletList:
      return `<ul>\n${itemsHtml(node.content, options)}\n</ul>`;
    case NODE.orderedList: {
      const start =
        typeof node.attrs?.start === 'number' && node.attrs.start !== 1 ? ` start="${node.attrs.start}"` : '';
      return `<ol${start}>\n${itemsHtml(node.content, options)}\n</ol>`;
    }
    case NODE.taskList:
      return `<ul data-type="taskList" class="tasks">\n${itemsHtml(node.content, options)}\n</ul>`;
    default:
      return blocksHtml(node.content, options);
  }
}

function itemsHtml(items: readonly PadNode[] | undefined, options: PadHtmlOptions): string {
  return (items ?? [])
    .map((item) => {
      const blocks = item.content ?? [];
      const [first, ...rest] = blocks;
      const head =
        first?.type === NODE.paragraph
          ? inlineHtml(first.content, options)
          : first
            ? blockHtml(first, options)
            : '';
      const tail = rest.length > 0 ? `\n${blocksHtml(rest, options)}\n` : '';
      if (item.type === NODE.taskItem) {
        const checked = item.attrs?.checked === true;
        return `<li data-type="taskItem" data-checked="${checked}"><input type="checkbox" disabled${checked ? ' checked' : ''}> ${head}${tail}</li>`;
      }
      return `<li>${head}${tail}</li>`;
    })
    .join('\n');
}

function blocksHtml(blocks: readonly PadNode[] | undefined, options: PadHtmlOptions): string {
  return (blocks ?? []).map((b) => blockHtml(b, options)).join('\n');
}

function legendHtml(doc: PadDoc, options: PadHtmlOptions): string {
  if (options.colours !== true) {
    return '';
  }
  const ids = authorsIn(doc);
  if (ids.length === 0) {
    return '';
  }
  const items = ids.map((id) => {
    const author = options.authors?.get(id);
    const colour = readableAuthorColour(author?.colour ?? '#dddddd');
    const name = author?.name.trim() || (options.unnamed ?? 'Unbekannt');
    return `<li><span class="${escapeHtml(authorClassName(id))}" style="background-color:${colour}">${escapeHtml(name)}</span></li>`;
  });
  return `\n<section class="authors">\n<h2>${escapeHtml(options.legendTitle ?? 'Autor:innen')}</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>`;
}

const CSS = `body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1f26; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
a { color: #0b4f8c; }
blockquote { border-left: 4px solid #d5d9e0; margin: 0 0 0.75rem; padding-left: 1rem; }
pre { background: #f4f5f7; padding: 0.75rem; overflow-x: auto; }
ul.tasks { list-style: none; padding-left: 1.25rem; }
.authors { margin-top: 2rem; border-top: 1px solid #d5d9e0; }`;

/** The pad's blocks (and the authors' legend, with colours) as HTML to put inside a page's body. */
export function padDocToHtmlBody(doc: PadDoc, options: PadHtmlOptions): string {
  return `${blocksHtml(doc.content, options)}${legendHtml(doc, options)}`;
}

/** The pad as a standalone HTML document. */
export function padDocToHtml(doc: PadDoc, options: PadHtmlOptions): string {
  const lang = escapeHtml(options.lang ?? 'de');
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="generator" content="Mitschrift">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    padDocToHtmlBody(doc, options),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
