/**
 * Between the pad's tree (ProseMirror JSON) and the Etherpad codec's line model (PadLine: one line
 * per Etherpad line, with a kind, a list level and formatted runs).
 *
 * Tree → lines: the level of a line is the number of lists and quotes around it. A list item's
 * first paragraph is a bullet/number line; any further paragraph of the item, and every paragraph
 * in a quote, is an `indent` line (Etherpad's "indent" list: tabs, no bullet). Task items become
 * bullet lines starting with `[ ] ` or `[x] `, code blocks one line per code line, a horizontal
 * rule a `---` line, a hard break starts a new (indent or plain) line. Headings stay headings
 * (the codec writes them bold for Etherpad without plugins).
 *
 * Lines → tree is the inverse: an `indent` line right after an item of the same level continues
 * that item, otherwise it is a quote; a level that skips a step (bullet 1 → bullet 3) is bridged
 * by a quote around the deeper list, so the level survives the way back; bullet lines starting
 * with `[ ] `/`[x] ` become task items. So a pad read from Etherpad and written back gives the
 * same lines, and Etherpad's txt export of both is identical.
 */

import { MAX_LIST_LEVEL, type PadLine, type PadRun, type PadRunAttrs } from './etherpad/lines.js';
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

/** How author ids are translated on the way (e.g. our user ids ↔ Etherpad author ids). */
export interface AuthorMapping {
  authorId?: (id: string) => string;
}

const TASK_PREFIX = /^\[([ xX])\] /;

function runAttrs(marks: readonly PadMark[] | undefined, mapping: AuthorMapping): PadRunAttrs {
  const attrs: PadRunAttrs = {};
  for (const mark of marks ?? []) {
    switch (mark.type) {
      case MARK.bold:
        attrs.bold = true;
        break;
      case MARK.italic:
        attrs.italic = true;
        break;
      case MARK.underline:
        attrs.underline = true;
        break;
      case MARK.strike:
        attrs.strikethrough = true;
        break;
      case MARK.link:
        if (typeof mark.attrs?.href === 'string') {
          attrs.link = mark.attrs.href;
        }
        break;
      case MARK.author:
        if (typeof mark.attrs?.id === 'string' && mark.attrs.id !== '') {
          attrs.author = mapping.authorId ? mapping.authorId(mark.attrs.id) : mark.attrs.id;
        }
        break;
    }
  }
  return attrs;
}

/** The inline content of a textblock split at hard breaks into runs per line. */
function inlineLines(content: readonly PadNode[] | undefined, mapping: AuthorMapping): PadRun[][] {
  const lines: PadRun[][] = [[]];
  for (const node of content ?? []) {
    if (node.type === NODE.hardBreak) {
      lines.push([]);
    } else if (node.type === NODE.text && (node.text ?? '') !== '') {
      // Text from outside may hold newlines; a line has none.
      const pieces = (node.text ?? '').split('\n');
      pieces.forEach((piece, i) => {
        if (i > 0) {
          lines.push([]);
        }
        if (piece !== '') {
          lines[lines.length - 1]?.push({ text: piece, attrs: runAttrs(node.marks, mapping) });
        }
      });
    }
  }
  return lines;
}

interface ItemContext {
  kind: 'bullet' | 'number';
  prefix?: string;
  start?: number;
}

function plainLine(depth: number, runs: PadRun[]): PadLine {
  return depth > 0
    ? { kind: 'indent', level: Math.min(depth, MAX_LIST_LEVEL), runs }
    : { kind: 'paragraph', level: 0, runs };
}

function walk(
  blocks: readonly PadNode[],
  depth: number,
  item: ItemContext | null,
  out: PadLine[],
  mapping: AuthorMapping,
): void {
  blocks.forEach((block, index) => {
    const itemLine = index === 0 ? item : null;
    switch (block.type) {
      case NODE.paragraph:
      case NODE.heading: {
        const segments = inlineLines(block.content, mapping);
        segments.forEach((runs, j) => {
          if (j === 0 && itemLine !== null) {
            const first = runs[0];
            const withPrefix =
              itemLine.prefix === undefined
                ? runs
                : [
                    {
                      text: itemLine.prefix,
                      attrs: first?.attrs.author ? { author: first.attrs.author } : {},
                    },
                    ...runs,
                  ];
            out.push({
              kind: itemLine.kind,
              level: Math.min(Math.max(depth, 1), MAX_LIST_LEVEL),
              ...(itemLine.start === undefined ? {} : { start: itemLine.start }),
              runs: withPrefix,
            });
          } else if (j === 0 && block.type === NODE.heading) {
            const level = typeof block.attrs?.level === 'number' ? block.attrs.level : 1;
            out.push({ kind: 'heading', level: Math.min(Math.max(Math.trunc(level), 1), 6), runs });
          } else {
            out.push(plainLine(depth, runs));
          }
        });
        return;
      }
      case NODE.codeBlock:
        for (const runs of inlineLines(block.content, mapping)) {
          out.push(plainLine(depth, runs));
        }
        return;
      case NODE.horizontalRule:
        out.push(plainLine(depth, [{ text: '---', attrs: {} }]));
        return;
      case NODE.blockquote:
        walk(block.content ?? [], depth + 1, null, out, mapping);
        return;
      case NODE.bulletList:
      case NODE.orderedList:
      case NODE.taskList: {
        const start = typeof block.attrs?.start === 'number' ? block.attrs.start : 1;
        (block.content ?? []).forEach((listItem, k) => {
          const context: ItemContext =
            block.type === NODE.orderedList
              ? { kind: 'number', ...(k === 0 && start !== 1 ? { start } : {}) }
              : block.type === NODE.taskList
                ? { kind: 'bullet', prefix: listItem.attrs?.checked === true ? '[x] ' : '[ ] ' }
                : { kind: 'bullet' };
          walk(listItem.content ?? [], depth + 1, context, out, mapping);
        });
        return;
      }
      default:
        // A node this version does not know (from a newer client): keep its text.
        if (block.content !== undefined) {
          walk(block.content, depth, null, out, mapping);
        }
    }
  });
}

/** The lines of a pad, as Etherpad would hold them. */
export function padDocToLines(doc: PadDoc, mapping: AuthorMapping = {}): PadLine[] {
  const out: PadLine[] = [];
  walk(doc.content, 0, null, out, mapping);
  return out.length > 0 ? out : [{ kind: 'paragraph', level: 0, runs: [] }];
}

function runsToInline(runs: readonly PadRun[], mapping: AuthorMapping): PadNode[] {
  const out: PadNode[] = [];
  for (const run of runs) {
    if (run.text === '') {
      continue;
    }
    const marks: PadMark[] = [];
    const a = run.attrs;
    if (a.bold === true) {
      marks.push({ type: MARK.bold });
    }
    if (a.italic === true) {
      marks.push({ type: MARK.italic });
    }
    if (a.underline === true) {
      marks.push({ type: MARK.underline });
    }
    if (a.strikethrough === true) {
      marks.push({ type: MARK.strike });
    }
    if (a.link !== undefined && SAFE_LINK.test(a.link)) {
      marks.push({ type: MARK.link, attrs: { href: a.link } });
    }
    if (a.author !== undefined && a.author !== '') {
      marks.push({
        type: MARK.author,
        attrs: { id: mapping.authorId ? mapping.authorId(a.author) : a.author },
      });
    }
    out.push(textNode(run.text, marks));
  }
  return out;
}

function paragraphOf(runs: readonly PadRun[], mapping: AuthorMapping): PadNode {
  const content = runsToInline(runs, mapping);
  return content.length > 0 ? { type: NODE.paragraph, content } : { type: NODE.paragraph };
}

/** Strips a task prefix (`[ ] `, `[x] `) off the runs; null if the line has none. */
function taskOf(runs: readonly PadRun[]): { checked: boolean; runs: PadRun[] } | null {
  const first = runs[0];
  const m = first === undefined ? null : TASK_PREFIX.exec(first.text);
  if (first === undefined || m === null) {
    return null;
  }
  const rest = first.text.slice(m[0].length);
  return {
    checked: m[1] !== ' ',
    runs: rest === '' ? runs.slice(1) : [{ text: rest, attrs: first.attrs }, ...runs.slice(1)],
  };
}

type ContainerType = 'bulletList' | 'orderedList' | 'taskList' | 'blockquote';

interface Open {
  type: ContainerType;
  node: PadNode;
}

/** The tree of a pad from Etherpad-style lines (see the module comment for the rules). */
export function linesToPadDoc(lines: readonly PadLine[], mapping: AuthorMapping = {}): PadDoc {
  const root: PadNode[] = [];
  const stack: Open[] = [];

  const targetOf = (open: Open | undefined): PadNode[] => {
    if (open === undefined) {
      return root;
    }
    const content = (open.node.content ??= []);
    if (open.type === 'blockquote') {
      return content;
    }
    const lastItem = content[content.length - 1];
    return lastItem === undefined ? content : (lastItem.content ??= []);
  };

  for (const line of lines) {
    if (line.kind === 'paragraph' || line.kind === 'heading') {
      stack.length = 0;
      if (line.kind === 'heading') {
        const content = runsToInline(line.runs, mapping);
        root.push({
          type: NODE.heading,
          attrs: { level: Math.min(Math.max(Math.trunc(line.level) || 1, 1), 6) },
          ...(content.length > 0 ? { content } : {}),
        });
      } else {
        root.push(paragraphOf(line.runs, mapping));
      }
      continue;
    }
    const level = Math.min(Math.max(Math.trunc(line.level) || 1, 1), MAX_LIST_LEVEL);
    const task = line.kind === 'bullet' ? taskOf(line.runs) : null;
    const wanted: ContainerType =
      line.kind === 'indent'
        ? 'blockquote'
        : line.kind === 'number'
          ? 'orderedList'
          : task !== null
            ? 'taskList'
            : 'bulletList';
    if (stack.length > level) {
      stack.length = level;
    }
    if (stack.length === level) {
      const top = stack[level - 1];
      if (top !== undefined && line.kind === 'indent') {
        // Continues the open item (or quote) at this level.
        targetOf(top).push(paragraphOf(line.runs, mapping));
        continue;
      }
      if (top !== undefined && top.type !== wanted) {
        stack.length = level - 1;
      }
    }
    while (stack.length < level) {
      const type: ContainerType = stack.length + 1 === level ? wanted : 'blockquote';
      const node: PadNode = { type, content: [] };
      if (type === 'orderedList') {
        node.attrs = { start: line.start ?? 1 };
      }
      targetOf(stack[stack.length - 1]).push(node);
      stack.push({ type, node });
    }
    const top = stack[level - 1];
    if (top === undefined) {
      continue;
    }
    const content = (top.node.content ??= []);
    if (top.type === 'blockquote') {
      content.push(paragraphOf(line.runs, mapping));
    } else if (top.type === 'taskList') {
      content.push({
        type: NODE.taskItem,
        attrs: { checked: task?.checked === true },
        content: [paragraphOf(task?.runs ?? line.runs, mapping)],
      });
    } else {
      content.push({ type: NODE.listItem, content: [paragraphOf(line.runs, mapping)] });
    }
  }
  return root.length > 0 ? { type: 'doc', content: root } : emptyPadDoc();
}
