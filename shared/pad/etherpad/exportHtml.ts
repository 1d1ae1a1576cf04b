/**
 * A clean, standalone HTML document from pad lines, for archives and printing. Not a copy of
 * Etherpad's HTML export (which writes `<br>`-separated lines and lists nested directly inside
 * lists); ours nests lists inside their parent item, as valid HTML requires, and can show
 * authorship colours with a legend, which Etherpad's plain HTML export never does.
 */

import { isListKind, type PadLine, type PadRun } from './lines.js';

/** Options for `linesToHtml`. */
export interface HtmlExportOptions {
  /** The document title (`<title>`). */
  title: string;
  /** Document language (`<html lang>`); default `de`. */
  lang?: string;
  /** When given, runs are highlighted in their author's colour and a legend lists the authors. */
  authorColours?: ReadonlyMap<string, string>;
  /** Names for the legend; an author without a name is listed by id. */
  authorNames?: ReadonlyMap<string, string>;
  /** Heading of the legend; default "Autor:innen". */
  legendTitle?: string;
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

/** A class name for an author id that is safe in HTML and CSS (`a.X1` → `author-a_2e_X1`). */
export function authorClassName(authorId: string): string {
  return `author-${authorId.replace(/[^A-Za-z0-9-]/g, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}_`)}`;
}

// Only plain colour syntaxes get into a style attribute, so a colour cannot inject CSS.
const safeColour = /^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]+\)|[a-zA-Z]{1,30})$/;

function colourStyle(colour: string | undefined): string | null {
  return colour !== undefined && safeColour.test(colour) ? `background-color:${colour}` : null;
}

// Links keep only schemes that cannot run code when clicked.
const safeLink = /^(https?:|mailto:)/i;

function renderRun(run: PadRun, options: HtmlExportOptions): string {
  let html = escapeHtml(run.text);
  const a = run.attrs;
  if (a.strikethrough === true) {
    html = `<s>${html}</s>`;
  }
  if (a.underline === true) {
    html = `<u>${html}</u>`;
  }
  if (a.italic === true) {
    html = `<em>${html}</em>`;
  }
  if (a.bold === true) {
    html = `<strong>${html}</strong>`;
  }
  if (options.authorColours !== undefined && a.author !== undefined && a.author !== '') {
    const style = colourStyle(options.authorColours.get(a.author));
    const styleAttr = style === null ? '' : ` style="${escapeHtml(style)}"`;
    html = `<span class="${escapeHtml(authorClassName(a.author))}"${styleAttr}>${html}</span>`;
  }
  if (a.link !== undefined && safeLink.test(a.link)) {
    html = `<a href="${escapeHtml(a.link)}" rel="noreferrer noopener">${html}</a>`;
  }
  return html;
}

function renderContent(line: PadLine, options: HtmlExportOptions): string {
  return line.runs.map((r) => renderRun(r, options)).join('');
}

interface OpenList {
  tag: 'ul' | 'ol';
  kind: PadLine['kind'];
  itemOpen: boolean;
  /** Whether the open item holds a nested list (then its `</li>` goes on a line of its own). */
  itemHasList: boolean;
}

function openTag(line: PadLine): string {
  if (line.kind === 'number') {
    const start = line.start !== undefined && line.start !== 1 ? ` start="${line.start}"` : '';
    return `<ol class="number"${start}>`;
  }
  return `<ul class="${line.kind === 'indent' ? 'indent' : 'bullet'}">`;
}

function renderBody(lines: readonly PadLine[], options: HtmlExportOptions): string {
  const out: string[] = [];
  const stack: OpenList[] = [];
  const closeItem = (list: OpenList): void => {
    if (!list.itemOpen) {
      return;
    }
    if (list.itemHasList || out.length === 0) {
      out.push('</li>');
    } else {
      out[out.length - 1] += '</li>';
    }
    list.itemOpen = false;
    list.itemHasList = false;
  };
  const closeTop = (): void => {
    const top = stack.pop();
    if (top !== undefined) {
      closeItem(top);
      out.push(`</${top.tag}>`);
    }
  };
  for (const line of lines) {
    if (!isListKind(line.kind)) {
      while (stack.length > 0) {
        closeTop();
      }
      const content = renderContent(line, options);
      if (line.kind === 'heading') {
        const n = Math.min(Math.max(line.level, 1), 6);
        out.push(`<h${n}>${content}</h${n}>`);
      } else {
        // An empty paragraph still takes a line, as it does in the pad.
        out.push(`<p>${content === '' ? '<br>' : content}</p>`);
      }
      continue;
    }
    const level = Math.max(line.level, 1);
    const tag = line.kind === 'number' ? 'ol' : 'ul';
    while (stack.length > level) {
      closeTop();
    }
    const top = stack[stack.length - 1];
    if (stack.length === level && top !== undefined && top.kind !== line.kind) {
      closeTop();
    }
    while (stack.length < level) {
      const parent = stack[stack.length - 1];
      if (parent !== undefined) {
        if (!parent.itemOpen) {
          // A level was skipped: nest inside an empty item, the only valid place for a list.
          out.push('<li class="nested">');
          parent.itemOpen = true;
        }
        parent.itemHasList = true;
      }
      out.push(openTag(line));
      stack.push({ tag, kind: line.kind, itemOpen: false, itemHasList: false });
    }
    const current = stack[stack.length - 1];
    if (current !== undefined) {
      closeItem(current);
      out.push(`<li>${renderContent(line, options)}`);
      current.itemOpen = true;
    }
  }
  while (stack.length > 0) {
    closeTop();
  }
  return out.join('\n');
}

function renderLegend(lines: readonly PadLine[], options: HtmlExportOptions): string {
  const colours = options.authorColours;
  if (colours === undefined) {
    return '';
  }
  const seen: string[] = [];
  for (const line of lines) {
    for (const run of line.runs) {
      const id = run.attrs.author;
      if (id !== undefined && id !== '' && !seen.includes(id)) {
        seen.push(id);
      }
    }
  }
  if (seen.length === 0) {
    return '';
  }
  const items = seen.map((id) => {
    const style = colourStyle(colours.get(id));
    const styleAttr = style === null ? '' : ` style="${escapeHtml(style)}"`;
    const name = options.authorNames?.get(id) ?? id;
    return `<li><span class="${escapeHtml(authorClassName(id))}"${styleAttr}>${escapeHtml(name)}</span></li>`;
  });
  const title = escapeHtml(options.legendTitle ?? 'Autor:innen');
  return `\n<section class="authors">\n<h2>${title}</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>`;
}

const css = `body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
p { margin: 0; }
ul.indent { list-style-type: none; }
li.nested { list-style-type: none; }
.authors { margin-top: 2rem; border-top: 1px solid #ccc; }`;

/** Renders pad lines as a standalone HTML document (text escaped, lists nested, formatting kept). */
export function linesToHtml(lines: readonly PadLine[], options: HtmlExportOptions): string {
  const lang = escapeHtml(options.lang ?? 'de');
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body>',
    `${renderBody(lines, options)}${renderLegend(lines, options)}`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
