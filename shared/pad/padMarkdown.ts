/**
 * Markdown for notes pads: export (CommonMark plus GitHub's task lists and ~~strike~~, underline as
 * `<u>…</u>`) and import of the same subset: ATX headings, paragraphs, hard breaks (`\` or two
 * spaces at the line end), `>` quotes, `-`/`*`/`+` and `1.` lists (nested by indentation), task
 * items, fenced code, `---` rules, and inline `**bold**`, `*italic*`, `~~strike~~`, `` `code` ``,
 * `[links](https://…)`, `<https://…>`, `<u>…</u>`. What the importer does not know stays text.
 * Authorship is not part of Markdown and is dropped on export.
 */

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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

interface InlineState {
  marks: PadMark[];
  out: PadNode[];
}

function pushText(state: InlineState, text: string): void {
  if (text === '') {
    return;
  }
  const last = state.out[state.out.length - 1];
  if (last?.type === NODE.text && JSON.stringify(last.marks ?? []) === JSON.stringify(state.marks)) {
    last.text = (last.text ?? '') + text;
    return;
  }
  state.out.push(textNode(text, state.marks));
}

function withMark(state: InlineState, mark: PadMark, inner: string): void {
  const saved = state.marks;
  if (!saved.some((m) => m.type === mark.type)) {
    state.marks = [...saved, mark];
  }
  parseInlineInto(inner, state);
  state.marks = saved;
}

/** Finds the closing delimiter for an emphasis run starting at `from`, or -1. */
function findClosing(s: string, delim: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(s.slice(i))?.[0] ?? '`';
      const end = s.indexOf(run, i + run.length);
      i = end === -1 ? i + run.length : end + run.length;
      continue;
    }
    if (s.startsWith(delim, i) && i > from && !/\s/.test(s[i - 1] ?? ' ')) {
      // For single delimiters, do not stop inside a double one (`*a **b** c*`).
      const single = delim.length === 1;
      if (!single || s[i + 1] !== delim || s.startsWith(delim.repeat(3), i)) {
        if (delim === '_' && /[\p{L}\p{N}]/u.test(s[i + 1] ?? '')) {
          i += 1;
          continue;
        }
        return i;
      }
      i += 2;
      continue;
    }
    i += 1;
  }
  return -1;
}

function parseInlineInto(s: string, state: InlineState): void {
  let i = 0;
  let text = '';
  const flush = (): void => {
    pushText(state, text);
    text = '';
  };
  while (i < s.length) {
    const c = s[i] ?? '';
    const rest = s.slice(i);
    if (c === '\\' && i + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[i + 1] ?? '')) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '&') {
      const m = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/.exec(rest);
      if (m) {
        const name = m[1] ?? '';
        const code = name.startsWith('#x')
          ? parseInt(name.slice(2), 16)
          : name.startsWith('#')
            ? parseInt(name.slice(1), 10)
            : undefined;
        const value =
          code !== undefined
            ? code > 0 && code <= 0x10ffff
              ? String.fromCodePoint(code)
              : undefined
            : ENTITIES[name];
        if (value !== undefined) {
          text += value;
          i += m[0].length;
          continue;
        }
      }
    }
    if (c === '`') {
      const run = /^`+/.exec(rest)?.[0] ?? '`';
      const end = s.indexOf(run, i + run.length);
      if (end !== -1 && s[end + run.length] !== '`') {
        flush();
        let code = s.slice(i + run.length, end);
        if (code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') {
          code = code.slice(1, -1);
        }
        const saved = state.marks;
        state.marks = [...saved.filter((m) => m.type === MARK.link), { type: MARK.code }];
        pushText(state, code);
        state.marks = saved;
        i = end + run.length;
        continue;
      }
      text += run;
      i += run.length;
      continue;
    }
    if (c === '<') {
      const auto = /^<((?:https?:|mailto:)[^\s<>]+)>/i.exec(rest);
      if (auto) {
        flush();
        withMark(state, { type: MARK.link, attrs: { href: auto[1] } }, escapeMarkdownText(auto[1] ?? ''));
        i += auto[0].length;
        continue;
      }
      if (/^<u>/i.test(rest)) {
        const end = s.toLowerCase().indexOf('</u>', i + 3);
        if (end !== -1) {
          flush();
          withMark(state, { type: MARK.underline }, s.slice(i + 3, end));
          i = end + 4;
          continue;
        }
      }
    }
    if (c === '[') {
      const close = findBracket(s, i);
      if (close !== -1 && s[close + 1] === '(') {
        const end = s.indexOf(')', close + 2);
        if (end !== -1) {
          const href =
            s
              .slice(close + 2, end)
              .trim()
              .split(/\s+/)[0] ?? '';
          let decoded: string;
          try {
            decoded = decodeURI(href);
          } catch {
            decoded = href;
          }
          flush();
          if (SAFE_LINK.test(decoded)) {
            withMark(state, { type: MARK.link, attrs: { href: decoded } }, s.slice(i + 1, close));
          } else {
            parseInlineInto(s.slice(i + 1, close), state);
          }
          i = end + 1;
          continue;
        }
      }
    }
    const delims: [string, string][] = [
      ['**', MARK.bold],
      ['__', MARK.bold],
      ['~~', MARK.strike],
      ['*', MARK.italic],
      ['_', MARK.italic],
    ];
    let matched = false;
    for (const [delim, mark] of delims) {
      if (!s.startsWith(delim, i)) {
        continue;
      }
      const after = s[i + delim.length] ?? '';
      const before = s[i - 1] ?? ' ';
      if (after === '' || /\s/.test(after) || (delim[0] === '_' && /[\p{L}\p{N}]/u.test(before))) {
        break;
      }
      const close = findClosing(s, delim, i + delim.length);
      if (close === -1) {
        break;
      }
      flush();
      withMark(state, { type: mark }, s.slice(i + delim.length, close));
      i = close + delim.length;
      matched = true;
      break;
    }
    if (matched) {
      continue;
    }
    text += c;
    i += 1;
  }
  flush();
}

function findBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      depth++;
    } else if (c === ']') {
      depth--;
      if (depth === 0) {
        return i;
      }
    }
  }
  return -1;
}

/** Parses one paragraph's lines (soft breaks become spaces, `\` or two spaces a hard break). */
function parseInlineLines(lines: readonly string[]): PadNode[] {
  const state: InlineState = { marks: [], out: [] };
  lines.forEach((raw, i) => {
    const last = i === lines.length - 1;
    let line = i === 0 ? raw.replace(/^\s+/, '') : raw.replace(/^\s+/, '');
    let hard = false;
    if (!last && /(\\| {2,})$/.test(line)) {
      hard = true;
      line = line.replace(/(\\| {2,})$/, '');
    }
    if (last) {
      line = line.replace(/\s+$/, '');
    }
    parseInlineInto(line, state);
    if (!last) {
      if (hard) {
        state.out.push({ type: NODE.hardBreak });
      } else {
        pushText(state, ' ');
      }
    }
  });
  return state.out;
}

/** Parses inline Markdown (one line) into text nodes with marks. */
export function parseMarkdownInline(text: string): PadNode[] {
  return parseInlineLines([text]);
}

const BULLET = /^( {0,3})([-*+])( +|$)(.*)$/;
const ORDERED = /^( {0,3})(\d{1,9})([.)])( +|$)(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const TASK = /^\[([ xX])\](?: +|$)(.*)$/;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function startsBlock(line: string): boolean {
  return (
    BULLET.test(line) ||
    ORDERED.test(line) ||
    FENCE.test(line) ||
    HEADING.test(line) ||
    RULE.test(line) ||
    QUOTE.test(line)
  );
}

/** Removes up to `width` columns of indentation. */
function dedent(line: string, width: number): string {
  let i = 0;
  let col = 0;
  while (i < line.length && col < width && (line[i] === ' ' || line[i] === '\t')) {
    col += line[i] === '\t' ? 4 - (col % 4) : 1;
    i++;
  }
  return line.slice(i);
}

function indentOf(line: string): number {
  let col = 0;
  for (const ch of line) {
    if (ch === ' ') {
      col++;
    } else if (ch === '\t') {
      col += 4 - (col % 4);
    } else {
      break;
    }
  }
  return col;
}

function parseBlocks(lines: readonly string[], depth: number): PadNode[] {
  if (depth > 40) {
    // Deeper nesting than the pad allows: keep the rest as plain text lines.
    return lines
      .filter((l) => !isBlank(l))
      .map((l) => ({ type: NODE.paragraph, content: [textNode(l.trim())] }));
  }
  const out: PadNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      i++;
      while (
        i < lines.length &&
        !new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).test(lines[i] ?? '')
      ) {
        body.push(lines[i] ?? '');
        i++;
      }
      i++;
      const text = body.join('\n');
      out.push({
        type: NODE.codeBlock,
        ...(fence[2] ? { attrs: { language: fence[2] } } : {}),
        ...(text === '' ? {} : { content: [textNode(text)] }),
      });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const content = parseMarkdownInline(heading[2] ?? '');
      out.push({
        type: NODE.heading,
        attrs: { level: (heading[1] ?? '#').length },
        ...(content.length ? { content } : {}),
      });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push({ type: NODE.horizontalRule });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && !isBlank(lines[i] ?? '')) {
        const m = QUOTE.exec(lines[i] ?? '');
        body.push(m ? (m[1] ?? '') : (lines[i] ?? ''));
        i++;
      }
      const content = parseBlocks(body, depth + 1);
      out.push({ type: NODE.blockquote, content: content.length > 0 ? content : [{ type: NODE.paragraph }] });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      const result = parseList(lines, i, depth);
      out.push(result.node);
      i = result.next;
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      !isBlank(lines[i] ?? '') &&
      (para.length === 0 || !startsBlock(lines[i] ?? ''))
    ) {
      para.push(lines[i] ?? '');
      i++;
    }
    const content = parseInlineLines(para);
    out.push(content.length > 0 ? { type: NODE.paragraph, content } : { type: NODE.paragraph });
  }
  return out;
}

function listMarker(
  line: string,
): { ordered: boolean; width: number; start: number; rest: string; bullet: string } | null {
  const b = BULLET.exec(line);
  if (b) {
    const width = (b[1] ?? '').length + 1 + Math.min((b[3] ?? ' ').length || 1, 4);
    return { ordered: false, width, start: 1, rest: b[4] ?? '', bullet: b[2] ?? '-' };
  }
  const o = ORDERED.exec(line);
  if (o) {
    const width = (o[1] ?? '').length + (o[2] ?? '').length + 1 + Math.min((o[4] ?? ' ').length || 1, 4);
    return { ordered: true, width, start: Number(o[2]), rest: o[5] ?? '', bullet: o[3] ?? '.' };
  }
  return null;
}

function parseList(lines: readonly string[], from: number, depth: number): { node: PadNode; next: number } {
  const first = listMarker(lines[from] ?? '');
  const ordered = first?.ordered === true;
  const items: { lines: string[]; task: boolean | null }[] = [];
  let i = from;
  const baseIndent = indentOf(lines[from] ?? '');
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const marker = listMarker(line);
    if (
      !marker ||
      marker.ordered !== ordered ||
      indentOf(line) > baseIndent + 3 ||
      (items.length > 0 && indentOf(line) < baseIndent)
    ) {
      break;
    }
    const task = ordered ? null : TASK.exec(marker.rest);
    const body: string[] = [task ? (task[2] ?? '') : marker.rest];
    i++;
    while (i < lines.length) {
      const next = lines[i] ?? '';
      if (isBlank(next)) {
        // A blank line ends the item unless indented content follows.
        const after = lines[i + 1];
        if (after !== undefined && !isBlank(after) && indentOf(after) >= marker.width) {
          body.push('');
          i++;
          continue;
        }
        break;
      }
      if (indentOf(next) >= marker.width) {
        body.push(dedent(next, marker.width));
        i++;
        continue;
      }
      if (startsBlock(next)) {
        break;
      }
      // Lazy continuation of the item's paragraph.
      body.push(next.trim());
      i++;
    }
    items.push({ lines: body, task: task ? task[1] !== ' ' : null });
    // Blank lines between items of one list.
    let j = i;
    while (j < lines.length && isBlank(lines[j] ?? '')) {
      j++;
    }
    const nextMarker = listMarker(lines[j] ?? '');
    if (
      j > i &&
      nextMarker &&
      nextMarker.ordered === ordered &&
      indentOf(lines[j] ?? '') >= baseIndent &&
      indentOf(lines[j] ?? '') <= baseIndent + 3
    ) {
      i = j;
    }
  }
  const isTaskList = !ordered && items.length > 0 && items.every((item) => item.task !== null);
  const content = items.map((item) => {
    let blocks = parseBlocks(item.lines, depth + 1);
    if (blocks[0]?.type !== NODE.paragraph) {
      blocks = [{ type: NODE.paragraph }, ...blocks];
    }
    if (isTaskList) {
      return { type: NODE.taskItem, attrs: { checked: item.task === true }, content: blocks };
    }
    if (item.task !== null) {
      // A task item in a list with ordinary items: keep its box as text.
      const firstPara = blocks[0] as PadNode;
      firstPara.content = [textNode(item.task ? '[x] ' : '[ ] '), ...(firstPara.content ?? [])];
    }
    return { type: NODE.listItem, content: blocks };
  });
  const node: PadNode = isTaskList
    ? { type: NODE.taskList, content }
    : ordered
      ? { type: NODE.orderedList, attrs: { start: first?.start ?? 1 }, content }
      : { type: NODE.bulletList, content };
  return { node, next: i };
}

/** Parses Markdown into a pad document (never throws; unknown syntax stays text). */
export function markdownToPadDoc(markdown: string): PadDoc {
  const lines = markdown
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const content = parseBlocks(lines, 0);
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
