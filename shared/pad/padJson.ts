import { NODE, MARK } from './padNames.js';
import { checkAgainstSchema, padSchema, type SchemaProblem } from './padSchema.js';

/**
 * The content of a notes pad as plain JSON: exactly ProseMirror's `Node.toJSON()` for the editor's
 * schema, which Tiptap builds from the one extension list in padExtensions.ts (StarterKit + task
 * lists + the `author` mark). Everything that writes a pad from outside the editor (template,
 * imports, restoring a revision) builds this JSON, checks it with {@link checkPadDoc} against that
 * schema and writes it into the Yjs document with padContent.ts. The check matters: y-prosemirror
 * deletes any Yjs element the editor's schema refuses, so content the schema does not allow would
 * silently vanish on every client.
 */

// The names live in padNames.ts (shared with the extension list); importers keep using this module.
export { MARK, NODE, SAFE_LINK } from './padNames.js';

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

/** Limits for content written from outside the editor; beyond them an import is refused. */
const PAD_LIMITS = {
  /** Nesting of blocks (lists in lists, quotes in quotes). */
  maxDepth: 48,
  /** Nodes in the whole document. */
  maxNodes: 200_000,
  /** Characters of text in the whole document. */
  maxTextLength: 5_000_000,
} as const;

/** An empty pad: one empty paragraph (ProseMirror's doc needs one block). */
export function emptyPadDoc(): PadDoc {
  return { type: 'doc', content: [{ type: NODE.paragraph }] };
}

/** A text node with marks (none when the list is empty). */
export function textNode(text: string, marks: readonly PadMark[] = []): PadNode {
  return marks.length > 0 ? { type: NODE.text, text, marks: [...marks] } : { type: NODE.text, text };
}

/** A problem with a document, and where in the tree it is (e.g. `content[3].content[0]`). */
export type PadDocProblem = SchemaProblem;

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
 * Checks that `doc` is valid for the editor's schema (ProseMirror's `Node.fromJSON` + `check()` on
 * the schema built from the editor's extensions, see padSchema.ts) and within {@link PAD_LIMITS}.
 * Returns the problems (at most 20); an empty list means every client will show the content as written.
 */
export function checkPadDoc(doc: unknown): PadDocProblem[] {
  return checkAgainstSchema(padSchema(), doc, PAD_LIMITS);
}

/** Throws {@link PadContentError} unless `doc` passes {@link checkPadDoc}. */
export function assertPadDoc(doc: unknown, what = 'The content'): asserts doc is PadDoc {
  const problems = checkPadDoc(doc);
  if (problems.length > 0) {
    const first = problems[0];
    throw new PadContentError(
      `${what} does not fit the notes pad: ${first?.message ?? 'invalid'}${first?.path ? ` at ${first.path}` : ''}.`,
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
