import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { readPadContent, replaceFragmentContent, writePadContent } from '../../../shared/pad/padContent.js';
import { assertPadDoc, checkPadDoc, normalizePadDoc, type PadDoc } from '../../../shared/pad/padJson.js';
import { contentFragment } from '../../../shared/pad/padLayout.js';
import { padSchema } from '../../../shared/pad/padSchema.js';
import { markdownToPadDoc } from '../../../shared/pad/padMarkdown.js';

/** The editor's real schema (the same extensions the renderer uses), built in Node. */
const schema = padSchema();

const a = (id: string) => ({ type: 'author', attrs: { id } });

const rich: PadDoc = {
  type: 'doc',
  content: [
    {
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Ergebnisse', marks: [a('u1')] }],
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'fett', marks: [{ type: 'bold' }, a('u1')] },
        { type: 'text', text: ' und ', marks: [a('u2')] },
        {
          type: 'text',
          text: 'Link',
          marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, a('u2')],
        },
        { type: 'hardBreak' },
        { type: 'text', text: 'code', marks: [{ type: 'code' }, a('u1')] },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'eins' }] },
            {
              type: 'orderedList',
              attrs: { start: 3 },
              content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
            },
          ],
        },
      ],
    },
    {
      type: 'taskList',
      content: [
        {
          type: 'taskItem',
          attrs: { checked: true },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'erledigt' }] }],
        },
      ],
    },
    {
      type: 'blockquote',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Zitat',
              marks: [{ type: 'italic' }, { type: 'underline' }, { type: 'strike' }],
            },
          ],
        },
      ],
    },
    {
      type: 'codeBlock',
      attrs: { language: 'ts' },
      content: [{ type: 'text', text: 'let x = 1;\nx++;', marks: [a('u3')] }],
    },
    { type: 'horizontalRule' },
    { type: 'paragraph' },
  ],
};

describe('pad JSON and the editor schema', () => {
  it('accepts every node and mark the pad model describes, as the editor schema does', () => {
    expect(checkPadDoc(rich)).toEqual([]);
    const node = Node.fromJSON(schema, rich);
    node.check();
    // The editor keeps the author mark on code and code blocks (Tiptap's code would drop it).
    expect(JSON.stringify(node.toJSON())).toContain('"u3"');
    expect(normalizePadDoc(node.toJSON() as PadDoc)).toEqual(normalizePadDoc(rich));
  });

  it('refuses what the editor would silently delete', () => {
    const bad = [
      { type: 'doc', content: [] },
      { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'paragraph' }] }] },
      {
        type: 'doc',
        content: [
          {
            type: 'bulletList',
            content: [{ type: 'listItem', content: [{ type: 'heading', attrs: { level: 1 } }] }],
          },
        ],
      },
      { type: 'doc', content: [{ type: 'heading', attrs: { level: 9 } }] },
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
            ],
          },
        ],
      },
      {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] }],
      },
      {
        type: 'doc',
        content: [{ type: 'codeBlock', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }] }],
      },
      { type: 'doc', content: [{ type: 'script' }] },
    ];
    for (const doc of bad) {
      expect(checkPadDoc(doc), JSON.stringify(doc)).not.toEqual([]);
    }
  });

  it('names the problem and where it is, in ProseMirror terms', () => {
    const para = (text: string, marks?: unknown[]) => ({
      type: 'paragraph',
      content: [{ type: 'text', text, marks }],
    });
    const cases: [unknown, string, string][] = [
      [
        { type: 'doc', content: [para('a'), para('b'), para('c'), { type: 'foo' }] },
        'content[3]',
        "Unknown node type 'foo'",
      ],
      [
        { type: 'doc', content: [para('x', [{ type: 'blink' }])] },
        'content[0].content[0]',
        "Unknown mark type 'blink'",
      ],
      [
        { type: 'doc', content: [para('x', [{ type: 'link', attrs: { href: ' javascript:alert(1)' } }])] },
        'content[0].content[0]',
        'a link needs a safe href (http, https, mailto, tel) (got " javascript:alert(1)")',
      ],
      [
        { type: 'doc', content: [{ type: 'heading', attrs: { level: 9 } }] },
        'content[0]',
        'heading level must be 1 to 6 (got 9)',
      ],
      [
        {
          type: 'doc',
          content: [{ type: 'codeBlock', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }] }],
        },
        'content[0]',
        "Mark 'bold' is not allowed in a codeBlock",
      ],
      [
        { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'paragraph' }] }] },
        'content[0]',
        'Invalid content for node bulletList (listItem+ expected, got paragraph)',
      ],
      [
        { type: 'doc', content: [para('x', [{ type: 'author', attrs: { id: '' } }])] },
        'content[0].content[0]',
        'an author mark needs a non-empty id (got "")',
      ],
      [
        { type: 'doc', content: [{ type: 'paragraph', attrs: { colour: 'red' } }] },
        'content[0]',
        'Unsupported attribute colour for node of type paragraph',
      ],
      [{ type: 'doc', content: [para('')] }, 'content[0].content[0]', 'Empty text nodes are not allowed'],
      [{ type: 'doc', content: [42] }, 'content[0]', 'not a node (an object with a "type" expected)'],
      [{ type: 'paragraph' }, '', "not a document (type 'doc' expected, got 'paragraph')"],
    ];
    for (const [doc, path, message] of cases) {
      expect(checkPadDoc(doc), JSON.stringify(doc)).toEqual([{ path, message }]);
    }
    expect(() => assertPadDoc(cases[0]![0], 'The file')).toThrow(
      "The file does not fit the notes pad: Unknown node type 'foo' at content[3].",
    );
  });

  it('refuses deep nesting before it could exhaust the stack', () => {
    let node: Record<string, unknown> = { type: 'paragraph' };
    for (let i = 0; i < 10_000; i++) {
      node = { type: 'blockquote', content: [node] };
    }
    expect(checkPadDoc({ type: 'doc', content: [node] })[0]?.message).toBe('nested more than 48 levels deep');
  });

  it('writes Yjs the way y-prosemirror does, so the editor reads exactly the content', () => {
    const doc = new Y.Doc();
    doc.transact(() => writePadContent(doc, rich));
    // y-tiptap's own reader, then the real schema: what every client's editor will show.
    const json = yXmlFragmentToProsemirrorJSON(contentFragment(doc));
    const node = Node.fromJSON(schema, json);
    node.check();
    expect(normalizePadDoc(node.toJSON() as PadDoc)).toEqual(normalizePadDoc(rich));
    expect(normalizePadDoc(readPadContent(doc))).toEqual(normalizePadDoc(rich));
  });

  it('replaces only the blocks that differ, keeping equal ones (and concurrent edits in them)', () => {
    const doc = new Y.Doc();
    const before = markdownToPadDoc('# A\n\nB\n\nC\n\nD\n');
    doc.transact(() => writePadContent(doc, before));
    const kept = contentFragment(doc).get(3);
    const result = doc.transact(() => writePadContent(doc, markdownToPadDoc('# A\n\nB2\n\nC\n\nD\n')));
    expect(result).toEqual({ removed: 1, inserted: 1 });
    expect(contentFragment(doc).get(3)).toBe(kept);
    expect(readPadContent(doc).content.map((n) => n.content?.[0]?.text)).toEqual(['A', 'B2', 'C', 'D']);
  });

  it('changes nothing when the content does not fit', () => {
    const doc = new Y.Doc();
    doc.transact(() => writePadContent(doc, rich));
    const state = Y.encodeStateAsUpdate(doc);
    expect(() =>
      doc.transact(() =>
        replaceFragmentContent(contentFragment(doc), { type: 'doc', content: [{ type: 'bogus' }] }),
      ),
    ).toThrow(/does not fit/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });
});
