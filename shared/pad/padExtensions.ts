import { Mark, mergeAttributes, type AnyExtension, type Attribute, type Attributes } from '@tiptap/core';
import Code from '@tiptap/extension-code';
import CodeBlock from '@tiptap/extension-code-block';
import Heading from '@tiptap/extension-heading';
import Link from '@tiptap/extension-link';
import { OrderedList, TaskItem, TaskList } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { MARK, SAFE_LINK } from './padNames.js';

/**
 * The pad's schema as Tiptap extensions: the one definition the editor (renderer/src/pad) runs
 * and the core builds its validator from (padSchema.ts). Only schema-relevant extensions live
 * here; the editor adds collaboration, carets and author stamping on top. Nothing in this module
 * touches the DOM when imported, so the core and the CLI load it in Node.
 *
 * Differences from Tiptap's defaults:
 * - inline code and code blocks allow the author mark (Tiptap's code excludes all marks, which
 *   would drop authorship there);
 * - no trailing-node plugin: it inserts a paragraph on its own, and with several people in one
 *   pad each would add one;
 * - no undo/redo extension: the Collaboration extension brings y-prosemirror's per-user undo;
 * - links only with http(s), mailto and tel, not opened on click while editing;
 * - attributes carry ProseMirror `validate` rules (heading level, link href, author id, task
 *   state, code language, list start): `Node.check()` enforces them on everything the core writes,
 *   and y-prosemirror drops what fails them, so the rule and the editor cannot disagree.
 */

/** A ProseMirror attribute validator that throws a readable error when `ok` is false. */
function rule(what: string, ok: (value: unknown) => boolean): (value: unknown) => void {
  return (value) => {
    if (!ok(value)) {
      throw new RangeError(`${what} (got ${JSON.stringify(value) ?? String(value)})`);
    }
  };
}

/** The parent's attributes with `extra` merged into attribute `name` (Tiptap's `this.parent?.()`). */
function extendAttribute(parent: Attributes | undefined, name: string, extra: Attribute): Attributes {
  return { ...parent, [name]: { ...parent?.[name], ...extra } };
}

/** The author mark: `{id}` = the writer's user id; rendered as `<span class="pad-author" data-author="…">`. */
export const AuthorMark = Mark.create({
  name: MARK.author,
  // Text typed at the edge of someone else's run must not take their mark (it gets ours).
  inclusive: false,
  addAttributes() {
    return {
      id: {
        default: null,
        validate: rule('an author mark needs a non-empty id', (v) => typeof v === 'string' && v !== ''),
        parseHTML: (element) => element.getAttribute('data-author'),
        renderHTML: (attributes: { id?: unknown }) =>
          typeof attributes.id === 'string' ? { 'data-author': attributes.id } : {},
      },
    };
  },
  parseHTML() {
    // A span with an empty data-author is plain text (an empty id would fail the validator).
    return [
      {
        tag: 'span[data-author]',
        getAttrs: (element) => (element.getAttribute('data-author') ? null : false),
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'pad-author' }, HTMLAttributes), 0];
  },
});

/** The extensions that define the pad schema (a fresh list each call: Tiptap configures them per editor). */
export function padSchemaExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      trailingNode: false,
      code: false,
      codeBlock: false,
      heading: false,
      link: false,
      orderedList: false,
    }),
    Heading.extend({
      addAttributes() {
        return extendAttribute(this.parent?.(), 'level', {
          validate: rule(
            'heading level must be 1 to 6',
            (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 6,
          ),
        });
      },
    }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      isAllowedUri: (url, ctx) => SAFE_LINK.test(url) && ctx.defaultValidate(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
    }).extend({
      addAttributes() {
        return extendAttribute(this.parent?.(), 'href', {
          validate: rule(
            'a link needs a safe href (http, https, mailto, tel)',
            (v) => typeof v === 'string' && SAFE_LINK.test(v),
          ),
        });
      },
    }),
    OrderedList.extend({
      addAttributes() {
        return extendAttribute(this.parent?.(), 'start', {
          // Pasted `<ol start="x">` would give NaN: start at 1 then.
          parseHTML: (element) => {
            const start = Number.parseInt(element.getAttribute('start') ?? '', 10);
            return Number.isSafeInteger(start) && start >= 0 ? start : 1;
          },
          validate: rule('a list start must be a number', (v) => typeof v === 'number'),
        });
      },
    }),
    Code.extend({ excludes: `${MARK.bold} ${MARK.italic} ${MARK.underline} ${MARK.strike} ${MARK.code}` }),
    CodeBlock.extend({
      marks: MARK.author,
      addAttributes() {
        return extendAttribute(this.parent?.(), 'language', { validate: 'string|null' });
      },
    }),
    TaskList,
    TaskItem.configure({ nested: true }).extend({
      addAttributes() {
        return extendAttribute(this.parent?.(), 'checked', { validate: 'boolean' });
      },
    }),
    AuthorMark,
  ];
}
