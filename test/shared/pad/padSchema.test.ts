import { Mark, Node } from '@tiptap/core';
import { describe, expect, it, vi } from 'vitest';
import { Node as PmNode } from '@tiptap/pm/model';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type * as Extensions from '../../../shared/pad/padExtensions.js';
import { readPadContent, writePadContent } from '../../../shared/pad/padContent.js';
import { assertPadDoc, checkPadDoc, normalizePadDoc, type PadDoc } from '../../../shared/pad/padJson.js';
import { contentFragment } from '../../../shared/pad/padLayout.js';
import { padSchema } from '../../../shared/pad/padSchema.js';

/**
 * The core's validator has no list of nodes and marks of its own: it checks against the schema
 * Tiptap builds from the editor's extension list. Here the extension list gets a node and a mark
 * the pad does not have (as a developer adding them to shared/pad/padExtensions.ts would), and the
 * core's own write path — writePadContent, which templates, restores and imports use — accepts
 * content that uses them, with no other file changed.
 */

const Highlight = Mark.create({
  name: 'testHighlight',
  addAttributes: () => ({ colour: { default: 'yellow', validate: 'string' } }),
  renderHTML: () => ['mark', 0],
});

const Callout = Node.create({
  name: 'testCallout',
  group: 'block',
  content: 'paragraph+',
  renderHTML: () => ['aside', 0],
});

vi.mock('../../../shared/pad/padExtensions.js', async (importOriginal) => {
  const actual = await importOriginal<typeof Extensions>();
  return { ...actual, padSchemaExtensions: () => [...actual.padSchemaExtensions(), Highlight, Callout] };
});

const withNewTypes: PadDoc = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'vorher' }] },
    {
      type: 'testCallout',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Achtung',
              marks: [
                { type: 'testHighlight', attrs: { colour: 'red' } },
                { type: 'author', attrs: { id: 'u1' } },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('a node or mark added to the editor', () => {
  it('is accepted by the core without touching a second file', () => {
    expect(checkPadDoc(withNewTypes)).toEqual([]);
    const doc = new Y.Doc();
    doc.transact(() => writePadContent(doc, withNewTypes));
    expect(normalizePadDoc(readPadContent(doc))).toEqual(normalizePadDoc(withNewTypes));
    // And the editor, bound to that Yjs document with the same schema, reads it back unchanged.
    const json = yXmlFragmentToProsemirrorJSON(contentFragment(doc));
    expect(normalizePadDoc(PmNode.fromJSON(padSchema(), json).toJSON() as PadDoc)).toEqual(
      normalizePadDoc(withNewTypes),
    );
  });

  it('brings its own rules: the new attribute validator and content expression are enforced', () => {
    const badColour = structuredClone(withNewTypes);
    badColour.content[1]!.content![0]!.content![0]!.marks![0]!.attrs = { colour: 7 };
    expect(() => assertPadDoc(badColour)).toThrow(
      /Expected value of type string for attribute colour on type testHighlight, got number at content\[1\]\.content\[0\]\.content\[0\]/,
    );
    const emptyCallout = { type: 'doc', content: [{ type: 'testCallout' }] };
    expect(checkPadDoc(emptyCallout)).toEqual([
      {
        path: 'content[0]',
        message: 'Invalid content for node testCallout (paragraph+ expected, got nothing)',
      },
    ]);
  });
});
