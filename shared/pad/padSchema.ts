import { getSchema, type AnyExtension } from '@tiptap/core';
import { Fragment, Mark, Node, type NodeType, type Schema } from '@tiptap/pm/model';
import { padSchemaExtensions } from './padExtensions.js';

/**
 * The pad's ProseMirror schema, built by Tiptap from the editor's own extension list
 * (padExtensions.ts), and the check of JSON content against a schema. The check is ProseMirror's
 * (`Node.fromJSON` per node, then `Node.check()` on the whole document), done bottom-up so the
 * first problem can be named with its place in the tree, e.g. `content[3].content[0]`.
 */

/** A problem with a document, and where in the tree it is (`''` = the document itself). */
export interface SchemaProblem {
  path: string;
  message: string;
}

/** Limits on top of the schema (so a hostile import cannot exhaust memory or the stack). */
export interface ContentLimits {
  /** Nesting of nodes of the group `block` (lists in lists, quotes in quotes; an item is no level). */
  maxDepth: number;
  /** Nodes in the whole document. */
  maxNodes: number;
  /** Characters of text in the whole document. */
  maxTextLength: number;
}

/** The schema of a list of Tiptap extensions (the same call the editor makes). */
function schemaOf(extensions: AnyExtension[]): Schema {
  return getSchema(extensions);
}

let cached: Schema | undefined;

/** The pad schema, built once on first use from {@link padSchemaExtensions}. */
export function padSchema(): Schema {
  cached ??= schemaOf(padSchemaExtensions());
  return cached;
}

const MAX_PROBLEMS = 20;

/** ProseMirror's content check of one node (NodeType.checkContent), with a message that says why. */
function checkContent(node: Node): void {
  if (node.type.validContent(node.content)) {
    return;
  }
  node.content.forEach((child) => {
    const refused = child.marks.find((mark) => !node.type.allowsMarkType(mark.type));
    if (refused !== undefined) {
      throw new RangeError(`Mark '${refused.type.name}' is not allowed in a ${node.type.name}`);
    }
  });
  const names = node.content.content.map((child) => child.type.name);
  throw new RangeError(
    `Invalid content for node ${node.type.name} (${node.type.spec.content ?? 'empty'} expected, got ${names.length > 0 ? names.join(' ') : 'nothing'})`,
  );
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a node type belongs to the group `block` (Tiptap's paragraphs, lists, quotes …). */
function isBlock(type: NodeType | undefined): boolean {
  return (type?.spec.group ?? '').split(' ').includes('block');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks `json` against `schema` and `limits`. Returns the problems (at most 20); an empty list
 * means `Node.fromJSON(schema, json).check()` passes, so every editor shows the content as written
 * (y-prosemirror deletes what its schema refuses).
 */
export function checkAgainstSchema(schema: Schema, json: unknown, limits: ContentLimits): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const add = (path: string, message: string): void => {
    if (problems.length < MAX_PROBLEMS) {
      problems.push({ path, message });
    }
  };
  let nodes = 0;
  let textLength = 0;
  const at = (parent: string, index: number): string =>
    `${parent === '' ? '' : `${parent}.`}content[${index}]`;

  /** Builds one node from its JSON after its children; undefined when it or a descendant is invalid. */
  const build = (value: unknown, path: string, depth: number, raw: number): Node | undefined => {
    nodes++;
    if (nodes > limits.maxNodes) {
      return undefined;
    }
    if (!isObject(value) || typeof value.type !== 'string') {
      add(path, 'not a node (an object with a "type" expected)');
      return undefined;
    }
    const type = value.type;
    if (schema.nodes[type] === undefined) {
      add(path, `Unknown node type '${type}'`);
      return undefined;
    }
    if (value.marks !== undefined && !Array.isArray(value.marks)) {
      add(path, 'marks is not a list');
      return undefined;
    }
    for (const mark of (value.marks ?? []) as unknown[]) {
      if (!isObject(mark) || typeof mark.type !== 'string' || schema.marks[mark.type] === undefined) {
        add(path, `Unknown mark type '${String(isObject(mark) ? mark.type : mark)}'`);
        return undefined;
      }
    }
    if (value.attrs !== undefined && !isObject(value.attrs)) {
      add(path, 'attrs is not an object');
      return undefined;
    }
    if (type === 'text' && typeof value.text === 'string') {
      textLength += value.text.length;
    }
    let children: Node[] = [];
    if (value.content !== undefined) {
      if (!Array.isArray(value.content)) {
        add(path, 'content is not a list');
        return undefined;
      }
      const level = depth + (isBlock(schema.nodes[type]) ? 1 : 0);
      // Items and other non-block wrappers count as no level, but bound the raw nesting as well.
      if ((level > limits.maxDepth || raw > 4 * limits.maxDepth) && value.content.length > 0) {
        add(path, `nested more than ${limits.maxDepth} levels deep`);
        return undefined;
      }
      const built = value.content.map((child, i) => build(child, at(path, i), level, raw + 1));
      if (!built.every((n): n is Node => n !== undefined)) {
        return undefined;
      }
      children = built;
    }
    try {
      // ProseMirror's own reading of the node (attributes, their validators, marks, text) …
      const shell = Node.fromJSON(schema, { ...value, content: undefined });
      const node = shell.isText ? shell : shell.copy(Fragment.fromArray(children));
      // … and the part of Node.check() that concerns this node: content, attribute names, marks.
      checkContent(node);
      const unsupported = Object.keys(value.attrs ?? {}).filter((name) => !(name in node.attrs));
      if (unsupported.length > 0) {
        throw new RangeError(`Unsupported attribute ${unsupported.join(', ')} for node of type ${type}`);
      }
      let set = Mark.none;
      for (const mark of node.marks) {
        set = mark.addToSet(set);
      }
      if (!Mark.sameSet(set, node.marks)) {
        throw new RangeError(
          `Invalid collection of marks for node ${type}: ${node.marks.map((m) => m.type.name).join(', ')}`,
        );
      }
      return node;
    } catch (error) {
      add(path, messageOf(error));
      return undefined;
    }
  };

  const root = build(json, '', 0, 0);
  if (nodes > limits.maxNodes) {
    add('', `more than ${limits.maxNodes} nodes`);
  }
  if (textLength > limits.maxTextLength) {
    add('', `more than ${limits.maxTextLength} characters of text`);
  }
  if (root !== undefined && problems.length === 0) {
    if (root.type !== schema.topNodeType) {
      add('', `not a document (type '${schema.topNodeType.name}' expected, got '${root.type.name}')`);
    } else {
      try {
        // The whole of ProseMirror's check, attribute validators of defaults and marks included.
        root.check();
      } catch (error) {
        add('', messageOf(error));
      }
    }
  }
  return problems;
}
