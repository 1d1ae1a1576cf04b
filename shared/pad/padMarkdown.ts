/**
 * Markdown for notes pads: export (CommonMark plus GitHub's task lists and ~~strike~~, underline as
 * `<u>…</u>`) and import of the same subset through markdown-it (CommonMark, linear in its input):
 * headings, paragraphs, hard breaks (`\` or two spaces at the line end), `>` quotes, bullet and
 * ordered lists, task items (`- [ ]`, `- [x]`), fenced and indented code, rules, and inline
 * `**bold**`, `*italic*`, `~~strike~~`, `` `code` ``, `[links](https://…)`, `<https://…>`,
 * `<u>…</u>`. Images keep their description; other HTML and what the pad cannot show stay text.
 * Authorship is not part of Markdown and is dropped on export.
 */

import MarkdownIt from 'markdown-it';
import {
  MARK,
  NODE,
  SAFE_LINK,
  emptyPadDoc,
  textNode,
  type PadDoc,
  type PadMark,
  type PadNode,
} from './padJson.js';

// ---------------------------------------------------------------- export

const INLINE_ESCAPE = /[\\`*_[\]<>~|]/g;

/** Escapes text so Markdown shows it literally (inline positions). */
export function escapeMarkdownText(text: string): string {
  return text.replace(INLINE_ESCAPE, (c) => `\\${c}`);
}

/** Escapes what would start a block at the beginning of a line (`#`, `-`, `1.`, `>` …). */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)([#+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/, '$1$2\\$3')
    .replace(/^(\s*)(={3,}|-{3,})\s*$/, '$1\\$2');
}

interface Wrapper {
  key: string;
  open: string;
  close: string;
}

function wrappersOf(marks: readonly PadMark[] | undefined): Wrapper[] {
  const out: Wrapper[] = [];
  const has = (t: string): PadMark | undefined => marks?.find((m) => m.type === t);
  const link = has(MARK.link);
  if (link && typeof link.attrs?.href === 'string' && SAFE_LINK.test(link.attrs.href)) {
    const href = link.attrs.href.replace(/[()\s]/g, (c) => encodeURIComponent(c));
    out.push({ key: `link:${href}`, open: '[', close: `](${href})` });
  }
  if (has(MARK.bold)) {
    out.push({ key: 'bold', open: '**', close: '**' });
  }
  if (has(MARK.italic)) {
    out.push({ key: 'italic', open: '*', close: '*' });
  }
  if (has(MARK.strike)) {
    out.push({ key: 'strike', open: '~~', close: '~~' });
  }
  if (has(MARK.underline)) {
    out.push({ key: 'underline', open: '<u>', close: '</u>' });
  }
  return out;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Renders inline content, opening and closing emphasis as few times as possible. */
function inlineMarkdown(content: readonly PadNode[] | undefined): string {
  let out = '';
  const open: Wrapper[] = [];
  let heldSpace = '';
  const closeTo = (keep: (w: Wrapper) => boolean): void => {
    // Close from the innermost until everything left open is wanted.
    let cut = open.length;
    for (let i = 0; i < open.length; i++) {
      if (!keep(open[i] as Wrapper)) {
        cut = i;
        break;
      }
    }
    while (open.length > cut) {
      out += (open.pop() as Wrapper).close;
    }
  };
  for (const node of content ?? []) {
    if (node.type === NODE.hardBreak) {
      closeTo(() => false);
      out += heldSpace + '\\\n';
      heldSpace = '';
      continue;
    }
    if (node.type !== NODE.text) {
      continue;
    }
    const text = node.text ?? '';
    const isCode = node.marks?.some((m) => m.type === MARK.code) === true;
    const wanted = wrappersOf(node.marks);
    const wantedKeys = new Set(wanted.map((w) => w.key));
    closeTo((w) => wantedKeys.has(w.key));
    const lead = /^\s*/.exec(text)?.[0] ?? '';
    const trail = text.length > lead.length ? (/\s*$/.exec(text)?.[0] ?? '') : '';
    const core = text.slice(lead.length, text.length - trail.length);
    out += heldSpace + lead;
    if (core === '') {
      heldSpace = trail;
      continue;
    }
    for (const w of wanted) {
      if (!open.some((o) => o.key === w.key)) {
        out += w.open;
        open.push(w);
      }
    }
    out += isCode ? codeSpan(core) : escapeMarkdownText(core);
    heldSpace = trail;
  }
  closeTo(() => false);
  return out + heldSpace;
}

function indentLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line === '' ? '' : rest + line))
    .join('\n');
}

function blockMarkdown(node: PadNode): string {
  switch (node.type) {
    case NODE.paragraph: {
      const text = inlineMarkdown(node.content);
      return text.split('\n').map(escapeLineStart).join('\n');
    }
    case NODE.heading: {
      const level = Math.min(Math.max(Number(node.attrs?.level) || 1, 1), 6);
      return `${'#'.repeat(level)} ${inlineMarkdown(node.content).replace(/\\\n/g, ' ')}`.trimEnd();
    }
    case NODE.codeBlock: {
      const text = (node.content ?? []).map((n) => n.text ?? '').join('');
      const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = '`'.repeat(longest + 1);
      const lang = typeof node.attrs?.language === 'string' ? node.attrs.language.replace(/\s/g, '') : '';
      return `${fence}${lang}\n${text}\n${fence}`;
    }
    case NODE.horizontalRule:
      return '---';
    case NODE.blockquote:
      return blocksMarkdown(node.content ?? [])
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case NODE.bulletList:
    case NODE.orderedList:
    case NODE.taskList: {
      const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
      return (node.content ?? [])
        .map((item, i) => {
          let marker = '- ';
          if (node.type === NODE.orderedList) {
            marker = `${start + i}. `;
          } else if (node.type === NODE.taskList) {
            marker = item.attrs?.checked === true ? '- [x] ' : '- [ ] ';
          }
          const indent = ' '.repeat(node.type === NODE.orderedList ? marker.length : 2);
          const body = blocksMarkdown(item.content ?? [], true);
          return indentLines(body, marker, indent);
        })
        .join('\n');
    }
    default:
      return node.content ? blocksMarkdown(node.content) : '';
  }
}

function blocksMarkdown(blocks: readonly PadNode[], tight = false): string {
  const parts = blocks.map(blockMarkdown);
  if (!tight) {
    return parts.join('\n\n');
  }
  // Inside a list item: the first paragraph and nested lists stay together (a tight list).
  return parts
    .map((part, i) => {
      if (i === 0) {
        return part;
      }
      const block = blocks[i];
      const isNestedList =
        block?.type === NODE.bulletList || block?.type === NODE.orderedList || block?.type === NODE.taskList;
      return (isNestedList ? '\n' : '\n\n') + part;
    })
    .join('');
}

/** The pad as Markdown text (ends with one newline). */
export function padDocToMarkdown(doc: PadDoc): string {
  const blocks = [...doc.content];
  // An empty last paragraph (the editor keeps one for typing) is not content.
  while (
    blocks.length > 1 &&
    blocks[blocks.length - 1]?.type === NODE.paragraph &&
    !blocks[blocks.length - 1]?.content
  ) {
    blocks.pop();
  }
  return `${blocksMarkdown(blocks)}\n`;
}

// ---------------------------------------------------------------- import

/**
 * The parser: markdown-it (CommonMark, linear in its input, no DOM), with GitHub's ~~strike~~ and
 * inline HTML on so that `<u>…</u>` can be read; any other HTML stays literal text. Nesting
 * beyond 100 levels is cut by markdown-it; the pad's own limit (48) refuses such a file before
 * anything is written.
 */
const markdown = new MarkdownIt('commonmark', {
  html: true,
  linkify: false,
  typographer: false,
  maxNesting: 100,
}).enable('strikethrough');

type Token = ReturnType<typeof markdown.parse>[number];

const TASK_PREFIX = /^\[([ xX])\](?: +|$)/;

/** Builds inline pad content from markdown-it's inline tokens. */
class InlineBuilder {
  readonly out: PadNode[] = [];
  private readonly active: PadMark[] = [];
  private code = false;

  private marks(): PadMark[] {
    if (this.code) {
      return [...this.active.filter((m) => m.type === MARK.link), { type: MARK.code }];
    }
    return [...this.active];
  }

  private open(mark: PadMark): void {
    if (mark.type === MARK.link) {
      const at = this.active.findIndex((m) => m.type === MARK.link);
      if (at !== -1) {
        this.active.splice(at, 1);
      }
    }
    this.active.push(mark);
  }

  private close(type: string): void {
    for (let i = this.active.length - 1; i >= 0; i--) {
      if (this.active[i]?.type === type) {
        this.active.splice(i, 1);
        return;
      }
    }
  }

  text(text: string): void {
    if (text === '') {
      return;
    }
    const marks = this.marks();
    const last = this.out[this.out.length - 1];
    if (last?.type === NODE.text && sameMarks(last.marks ?? [], marks)) {
      last.text = (last.text ?? '') + text;
      return;
    }
    this.out.push(textNode(text, marks));
  }

  add(tokens: readonly Token[]): void {
    // A link with an unsafe href keeps its text without a mark; its close must not end an outer link.
    const linkOpened: boolean[] = [];
    for (const token of tokens) {
      switch (token.type) {
        case 'text':
          this.text(token.content);
          break;
        case 'softbreak':
          this.text(' ');
          break;
        case 'hardbreak':
          this.out.push({ type: NODE.hardBreak });
          break;
        case 'code_inline':
          this.code = true;
          this.text(token.content);
          this.code = false;
          break;
        case 'strong_open':
          this.open({ type: MARK.bold });
          break;
        case 'strong_close':
          this.close(MARK.bold);
          break;
        case 'em_open':
          this.open({ type: MARK.italic });
          break;
        case 'em_close':
          this.close(MARK.italic);
          break;
        case 's_open':
          this.open({ type: MARK.strike });
          break;
        case 's_close':
          this.close(MARK.strike);
          break;
        case 'link_open': {
          const href = String(token.attrGet('href') ?? '');
          let decoded: string;
          try {
            decoded = decodeURI(href);
          } catch {
            decoded = href;
          }
          const safe = SAFE_LINK.test(decoded);
          linkOpened.push(safe);
          if (safe) {
            this.open({ type: MARK.link, attrs: { href: decoded } });
          }
          break;
        }
        case 'link_close':
          if (linkOpened.pop() === true) {
            this.close(MARK.link);
          }
          break;
        case 'image':
          // The pad has no images: the description stays, as for HTML's alt text.
          this.text(token.content);
          break;
        case 'html_inline': {
          const tag = /^<(\/?)u\s*>$/i.exec(token.content);
          if (tag) {
            if (tag[1] === '/') {
              this.close(MARK.underline);
            } else {
              this.open({ type: MARK.underline });
            }
          } else {
            this.text(token.content);
          }
          break;
        }
        default:
          this.text(token.content);
      }
    }
  }
}

function sameMarks(a: readonly PadMark[], b: readonly PadMark[]): boolean {
  return a.length === b.length && a.every((m, i) => JSON.stringify(m) === JSON.stringify(b[i]));
}

function inlineContent(token: Token | undefined): PadNode[] {
  const builder = new InlineBuilder();
  builder.add(token?.children ?? []);
  // Trailing hard breaks and spaces are not content (markdown-it keeps a few at a block's end).
  const out = builder.out;
  while (out.length > 0 && out[out.length - 1]?.type === NODE.hardBreak) {
    out.pop();
  }
  return out;
}

/** A container being filled while the block tokens are walked. */
interface Open {
  node: PadNode;
  content: PadNode[];
}

/** Turns a bullet list whose items all start with `[ ]`/`[x]` into a task list (GitHub's syntax). */
function taskListOf(list: PadNode): PadNode {
  const items = list.content ?? [];
  const boxes = items.map((item) => {
    const first = item.content?.[0];
    const text = first?.type === NODE.paragraph ? first.content?.[0] : undefined;
    return text?.type === NODE.text ? TASK_PREFIX.exec(text.text ?? '') : null;
  });
  if (items.length === 0 || boxes.some((b) => b === null)) {
    return list;
  }
  return {
    type: NODE.taskList,
    content: items.map((item, i) => {
      const box = boxes[i] as RegExpExecArray;
      const [para, ...rest] = item.content ?? [];
      const [text, ...inline] = para?.content ?? [];
      const remaining = (text?.text ?? '').slice(box[0].length);
      const content = remaining === '' ? inline : [{ ...text, text: remaining } as PadNode, ...inline];
      return {
        type: NODE.taskItem,
        attrs: { checked: box[1] !== ' ' },
        content: [content.length ? { type: NODE.paragraph, content } : { type: NODE.paragraph }, ...rest],
      };
    }),
  };
}

/** Closes a container: list items start with a paragraph, quotes are never empty. */
function finish(open: Open): PadNode {
  const { node, content } = open;
  switch (node.type) {
    case NODE.listItem:
      return {
        ...node,
        content: content[0]?.type === NODE.paragraph ? content : [{ type: NODE.paragraph }, ...content],
      };
    case NODE.blockquote:
      return { ...node, content: content.length ? content : [{ type: NODE.paragraph }] };
    case NODE.bulletList:
      return taskListOf({ ...node, content });
    default:
      return { ...node, content };
  }
}

/** Converts markdown-it's block tokens into pad blocks (one pass; containers on an explicit stack). */
function blocksFrom(tokens: readonly Token[]): PadNode[] {
  const root: Open = { node: { type: NODE.doc }, content: [] };
  const stack: Open[] = [root];
  const top = (): Open => stack[stack.length - 1] as Open;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case 'blockquote_open':
        stack.push({ node: { type: NODE.blockquote }, content: [] });
        break;
      case 'bullet_list_open':
        stack.push({ node: { type: NODE.bulletList }, content: [] });
        break;
      case 'ordered_list_open': {
        const start = Number(token.attrGet('start') ?? 1);
        stack.push({
          node: { type: NODE.orderedList, attrs: { start: Number.isSafeInteger(start) ? start : 1 } },
          content: [],
        });
        break;
      }
      case 'list_item_open':
        stack.push({ node: { type: NODE.listItem }, content: [] });
        break;
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close': {
        const done = stack.pop();
        if (done && stack.length > 0) {
          top().content.push(finish(done));
        }
        break;
      }
      case 'paragraph_open': {
        const content = inlineContent(tokens[i + 1]);
        top().content.push(content.length ? { type: NODE.paragraph, content } : { type: NODE.paragraph });
        i += 2; // inline, paragraph_close
        break;
      }
      case 'heading_open': {
        const content = inlineContent(tokens[i + 1]);
        const level = Number(token.tag.slice(1)) || 1;
        top().content.push({ type: NODE.heading, attrs: { level }, ...(content.length ? { content } : {}) });
        i += 2;
        break;
      }
      case 'fence':
      case 'code_block': {
        const text = token.content.replace(/\n$/, '');
        const language = token.type === 'fence' ? (token.info.trim().split(/\s+/)[0] ?? '') : '';
        top().content.push({
          type: NODE.codeBlock,
          ...(language ? { attrs: { language } } : {}),
          ...(text === '' ? {} : { content: [textNode(text)] }),
        });
        break;
      }
      case 'hr':
        top().content.push({ type: NODE.horizontalRule });
        break;
      case 'html_block': {
        // HTML the pad cannot show stays as its text, as the user wrote it.
        const text = token.content.replace(/\s+$/, '').replace(/\n/g, ' ');
        if (text !== '') {
          top().content.push({ type: NODE.paragraph, content: [textNode(text)] });
        }
        break;
      }
      default:
        break;
    }
  }
  // markdown-it closes every container it opens; this is for safety only.
  while (stack.length > 1) {
    const done = stack.pop() as Open;
    top().content.push(finish(done));
  }
  return root.content;
}

/** Parses Markdown into a pad document (never throws; unknown syntax stays text). */
export function markdownToPadDoc(text: string): PadDoc {
  const content = blocksFrom(markdown.parse(text.replace(/^\uFEFF/, ''), {}));
  return content.length > 0 ? { type: 'doc', content } : emptyPadDoc();
}

/** Plain text as a pad: one paragraph per line. */
export function textToPadDoc(text: string): PadDoc {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  const content = lines.map((line) =>
    line === '' ? { type: NODE.paragraph } : { type: NODE.paragraph, content: [textNode(line)] },
  );
  return content.length > 0 ? { type: 'doc', content } : emptyPadDoc();
}
