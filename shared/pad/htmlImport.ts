/**
 * HTML → pad. The page is parsed by parse5, the WHATWG parser that browsers' algorithm is written
 * in (so a page saved from a browser or a CMS gets the tree the browser showed, in linear time),
 * then sanitised on that tree and converted by an allowlist that knows only these elements:
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
 * and the like contribute nothing. Active content is STRIPPED and counted (see
 * {@link RemovedContent}): script and style elements, iframe/frame(set), object/embed/applet,
 * `on…` event attributes, links and sources with `javascript:`/`vbscript:`/`data:` URLs, and
 * references to other hosts (images keep their alt text). Nesting deeper than
 * {@link MAX_HTML_DEPTH} and more than {@link MAX_HTML_ELEMENTS} elements are refused while
 * parsing, so an absurd file costs little.
 */

import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import type { RemovedContent } from '../api/padContract.js';
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
const MAX_HTML_ELEMENTS = 200_000;

/** Why an HTML file was refused. */
export class HtmlImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HtmlImportError';
  }
}

/** The converter's view of an element: lower-case tag, attributes, sanitised children. */
interface Element {
  tag: string;
  attrs: Map<string, string>;
  children: (Element | string)[];
}

type P5 = DefaultTreeAdapterMap;

const FRAMES = new Set(['iframe', 'frame', 'frameset']);
const EMBEDS = new Set(['object', 'embed', 'applet']);
/** Attributes holding a URL that a browser follows or loads. */
const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'data',
  'codebase',
  'cite',
  'longdesc',
  'manifest',
  'ping',
]);
/** Attributes whose URL is loaded with the page (not followed by a click). */
const LOADED_ATTRS = new Set(['src', 'srcset', 'poster', 'background', 'data', 'codebase', 'manifest']);
const DANGEROUS_SCHEME = /^(javascript|vbscript|data|livescript):/i;

/** Whether a URL runs code or carries a document, read as a browser reads it (tabs, newlines and leading controls ignored). */
function isDangerousUrl(value: string): boolean {
  let url = value.replace(/[\t\n\r]/g, '');
  let i = 0;
  while (i < url.length && url.charCodeAt(i) <= 0x20) {
    i++;
  }
  url = url.slice(i);
  return DANGEROUS_SCHEME.test(url);
}
const REMOTE_URL = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const REMOTE_SRCSET = /(^|,)\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const REMOTE_CSS_URL = /url\(\s*['"]?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;
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

/** A count of nothing removed. */
export function noneRemoved(): RemovedContent {
  return {
    scripts: 0,
    styles: 0,
    eventHandlers: 0,
    unsafeLinks: 0,
    frames: 0,
    embeds: 0,
    externalReferences: 0,
  };
}

/**
 * parse5's default tree adapter, refusing more than {@link MAX_HTML_ELEMENTS} elements and
 * nesting deeper than {@link MAX_HTML_DEPTH} as the tree is built (before an absurd file has
 * cost more than a moment).
 */
function limitedTreeAdapter(): TreeAdapter<P5> {
  const depth = new WeakMap<P5['parentNode'], number>();
  let elements = 0;
  const place = (parent: P5['parentNode'], child: P5['childNode']): void => {
    if (!('tagName' in child)) {
      return;
    }
    const d = (depth.get(parent) ?? 0) + 1;
    if (d > MAX_HTML_DEPTH) {
      throw new HtmlImportError(
        `The HTML is nested more than ${MAX_HTML_DEPTH} elements deep; a notes page never is. Nothing was imported.`,
      );
    }
    depth.set(child, d);
  };
  return {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      elements++;
      if (elements > MAX_HTML_ELEMENTS) {
        throw new HtmlImportError(
          `The HTML has more than ${MAX_HTML_ELEMENTS} elements; that is not a notes page. Nothing was imported.`,
        );
      }
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
    appendChild(parent, child) {
      place(parent, child);
      defaultTreeAdapter.appendChild(parent, child);
    },
    insertBefore(parent, child, reference) {
      place(parent, child);
      defaultTreeAdapter.insertBefore(parent, child, reference);
    },
  };
}

/**
 * Builds the converter's tree from parse5's, stripping (and counting in `removed`) active content
 * and references to other hosts. Iterative, so no nesting can exhaust the stack.
 */
function sanitisedTree(document: P5['document'], removed: RemovedContent): Element {
  const root: Element = { tag: '#root', attrs: new Map(), children: [] };
  const work: { from: P5['parentNode']; into: Element }[] = [{ from: document, into: root }];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    const { from, into } = item;
    const children =
      'content' in from && from.nodeName === 'template' ? from.content.childNodes : from.childNodes;
    for (const child of children) {
      if (child.nodeName === '#text' && 'value' in child) {
        const last = into.children[into.children.length - 1];
        if (typeof last === 'string') {
          into.children[into.children.length - 1] = last + child.value;
        } else {
          into.children.push(child.value);
        }
        continue;
      }
      if (!('tagName' in child)) {
        continue; // comments, doctype
      }
      const el = sanitiseElement(child, removed);
      if (el === undefined) {
        continue;
      }
      into.children.push(el);
      work.push({ from: child, into: el });
    }
  }
  return root;
}

/** The element with its safe attributes, or undefined when the whole element is active content. */
function sanitiseElement(child: P5['element'], removed: RemovedContent): Element | undefined {
  const tag = child.tagName.toLowerCase();
  if (tag === 'script') {
    removed.scripts++;
    return undefined;
  }
  if (tag === 'style') {
    removed.styles++;
    return undefined;
  }
  if (FRAMES.has(tag)) {
    removed.frames++;
    return undefined;
  }
  if (EMBEDS.has(tag)) {
    removed.embeds++;
    return undefined;
  }
  const attrs = new Map<string, string>();
  let external = false;
  let unsafe = false;
  for (const { name, value } of child.attrs) {
    const key = name.toLowerCase();
    if (key.startsWith('on')) {
      removed.eventHandlers++;
      continue;
    }
    if (URL_ATTRS.has(key) && isDangerousUrl(value)) {
      // An inline image (data:image/…) is not active; it is only dropped like every image.
      if (!(key === 'src' && tag === 'img' && /^\s*data:image\//i.test(value))) {
        unsafe = true;
      }
      continue;
    }
    if (LOADED_ATTRS.has(key) && (key === 'srcset' ? REMOTE_SRCSET : REMOTE_URL).test(value)) {
      external = true;
      continue;
    }
    if (key === 'style' && REMOTE_CSS_URL.test(value)) {
      // Only the formatting marks are read from a style, so its url(…) is never loaded: counted.
      external = true;
    }
    if (!attrs.has(key)) {
      attrs.set(key, value);
    }
  }
  if (tag === 'link') {
    const rel = (attrs.get('rel') ?? '').toLowerCase();
    const href = attrs.get('href') ?? '';
    if (/\bstylesheet\b/.test(rel)) {
      removed.styles++;
    } else if (REMOTE_URL.test(href)) {
      external = true;
    }
  }
  if (unsafe) {
    removed.unsafeLinks++;
  }
  if (external) {
    removed.externalReferences++;
  }
  return { tag, attrs, children: [] };
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
        out.push(this.list({ tag: 'ul', attrs: new Map(), children: [el] }, depth));
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

/** A converted page and what was stripped from it. */
export interface HtmlImport {
  doc: PadDoc;
  removed: RemovedContent;
}

/**
 * Converts HTML into a pad document and reports what was stripped (see the module comment).
 * Refuses only absurd nesting and size, with an {@link HtmlImportError}. `<br>` directly in the
 * body (Etherpad's HTML export writes lines that way) starts a new paragraph, inside a paragraph
 * a hard break.
 */
export function htmlToPadDocWithReport(html: string): HtmlImport {
  const removed = noneRemoved();
  const document = parse(html.replace(/^\uFEFF/, ''), { treeAdapter: limitedTreeAdapter() });
  const tree = sanitisedTree(document, removed);
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
  return {
    doc: content.length > 0 ? normalizePadDoc({ type: 'doc', content }) : emptyPadDoc(),
    removed,
  };
}

/** Converts HTML into a pad document, stripping active content (see {@link htmlToPadDocWithReport}). */
export function htmlToPadDoc(html: string): PadDoc {
  return htmlToPadDocWithReport(html).doc;
}
