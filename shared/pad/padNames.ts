/**
 * The names of the pad schema's nodes and marks, and the link rule, on their own so the extension
 * list (padExtensions.ts) and the JSON helpers (padJson.ts) can both use them without a cycle.
 */

/** Names of the nodes of the pad schema. */
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

/** Links keep only schemes that cannot run code when clicked. */
export const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
