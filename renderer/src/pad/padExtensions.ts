import type { AnyExtension } from '@tiptap/core';
import Code from '@tiptap/extension-code';
import CodeBlock from '@tiptap/extension-code-block';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { MARK, SAFE_LINK } from '../../../shared/pad/padJson.js';
import { AuthorMark } from './authorMark.js';

/**
 * The editor's schema: the nodes and marks shared/pad/padJson.ts describes, and nothing else,
 * because everything the core writes into a pad (template, imports, restores) is checked against
 * that description. Differences from Tiptap's defaults:
 * - inline code and code blocks allow the author mark (Tiptap's code excludes all marks, which
 *   would drop authorship there);
 * - no trailing-node plugin: it inserts a paragraph on its own, and with several people in one
 *   pad each would add one;
 * - no undo/redo extension: the Collaboration extension brings y-prosemirror's per-user undo;
 * - links only with http(s), mailto and tel, not opened on click while editing.
 */
export function padSchemaExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      trailingNode: false,
      code: false,
      codeBlock: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (url, ctx) => SAFE_LINK.test(url) && ctx.defaultValidate(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    Code.extend({ excludes: `${MARK.bold} ${MARK.italic} ${MARK.underline} ${MARK.strike} ${MARK.code}` }),
    CodeBlock.extend({ marks: MARK.author }),
    TaskList,
    TaskItem.configure({ nested: true }),
    AuthorMark,
  ];
}
