/**
 * The content of a notes pad as plain JSON: exactly ProseMirror's `Node.toJSON()` for the editor's
 * schema (Tiptap StarterKit + task lists + the `author` mark, see renderer/src/pad/padExtensions.ts).
 * Everything that writes a pad from outside the editor (template, imports, restoring a revision)
 * builds this JSON, checks it with {@link checkPadDoc} and writes it into the Yjs document with
 * padContent.ts. The check matters: y-prosemirror deletes any Yjs element the editor's schema
 * refuses, so content the schema does not allow would silently vanish on every client.
 *
 *   doc          block+
 *   paragraph    inline*               heading {level 1–6} inline*
 *   blockquote   block+                codeBlock {language?} text* (only the author mark)
 *   bulletList   listItem+             orderedList {start} listItem+
 *   taskList     taskItem+             listItem, taskItem {checked}: paragraph block*
 *   horizontalRule                     hardBreak (inline)
 *   marks: bold, italic, underline, strike, code, link {href}, author {id}
 */

/** A mark on a run of text. */
export interface PadMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node of the document tree (ProseMirror JSON). */
export interface PadNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PadNode[];
  text?: string;
  marks?: PadMark[];
}

/** The whole document. */
export interface PadDoc {
  type: 'doc';
  content: PadNode[];
}

/** Names of the nodes and marks of the pad schema. */
export const NODE = {
  doc: 'doc',
  paragraph: 'paragraph',
  heading: 'heading',
  blockquote: 'blockquote',
  codeBlock: 'codeBlock',
  horizontalRule: 'horizontalRule',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  taskList: 'taskList',
  listItem: 'listItem',
  taskItem: 'taskItem',
  hardBreak: 'hardBreak',
  text: 'text',
} as const;

/** Mark names. The author mark carries the id of whoever typed the text (Etherpad's `author`). */
export const MARK = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  strike: 'strike',
  code: 'code',
  link: 'link',
  author: 'author',
} as const;

/** The formatting marks (everything but author and link), in the order exports nest them. */
export const FORMAT_MARKS = [MARK.bold, MARK.italic, MARK.underline, MARK.strike, MARK.code] as const;

const BLOCKS = new Set<string>([
  NODE.paragraph,
  NODE.heading,
  NODE.blockquote,
  NODE.codeBlock,
  NODE.horizontalRule,
  NODE.bulletList,
  NODE.orderedList,
  NODE.taskList,
]);
const MARKS = new Set<string>(Object.values(MARK));

/** Limits for content written from outside the editor; beyond them an import is refused. */
export const PAD_LIMITS = {
  /** Nesting of blocks (lists in lists, quotes in quotes). */
  maxDepth: 48,
  /** Nodes in the whole document. */
  maxNodes: 200_000,
  /** Characters of text in the whole document. */
  maxTextLength: 5_000_000,
} as const;

/** Links keep only schemes that cannot run code when clicked. */
export const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

/** An empty pad: one empty paragraph (ProseMirror's doc needs one block). */
export function emptyPadDoc(): PadDoc {
  return { type: 'doc', content: [{ type: NODE.paragraph }] };
}

/** A text node with marks (none when the list is empty). */
export function textNode(text: string, marks: readonly PadMark[] = []): PadNode {
  return marks.length > 0 ? { type: NODE.text, text, marks: [...marks] } : { type: NODE.text, text };
}

/** A paragraph with the given inline content. */
export function paragraph(content: PadNode[] = []): PadNode {
  return content.length > 0 ? { type: NODE.paragraph, content } : { type: NODE.paragraph };
}

/** Whether a node type is a block (may stand in doc, blockquote or after an item's paragraph). */
export function isBlock(type: string): boolean {
  return BLOCKS.has(type);
}

/** Whether a node type is one of the list containers. */
export function isList(type: string): boolean {
  return type === NODE.bulletList || type === NODE.orderedList || type === NODE.taskList;
}

/** A problem with a document, and where in the tree it is. */
export interface PadDocProblem {
  path: string;
  message: string;
}

/** Thrown when content does not fit the pad schema or its limits; nothing has been written then. */
export class PadContentError extends Error {
  constructor(
    message: string,
    readonly problems: PadDocProblem[] = [],
  ) {
    super(message);
    this.name = 'PadContentError';
  }
}

/**
 * Checks that `doc` is valid for the editor's schema and within {@link PAD_LIMITS}. Returns the
 * problems (at most 20); an empty list means every client will show the content as written.
 */
export function checkPadDoc(doc: unknown): PadDocProblem[] {
  const problems: PadDocProblem[] = [];
  let nodes = 0;
  let textLength = 0;
  const add = (path: string, message: string): void => {
    if (problems.length < 20) {
      problems.push({ path, message });
    }
  };
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);

  const checkMarks = (node: Record<string, unknown>, path: string, allowed: 'all' | 'author'): void => {
    if (node.marks === undefined) {
      return;
    }
    if (!Array.isArray(node.marks)) {
      add(path, 'marks is not a list');
      return;
    }
    const seen = new Set<string>();
    for (const mark of node.marks as unknown[]) {
      if (!isObj(mark) || typeof mark.type !== 'string' || !MARKS.has(mark.type)) {
        add(path, `unknown mark ${JSON.stringify(isObj(mark) ? mark.type : mark)}`);
        continue;
      }
      if (seen.has(mark.type)) {
        add(path, `mark ${mark.type} twice`);
      }
      seen.add(mark.type);
      if (allowed === 'author' && mark.type !== MARK.author) {
        add(path, `mark ${mark.type} is not allowed in a code block`);
      }
      const attrs = isObj(mark.attrs) ? mark.attrs : {};
      if (mark.type === MARK.author && (typeof attrs.id !== 'string' || attrs.id === '')) {
        add(path, 'author mark without an id');
      }
      if (mark.type === MARK.link && (typeof attrs.href !== 'string' || !SAFE_LINK.test(attrs.href))) {
        add(path, 'link without a safe href (http, https, mailto, tel)');
      }
    }
  };

  const checkInline = (node: unknown, path: string, allowed: 'all' | 'author', textOnly: boolean): void => {
    nodes++;
    if (!isObj(node)) {
      add(path, 'not a node');
      return;
    }
    if (node.type === NODE.text) {
      if (typeof node.text !== 'string' || node.text === '') {
        add(path, 'text node without text');
      } else {
        textLength += node.text.length;
      }
      checkMarks(node, path, allowed);
      return;
    }
    if (node.type === NODE.hardBreak && !textOnly) {
      return;
    }
    add(path, `${String(node.type)} is not allowed here (inline content expected)`);
  };

  const checkChildren = (node: Record<string, unknown>, path: string): unknown[] => {
    if (node.content === undefined) {
      return [];
    }
    if (!Array.isArray(node.content)) {
      add(path, 'content is not a list');
      return [];
    }
    return node.content as unknown[];
  };

  const checkBlock = (node: unknown, path: string, depth: number): void => {
    nodes++;
    if (depth > PAD_LIMITS.maxDepth) {
      add(path, `nested more than ${PAD_LIMITS.maxDepth} levels deep`);
      return;
    }
    if (!isObj(node) || typeof node.type !== 'string') {
      add(path, 'not a node');
      return;
    }
    const attrs = isObj(node.attrs) ? node.attrs : {};
    const children = checkChildren(node, path);
    const type = node.type;
    switch (type) {
      case NODE.paragraph:
      case NODE.heading:
        if (type === NODE.heading) {
          const level = attrs.level;
          if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) {
            add(path, 'heading level must be 1 to 6');
          }
        }
        children.forEach((c, i) => checkInline(c, `${path}.${i}`, 'all', false));
        return;
      case NODE.codeBlock:
        if (attrs.language !== undefined && attrs.language !== null && typeof attrs.language !== 'string') {
          add(path, 'code block language is not text');
        }
        children.forEach((c, i) => checkInline(c, `${path}.${i}`, 'author', true));
        return;
      case NODE.horizontalRule:
        if (children.length > 0) {
          add(path, 'a horizontal rule has no content');
        }
        return;
      case NODE.blockquote:
        if (children.length === 0) {
          add(path, 'a quote needs at least one block');
        }
        children.forEach((c, i) => checkBlock(c, `${path}.${i}`, depth + 1));
        return;
      case NODE.bulletList:
      case NODE.orderedList:
      case NODE.taskList: {
        if (type === NODE.orderedList && attrs.start !== undefined) {
          const start = attrs.start;
          if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 0) {
            add(path, 'list start must be a whole number ≥ 0');
          }
        }
        if (children.length === 0) {
          add(path, 'a list needs at least one item');
        }
        const itemType = type === NODE.taskList ? NODE.taskItem : NODE.listItem;
        children.forEach((item, i) => {
          const itemPath = `${path}.${i}`;
          nodes++;
          if (!isObj(item) || item.type !== itemType) {
            add(itemPath, `a ${type} holds only ${itemType} nodes`);
            return;
          }
          const itemAttrs = isObj(item.attrs) ? item.attrs : {};
          if (itemType === NODE.taskItem && typeof itemAttrs.checked !== 'boolean') {
            add(itemPath, 'a task item needs checked: true or false');
          }
          const blocks = checkChildren(item, itemPath);
          const first = blocks[0];
          if (!isObj(first) || first.type !== NODE.paragraph) {
            add(itemPath, 'a list item starts with a paragraph');
          }
          blocks.forEach((c, j) => checkBlock(c, `${itemPath}.${j}`, depth + 1));
        });
        return;
      }
      default:
        add(path, `unknown block ${JSON.stringify(type)}`);
    }
  };

  if (!isObj(doc) || doc.type !== NODE.doc) {
    return [{ path: '', message: 'not a pad document (type "doc" expected)' }];
  }
  const blocks = checkChildren(doc, 'doc');
  if (blocks.length === 0) {
    add('doc', 'a document needs at least one block');
  }
  blocks.forEach((b, i) => checkBlock(b, `doc.${i}`, 1));
  if (nodes > PAD_LIMITS.maxNodes) {
    add('doc', `more than ${PAD_LIMITS.maxNodes} nodes`);
  }
  if (textLength > PAD_LIMITS.maxTextLength) {
    add('doc', `more than ${PAD_LIMITS.maxTextLength} characters of text`);
  }
  return problems;
}

/** Throws {@link PadContentError} unless `doc` passes {@link checkPadDoc}. */
export function assertPadDoc(doc: unknown, what = 'The content'): asserts doc is PadDoc {
  const problems = checkPadDoc(doc);
  if (problems.length > 0) {
    const first = problems[0];
    throw new PadContentError(
      `${what} does not fit the notes pad: ${first?.message ?? 'invalid'}${first?.path ? ` (at ${first.path})` : ''}.`,
      problems,
    );
  }
}

function sortedMarks(marks: readonly PadMark[] | undefined): PadMark[] {
  const out: PadMark[] = [];
  for (const mark of marks ?? []) {
    const attrs = normalMarkAttrs(mark);
    out.push(attrs === undefined ? { type: mark.type } : { type: mark.type, attrs });
  }
  return out.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

/** The attributes of a mark that carry meaning (the editor adds defaults such as link targets). */
function normalMarkAttrs(mark: PadMark): Record<string, unknown> | undefined {
  if (mark.type === MARK.link) {
    return { href: mark.attrs?.href };
  }
  if (mark.type === MARK.author) {
    return { id: mark.attrs?.id };
  }
  return undefined;
}

/** The attributes of a node that carry meaning, with nulls and defaults dropped. */
function normalNodeAttrs(node: PadNode): Record<string, unknown> | undefined {
  const a = node.attrs ?? {};
  switch (node.type) {
    case NODE.heading:
      return { level: a.level ?? 1 };
    case NODE.orderedList:
      return { start: a.start ?? 1 };
    case NODE.taskItem:
      return { checked: a.checked === true };
    case NODE.codeBlock:
      return typeof a.language === 'string' && a.language !== '' ? { language: a.language } : undefined;
    default:
      return undefined;
  }
}

function sameMarks(a: readonly PadMark[], b: readonly PadMark[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The canonical form of a node: meaningful attributes only, marks sorted, neighbouring text nodes
 * with the same marks merged, empty text dropped. Two documents that look the same in the editor
 * have the same canonical JSON.
 */
export function normalizePadNode(node: PadNode): PadNode {
  if (node.type === NODE.text) {
    const marks = sortedMarks(node.marks);
    return textNode(node.text ?? '', marks);
  }
  const out: PadNode = { type: node.type };
  const attrs = normalNodeAttrs(node);
  if (attrs !== undefined) {
    out.attrs = attrs;
  }
  if (node.content !== undefined && node.content.length > 0) {
    const content: PadNode[] = [];
    for (const child of node.content) {
      const c = normalizePadNode(child);
      if (c.type === NODE.text) {
        if (c.text === '') {
          continue;
        }
        const last = content[content.length - 1];
        if (last?.type === NODE.text && sameMarks(last.marks ?? [], c.marks ?? [])) {
          last.text = (last.text ?? '') + (c.text ?? '');
          continue;
        }
      }
      content.push(c);
    }
    if (content.length > 0) {
      out.content = content;
    }
  }
  return out;
}

/** The canonical form of a whole document (see {@link normalizePadNode}). */
export function normalizePadDoc(doc: PadDoc): PadDoc {
  const content = (doc.content ?? []).map(normalizePadNode);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: NODE.paragraph }] };
}

/** A stable string for comparing nodes (on canonical nodes, equal strings mean equal content). */
export function nodeKey(node: PadNode): string {
  return JSON.stringify(node);
}

/** The plain text of a node and its descendants (blocks separated by newlines). */
export function plainText(node: PadNode): string {
  if (node.type === NODE.text) {
    return node.text ?? '';
  }
  if (node.type === NODE.hardBreak) {
    return '\n';
  }
  const inline = node.type === NODE.paragraph || node.type === NODE.heading || node.type === NODE.codeBlock;
  return (node.content ?? []).map(plainText).join(inline ? '' : '\n');
}

/** Every author id that appears on text in the document, in order of first appearance. */
export function authorsIn(doc: PadNode): string[] {
  const seen = new Set<string>();
  const walk = (node: PadNode): void => {
    for (const mark of node.marks ?? []) {
      const id = mark.attrs?.id;
      if (mark.type === MARK.author && typeof id === 'string') {
        seen.add(id);
      }
    }
    node.content?.forEach(walk);
  };
  walk(doc);
  return [...seen];
}

/** A copy of the document with the author mark set to `authorId` on all text (or removed if null). */
export function withAuthor(doc: PadDoc, authorId: string | null): PadDoc {
  const walk = (node: PadNode): PadNode => {
    if (node.type === NODE.text) {
      const marks = (node.marks ?? []).filter((m) => m.type !== MARK.author);
      if (authorId !== null) {
        marks.push({ type: MARK.author, attrs: { id: authorId } });
      }
      return textNode(node.text ?? '', marks);
    }
    return node.content ? { ...node, content: node.content.map(walk) } : { ...node };
  };
  return { type: 'doc', content: doc.content.map(walk) };
}
