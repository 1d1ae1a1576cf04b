import * as Y from 'yjs';
import {
  NODE,
  assertPadDoc,
  emptyPadDoc,
  nodeKey,
  normalizePadDoc,
  normalizePadNode,
  type PadDoc,
  type PadMark,
  type PadNode,
} from './padJson.js';
import { contentFragment } from './padLayout.js';

/**
 * Reading and writing the pad's Y.XmlFragment as {@link PadDoc} JSON, in exactly the encoding
 * y-prosemirror (@tiptap/y-tiptap) uses, so the editor shows what the core wrote:
 * - a node is a Y.XmlElement named after its type, its non-null attributes as element attributes;
 * - consecutive text nodes are one Y.XmlText whose delta attributes are the marks
 *   (`{bold: {}, link: {href: …}, author: {id: …}}`); marks that may overlap themselves get a
 *   `--hash` suffix in y-prosemirror, which the reader strips.
 */

const hashedMarkName = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function markName(attr: string): string {
  return hashedMarkName.exec(attr)?.[1] ?? attr;
}

function marksFromAttributes(attributes: Record<string, unknown> | undefined): PadMark[] {
  if (attributes === undefined) {
    return [];
  }
  const marks: PadMark[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) {
      continue;
    }
    const attrs =
      typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0
        ? { ...(value as Record<string, unknown>) }
        : undefined;
    marks.push(attrs === undefined ? { type: markName(key) } : { type: markName(key), attrs });
  }
  return marks;
}

function marksToAttributes(marks: readonly PadMark[] | undefined): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const mark of marks ?? []) {
    attributes[mark.type] = { ...(mark.attrs ?? {}) };
  }
  return attributes;
}

function readText(text: Y.XmlText): PadNode[] {
  const out: PadNode[] = [];
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert === '') {
      continue;
    }
    const marks = marksFromAttributes(op.attributes);
    out.push(
      marks.length > 0 ? { type: NODE.text, text: op.insert, marks } : { type: NODE.text, text: op.insert },
    );
  }
  return out;
}

function readElement(element: Y.XmlElement): PadNode {
  const node: PadNode = { type: element.nodeName };
  const attributes = element.getAttributes() as Record<string, unknown>;
  const attrs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && key !== 'ychange') {
      attrs[key] = value;
    }
  }
  if (Object.keys(attrs).length > 0) {
    node.attrs = attrs;
  }
  const content = readChildren(element);
  if (content.length > 0) {
    node.content = content;
  }
  return node;
}

function readChildren(parent: Y.XmlFragment | Y.XmlElement): PadNode[] {
  const out: PadNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      out.push(...readText(child));
    } else if (child instanceof Y.XmlElement) {
      out.push(readElement(child));
    }
  }
  return out;
}

/** Reads a fragment as pad JSON (as stored: not normalised, not checked). */
function readFragment(fragment: Y.XmlFragment): PadDoc {
  const content = readChildren(fragment);
  return { type: 'doc', content: content.length > 0 ? content : emptyPadDoc().content };
}

/** Reads the pad's content. */
export function readPadContent(doc: Y.Doc): PadDoc {
  return readFragment(contentFragment(doc));
}

function toYChildren(nodes: readonly PadNode[]): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  let run: PadNode[] = [];
  const flush = (): void => {
    if (run.length === 0) {
      return;
    }
    const text = new Y.XmlText();
    text.applyDelta(run.map((n) => ({ insert: n.text ?? '', attributes: marksToAttributes(n.marks) })));
    out.push(text);
    run = [];
  };
  for (const node of nodes) {
    if (node.type === NODE.text) {
      if ((node.text ?? '') !== '') {
        run.push(node);
      }
      continue;
    }
    flush();
    out.push(toYElement(node));
  }
  flush();
  return out;
}

/** Builds the Yjs element of one node (not yet in a document). */
function toYElement(node: PadNode): Y.XmlElement {
  const element = new Y.XmlElement(node.type);
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value !== null && value !== undefined) {
      // y-prosemirror stores attribute values as they are (numbers, booleans), not as strings.
      element.setAttribute(key, value as string);
    }
  }
  const children = toYChildren(node.content ?? []);
  if (children.length > 0) {
    element.insert(0, children);
  }
  return element;
}

/**
 * Makes the fragment show `target`, changing as little as possible: top-level blocks equal at the
 * start and the end are kept (so concurrent edits there survive, and unchanged text keeps its
 * identity), the blocks in between are replaced. Call inside a transaction. The target is checked
 * first; on a problem nothing is changed. Returns how many blocks were replaced and inserted.
 */
export function replaceFragmentContent(
  fragment: Y.XmlFragment,
  target: PadDoc,
): { removed: number; inserted: number } {
  assertPadDoc(target);
  const wanted = normalizePadDoc(target).content;
  const current = fragment.toArray();
  const currentKeys = current.map((child) =>
    child instanceof Y.XmlElement ? nodeKey(normalizePadNode(readElement(child))) : '\u0000text',
  );
  const wantedKeys = wanted.map(nodeKey);
  let prefix = 0;
  while (prefix < current.length && prefix < wanted.length && currentKeys[prefix] === wantedKeys[prefix]) {
    prefix++;
  }
  let suffix = 0;
  while (
    suffix < current.length - prefix &&
    suffix < wanted.length - prefix &&
    currentKeys[current.length - 1 - suffix] === wantedKeys[wanted.length - 1 - suffix]
  ) {
    suffix++;
  }
  const removed = current.length - prefix - suffix;
  const inserted = wanted.slice(prefix, wanted.length - suffix);
  if (removed > 0) {
    fragment.delete(prefix, removed);
  }
  if (inserted.length > 0) {
    fragment.insert(prefix, inserted.map(toYElement));
  }
  return { removed, inserted: inserted.length };
}

/** Replaces the pad's content (see {@link replaceFragmentContent}); call inside a transaction. */
export function writePadContent(doc: Y.Doc, target: PadDoc): { removed: number; inserted: number } {
  return replaceFragmentContent(contentFragment(doc), target);
}
