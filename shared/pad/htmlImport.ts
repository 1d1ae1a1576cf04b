/**
 * HTML → pad, with a strict allowlist and without a DOM (the core runs in Node; shared code has no
 * DOMPurify). A small tokenizer and a forgiving tree builder (implied end tags for p and li, void
 * elements, stray end tags ignored) feed a converter that knows only these elements:
 *
 *   blocks   p div section article header footer main aside nav figure figcaption address
 *            center dd dt details summary body html · h1–h6 · ul ol li (Tiptap's
 *            data-type="taskList"/data-checked and <input type=checkbox> make task lists)
 *            blockquote · pre (with <code class="language-x">) · hr · table rows (cells joined)
 *   inline   b strong · i em cite dfn var · u ins · s strike del · code kbd samp tt
 *            a[href] (http, https, mailto, tel only) · br · span/font with bold, italic,
 *            underline or line-through in its style (as Google Docs and Word write it) · img (alt)
 *
 * Everything else contributes its text only; head, style, title, template, svg, math, noscript
 * and the like contribute nothing. Active content is REFUSED with a clear error rather than
 * silently stripped, so nobody imports a saved web page believing it came through whole:
 * script, iframe, frame(set), object, embed, applet, `on…` event attributes, and links or sources
 * with `javascript:`/`vbscript:`/`data:` URLs. Nesting deeper than {@link MAX_HTML_DEPTH} and
 * more than {@link MAX_HTML_ELEMENTS} elements are refused too.
 */

import {
  MARK,
  NODE,
  SAFE_LINK,
  emptyPadDoc,
  normalizePadDoc,
  textNode,
  type PadDoc,
  type PadMark,
  type PadNode,
} from './padJson.js';

/** Deepest element nesting accepted. */
export const MAX_HTML_DEPTH = 200;
/** Most elements accepted. */
export const MAX_HTML_ELEMENTS = 200_000;

/** Why an HTML file was refused. */
export class HtmlImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HtmlImportError';
  }
}

interface Element {
  tag: string;
  attrs: Map<string, string>;
  children: (Element | string)[];
  /** Offset of the start tag in the source (its line is computed only for error messages). */
  at: number;
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
]);
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
]);
const ACTIVE = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet']);
const DROP = new Set([
  'head',
  'style',
  'title',
  'template',
  'svg',
  'math',
  'noscript',
  'noembed',
  'noframes',
  'select',
  'option',
  'button',
  'textarea',
  'canvas',
  'video',
  'audio',
  'map',
  'meta',
  'link',
  'base',
  'datalist',
  'dialog',
  'form',
]);
const BLOCK_CONTAINERS = new Set([
  'html',
  'body',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'address',
  'center',
  'dl',
  'dd',
  'dt',
  'details',
  'summary',
  'fieldset',
  'legend',
  'hgroup',
  'search',
]);
/** Start tags that close an open <p> (HTML's rule, shortened). */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
  'li',
  'center',
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  middot: '·',
  bull: '•',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  oacute: 'ó',
  ograve: 'ò',
  ocirc: 'ô',
  uacute: 'ú',
  ugrave: 'ù',
  ucirc: 'û',
  iacute: 'í',
  igrave: 'ì',
  icirc: 'î',
  ccedil: 'ç',
  ntilde: 'ñ',
  Eacute: 'É',
  Egrave: 'È',
  Ccedil: 'Ç',
  Ntilde: 'Ñ',
  aring: 'å',
  Aring: 'Å',
  oslash: 'ø',
  Oslash: 'Ø',
  aelig: 'æ',
  AElig: 'Æ',
  iexcl: '¡',
  iquest: '¿',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  check: '✓',
  zwj: '\u200d',
  zwnj: '\u200c',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  minus: '−',
  le: '≤',
  ge: '≥',
  ne: '≠',
  infin: '∞',
  micro: 'µ',
};

/** Decodes character references in text or an attribute value. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g,
    (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const code =
          ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          return '\ufffd';
        }
        return String.fromCodePoint(code);
      }
      const named = NAMED_ENTITIES[ref];
      return named === undefined || !whole.endsWith(';') ? (named ?? whole) : named;
    },
  );
}

const DANGEROUS_URL = /^\s*(javascript|vbscript|data|livescript):/i;

function lineAt(html: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < html.length; i++) {
    if (html.charCodeAt(i) === 10) {
      line++;
    }
  }
  return line;
}

/** Parses HTML into a tree, refusing active content and absurd nesting (see the module comment). */
function parseTree(html: string): Element {
  const root: Element = { tag: '#root', attrs: new Map(), children: [], at: 0 };
  const stack: Element[] = [root];
  let elements = 0;
  let i = 0;
  const top = (): Element => stack[stack.length - 1] as Element;
  const appendText = (text: string): void => {
    if (text === '') {
      return;
    }
    const children = top().children;
    const last = children[children.length - 1];
    if (typeof last === 'string') {
      children[children.length - 1] = last + text;
    } else {
      children.push(text);
    }
  };
  const popTo = (tag: string): boolean => {
    for (let k = stack.length - 1; k > 0; k--) {
      if ((stack[k] as Element).tag === tag) {
        stack.length = k;
        return true;
      }
    }
    return false;
  };
  const refuse = (what: string, at: number): never => {
    throw new HtmlImportError(
      `The HTML contains ${what} (line ${lineAt(html, at)}). Mitschrift does not import active content; ` +
        'save the page as plain HTML or copy the text, and try again. Nothing was imported.',
    );
  };

  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      appendText(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i) {
      appendText(decodeEntities(html.slice(i, lt)));
    }
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', i)) {
      const end = html.indexOf(']]>', i + 9);
      appendText(html.slice(i + 9, end === -1 ? html.length : end));
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const end = html.indexOf('>', i + 2);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const endTag = /^<\/([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>/.exec(html.slice(i, i + 300));
    if (endTag) {
      const tag = (endTag[1] ?? '').toLowerCase();
      if (tag === 'p' && !stack.some((e) => e.tag === 'p')) {
        // A stray </p> makes an empty paragraph in browsers.
        top().children.push({ tag: 'p', attrs: new Map(), children: [], at: i });
      } else {
        popTo(tag);
      }
      i += endTag[0].length;
      continue;
    }
    const open = /^<([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(i, i + 100));
    if (!open) {
      appendText('<');
      i += 1;
      continue;
    }
    const tag = (open[1] ?? '').toLowerCase();
    // Attributes up to the closing '>' (quotes may hide a '>').
    let j = i + open[0].length;
    const attrs = new Map<string, string>();
    let selfClosing = false;
    for (;;) {
      while (j < html.length && /\s/.test(html[j] ?? '')) {
        j++;
      }
      if (j >= html.length) {
        break;
      }
      if (html[j] === '>') {
        j++;
        break;
      }
      if (html.startsWith('/>', j)) {
        selfClosing = true;
        j += 2;
        break;
      }
      const name = /^[^\s/>=]+/.exec(html.slice(j, j + 200))?.[0];
      if (name === undefined) {
        j++;
        continue;
      }
      j += name.length;
      while (j < html.length && /\s/.test(html[j] ?? '')) {
        j++;
      }
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html[j] ?? '')) {
          j++;
        }
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end === -1 ? html.length : end);
          j = end === -1 ? html.length : end + 1;
        } else {
          const raw = /^[^\s>]*/.exec(html.slice(j, j + 4000))?.[0] ?? '';
          value = raw;
          j += raw.length;
        }
      }
      const key = name.toLowerCase();
      if (!attrs.has(key)) {
        attrs.set(key, decodeEntities(value));
      }
    }
    if (ACTIVE.has(tag)) {
      refuse(`a <${tag}> element`, i);
    }
    for (const [key, value] of attrs) {
      if (key.startsWith('on')) {
        refuse(`an event handler attribute (${key}="…") on <${tag}>`, i);
      }
      if (
        (key === 'href' ||
          key === 'src' ||
          key === 'action' ||
          key === 'formaction' ||
          key === 'xlink:href') &&
        DANGEROUS_URL.test(value) &&
        !(key === 'src' && tag === 'img' && /^\s*data:image\//i.test(value))
      ) {
        refuse(`a ${value.trim().split(':')[0]?.toLowerCase() ?? ''}: URL in <${tag} ${key}>`, i);
      }
    }
    elements++;
    if (elements > MAX_HTML_ELEMENTS) {
      throw new HtmlImportError(
        `The HTML has more than ${MAX_HTML_ELEMENTS} elements; that is not a notes page. Nothing was imported.`,
      );
    }
    // Implied end tags.
    if (CLOSES_P.has(tag)) {
      const pAt = stack.map((e) => e.tag).lastIndexOf('p');
      const barrier = Math.max(
        stack.map((e) => e.tag).lastIndexOf('li'),
        stack.map((e) => e.tag).lastIndexOf('blockquote'),
        stack.map((e) => e.tag).lastIndexOf('td'),
      );
      if (pAt > barrier && pAt > 0) {
        stack.length = pAt;
      }
    }
    if (tag === 'li') {
      for (let k = stack.length - 1; k > 0; k--) {
        const t = (stack[k] as Element).tag;
        if (t === 'ul' || t === 'ol') {
          break;
        }
        if (t === 'li') {
          stack.length = k;
          break;
        }
      }
    }
    const element: Element = { tag, attrs, children: [], at: i };
    top().children.push(element);
    i = j;
    if (RAW_TEXT.has(tag)) {
      const closing = new RegExp(`</${tag}`, 'gi');
      closing.lastIndex = i;
      const close = closing.exec(html)?.index ?? -1;
      const end = close === -1 ? html.length : close;
      if (tag === 'textarea' || tag === 'title') {
        element.children.push(decodeEntities(html.slice(i, end)));
      }
      const gt = close === -1 ? -1 : html.indexOf('>', close);
      i = gt === -1 ? html.length : gt + 1;
      continue;
    }
    if (!VOID.has(tag) && !selfClosing) {
      stack.push(element);
      if (stack.length > MAX_HTML_DEPTH) {
        throw new HtmlImportError(
          `The HTML is nested more than ${MAX_HTML_DEPTH} elements deep (line ${lineAt(html, element.at)}); a notes page never is. Nothing was imported.`,
        );
      }
    }
  }
  return root;
}

// ---------------------------------------------------------------- tree → pad

interface Inline {
  marks: PadMark[];
  pre: boolean;
}

function styleMarks(style: string | undefined): string[] {
  if (style === undefined) {
    return [];
  }
  const out: string[] = [];
  const s = style.toLowerCase();
  if (/font-weight\s*:\s*(bold|bolder|[6-9]00)/.test(s)) {
    out.push(MARK.bold);
  }
  if (/font-style\s*:\s*italic/.test(s)) {
    out.push(MARK.italic);
  }
  if (/text-decoration[^;]*underline/.test(s)) {
    out.push(MARK.underline);
  }
  if (/text-decoration[^;]*line-through/.test(s)) {
    out.push(MARK.strike);
  }
  return out;
}

function addMark(marks: PadMark[], mark: PadMark): PadMark[] {
  return marks.some((m) => m.type === mark.type) ? marks : [...marks, mark];
}

function inlineMarksFor(el: Element, marks: PadMark[]): PadMark[] {
  let out = marks;
  switch (el.tag) {
    case 'b':
    case 'strong':
      out = addMark(out, { type: MARK.bold });
      break;
    case 'i':
    case 'em':
    case 'cite':
    case 'dfn':
    case 'var':
      out = addMark(out, { type: MARK.italic });
      break;
    case 'u':
    case 'ins':
      out = addMark(out, { type: MARK.underline });
      break;
    case 's':
    case 'strike':
    case 'del':
      out = addMark(out, { type: MARK.strike });
      break;
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      // Code excludes the other formatting marks in the editor.
      out = [...out.filter((m) => m.type === MARK.link), { type: MARK.code }];
      break;
    case 'a': {
      const href = el.attrs.get('href')?.trim();
      if (href !== undefined && SAFE_LINK.test(href)) {
        out = [...out.filter((m) => m.type !== MARK.link), { type: MARK.link, attrs: { href } }];
      }
      break;
    }
  }
  for (const name of styleMarks(el.attrs.get('style'))) {
    if (!out.some((m) => m.type === MARK.code)) {
      out = addMark(out, { type: name });
    }
  }
  return out;
}

const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

class Converter {
  /** Collects inline content until a block boundary flushes it into a paragraph. */
  private pending: PadNode[] = [];

  private pushText(text: string, ctx: Inline): void {
    let t = text;
    if (!ctx.pre) {
      t = t.replace(/[\t\n\r\f ]+/g, ' ');
    }
    if (t === '') {
      return;
    }
    const last = this.pending[this.pending.length - 1];
    if (last?.type === NODE.text && JSON.stringify(last.marks ?? []) === JSON.stringify(ctx.marks)) {
      last.text = (last.text ?? '') + t;
    } else {
      this.pending.push(textNode(t, ctx.marks));
    }
  }

  private inline(node: Element | string, ctx: Inline, out: PadNode[], inBlockContext: boolean): void {
    if (typeof node === 'string') {
      this.pushText(node, ctx);
      return;
    }
    if (DROP.has(node.tag)) {
      return;
    }
    if (node.tag === 'br') {
      if (inBlockContext) {
        this.flush(out, true);
      } else {
        this.pending.push({ type: NODE.hardBreak });
      }
      return;
    }
    if (node.tag === 'img') {
      const alt = node.attrs.get('alt')?.trim();
      if (alt) {
        this.pushText(alt, ctx);
      }
      return;
    }
    if (node.tag === 'input') {
      return;
    }
    const marks = inlineMarksFor(node, ctx.marks);
    for (const child of node.children) {
      this.inline(child, { ...ctx, marks }, out, inBlockContext);
    }
  }

  /** Turns pending inline content into a paragraph (dropping one made only of spaces). */
  private flush(out: PadNode[], keepEmpty = false): void {
    const content = trimInline(this.pending);
    this.pending = [];
    if (content.length > 0 || keepEmpty) {
      out.push(content.length > 0 ? { type: NODE.paragraph, content } : { type: NODE.paragraph });
    }
  }

  private isBlockElement(node: Element | string): boolean {
    if (typeof node === 'string') {
      return false;
    }
    return (
      BLOCK_CONTAINERS.has(node.tag) ||
      node.tag in HEADINGS ||
      ['p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'hr', 'table', 'tr', 'tbody', 'thead', 'tfoot'].includes(
        node.tag,
      )
    );
  }

  /**
   * Converts children in a block context (doc, quote, list item, div). With `splitAtBr`, a `<br>`
   * among loose inline content ends a paragraph (Etherpad writes lines that way); in list items it
   * is a hard break.
   */
  blocks(children: readonly (Element | string)[], depth: number, splitAtBr = true): PadNode[] {
    const out: PadNode[] = [];
    for (const child of children) {
      if (typeof child === 'string' || !this.isBlockElement(child)) {
        this.inline(child, { marks: [], pre: false }, out, splitAtBr);
        continue;
      }
      this.flush(out);
      this.block(child, out, depth);
    }
    this.flush(out);
    return out;
  }

  private textblockContent(el: Element, pre: boolean): PadNode[] {
    const saved = this.pending;
    this.pending = [];
    const scratch: PadNode[] = [];
    for (const child of el.children) {
      this.inline(child, { marks: [], pre }, scratch, false);
    }
    const content = pre ? this.pending : trimInline(this.pending);
    this.pending = saved;
    return content;
  }

  private block(el: Element, out: PadNode[], depth: number): void {
    if (DROP.has(el.tag)) {
      return;
    }
    const level = HEADINGS[el.tag];
    if (level !== undefined) {
      const content = this.textblockContent(el, false);
      out.push({ type: NODE.heading, attrs: { level }, ...(content.length ? { content } : {}) });
      return;
    }
    switch (el.tag) {
      case 'p': {
        const content = this.textblockContent(el, false);
        out.push(content.length ? { type: NODE.paragraph, content } : { type: NODE.paragraph });
        return;
      }
      case 'hr':
        out.push({ type: NODE.horizontalRule });
        return;
      case 'pre': {
        const code = el.children.find((c): c is Element => typeof c !== 'string' && c.tag === 'code');
        const lang = /language-([\w+#-]+)/.exec(code?.attrs.get('class') ?? '')?.[1];
        const text = textOf(el).replace(/^\n/, '').replace(/\n$/, '');
        out.push({
          type: NODE.codeBlock,
          ...(lang ? { attrs: { language: lang } } : {}),
          ...(text === '' ? {} : { content: [textNode(text)] }),
        });
        return;
      }
      case 'blockquote': {
        const content = this.blocks(el.children, depth + 1);
        out.push({ type: NODE.blockquote, content: content.length ? content : [{ type: NODE.paragraph }] });
        return;
      }
      case 'ul':
      case 'ol': {
        out.push(this.list(el, depth));
        return;
      }
      case 'li': {
        // A list item outside a list: a bullet list of one.
        out.push(this.list({ tag: 'ul', attrs: new Map(), children: [el], at: el.at }, depth));
        return;
      }
      case 'table':
      case 'tbody':
      case 'thead':
      case 'tfoot':
        for (const child of el.children) {
          if (typeof child !== 'string') {
            this.block(child, out, depth);
          }
        }
        return;
      case 'tr': {
        const cells = el.children.filter(
          (c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'),
        );
        const content: PadNode[] = [];
        cells.forEach((cell, k) => {
          if (k > 0) {
            content.push(textNode(' | '));
          }
          content.push(...this.textblockContent(cell, false));
        });
        out.push(content.length ? { type: NODE.paragraph, content } : { type: NODE.paragraph });
        return;
      }
      default:
        out.push(...this.blocks(el.children, depth));
    }
  }

  private list(el: Element, depth: number): PadNode {
    const items = el.children.filter((c): c is Element => typeof c !== 'string' && c.tag !== 'script');
    const isTask =
      el.attrs.get('data-type') === 'taskList' ||
      (items.length > 0 && items.every((li) => li.attrs.has('data-checked') || hasCheckbox(li)));
    const content: PadNode[] = [];
    for (const li of items) {
      const children = li.tag === 'li' ? li.children : [li];
      let blocks = this.blocks(children, depth + 1, false);
      if (blocks[0]?.type !== NODE.paragraph) {
        blocks = [{ type: NODE.paragraph }, ...blocks];
      }
      if (isTask) {
        const checked = li.attrs.get('data-checked') === 'true' || hasCheckbox(li, true);
        content.push({ type: NODE.taskItem, attrs: { checked }, content: blocks });
      } else {
        content.push({ type: NODE.listItem, content: blocks });
      }
    }
    if (content.length === 0) {
      content.push(
        isTask
          ? { type: NODE.taskItem, attrs: { checked: false }, content: [{ type: NODE.paragraph }] }
          : { type: NODE.listItem, content: [{ type: NODE.paragraph }] },
      );
    }
    if (isTask) {
      return { type: NODE.taskList, content };
    }
    if (el.tag === 'ol') {
      const start = Number.parseInt(el.attrs.get('start') ?? '1', 10);
      return {
        type: NODE.orderedList,
        attrs: { start: Number.isSafeInteger(start) && start >= 0 ? start : 1 },
        content,
      };
    }
    return { type: NODE.bulletList, content };
  }
}

function hasCheckbox(el: Element, checkedOnly = false): boolean {
  for (const child of el.children) {
    if (typeof child === 'string') {
      if (child.trim() !== '') {
        return false;
      }
      continue;
    }
    if (child.tag === 'input' && child.attrs.get('type')?.toLowerCase() === 'checkbox') {
      return checkedOnly ? child.attrs.has('checked') : true;
    }
    if (child.tag === 'p' || child.tag === 'label' || child.tag === 'div' || child.tag === 'span') {
      return hasCheckbox(child, checkedOnly);
    }
    return false;
  }
  return false;
}

function textOf(el: Element | string): string {
  if (typeof el === 'string') {
    return el;
  }
  if (el.tag === 'br') {
    return '\n';
  }
  if (DROP.has(el.tag)) {
    return '';
  }
  return el.children.map(textOf).join('');
}

/** Drops spaces at the start and end of a line of inline content (and around hard breaks). */
function trimInline(nodes: readonly PadNode[]): PadNode[] {
  const out = nodes.map((n) => ({ ...n }));
  const trimEdge = (from: 'start' | 'end', range: PadNode[]): void => {
    const list = from === 'start' ? range : [...range].reverse();
    for (const node of list) {
      if (node.type !== NODE.text) {
        return;
      }
      node.text =
        from === 'start' ? (node.text ?? '').replace(/^ +/, '') : (node.text ?? '').replace(/ +$/, '');
      if (node.text !== '') {
        return;
      }
    }
  };
  // Trim each line between hard breaks.
  let lineStart = 0;
  for (let k = 0; k <= out.length; k++) {
    if (k === out.length || out[k]?.type === NODE.hardBreak) {
      const line = out.slice(lineStart, k);
      trimEdge('start', line);
      trimEdge('end', line);
      lineStart = k + 1;
    }
  }
  return out.filter((n) => n.type !== NODE.text || (n.text ?? '') !== '');
}

/**
 * Converts HTML into a pad document. Refuses active content, absurd nesting and size with an
 * {@link HtmlImportError}; otherwise never throws. `<br>` directly in the body (Etherpad's HTML
 * export writes lines that way) starts a new paragraph, inside a paragraph a hard break.
 */
export function htmlToPadDoc(html: string): PadDoc {
  const tree = parseTree(html.replace(/^\uFEFF/, ''));
  const converter = new Converter();
  const content = converter.blocks(tree.children, 0);
  // Etherpad's HTML ends every line with <br>, so the last one leaves an empty paragraph behind.
  while (
    content.length > 1 &&
    content[content.length - 1]?.type === NODE.paragraph &&
    !content[content.length - 1]?.content
  ) {
    const before = content[content.length - 2];
    if (before?.type === NODE.paragraph && !before.content) {
      content.pop();
    } else {
      break;
    }
  }
  return content.length > 0 ? normalizePadDoc({ type: 'doc', content }) : emptyPadDoc();
}
