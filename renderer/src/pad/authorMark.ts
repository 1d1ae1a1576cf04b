import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { MARK } from '../../../shared/pad/padNames.js';

/**
 * Etherpad-style authorship in the editor: the `author` mark (attribute `id` = the writer's user
 * id, defined with the schema in shared/pad/padExtensions.ts) sits on every piece of text, and a
 * ProseMirror plugin stamps it on whatever this person inserts. Only local changes are stamped: transactions that y-prosemirror made from remote
 * updates, undo/redo or the first render carry its plugin meta and are left alone, so remote
 * text keeps its author and undone deletions come back with their original marks. Pasted text
 * becomes the paster's, as in Etherpad. Formatting changes (bold …) do not change authorship.
 */

/** Whether y-prosemirror made this transaction (remote change, undo/redo, initial render). */
function fromSync(tr: Transaction): boolean {
  return tr.getMeta(ySyncPluginKey) !== undefined;
}

/** The plugin key of the stamping plugin (tests and tools can look for it). */
const authorStampKey = new PluginKey('authorStamp');

/** Options of {@link AuthorStamp}. */
export interface AuthorStampOptions {
  /** The current user's id, or null to stamp nothing (read-only views). */
  userId: () => string | null;
}

/** Stamps the author mark on text inserted by local transactions (see the module comment). */
export const AuthorStamp = Extension.create<AuthorStampOptions>({
  name: 'authorStamp',
  addOptions() {
    return { userId: () => null };
  },
  addProseMirrorPlugins() {
    const { userId } = this.options;
    return [
      new Plugin({
        key: authorStampKey,
        appendTransaction(transactions, _oldState, newState) {
          const id = userId();
          const type = newState.schema.marks[MARK.author];
          if (id === null || type === undefined) {
            return null;
          }
          // Inserted ranges, kept in the coordinates of the newest document.
          let ranges: [number, number][] = [];
          for (const tr of transactions) {
            if (!tr.docChanged) {
              continue;
            }
            ranges = ranges.map(([from, to]) => [tr.mapping.map(from, 1), tr.mapping.map(to, -1)]);
            if (fromSync(tr)) {
              continue;
            }
            tr.mapping.maps.forEach((map, index) => {
              const rest = tr.mapping.slice(index + 1);
              map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
                if (newEnd > newStart) {
                  ranges.push([rest.map(newStart, 1), rest.map(newEnd, -1)]);
                }
              });
            });
          }
          if (ranges.length === 0) {
            return null;
          }
          const mark = type.create({ id });
          const tr = newState.tr;
          const size = newState.doc.content.size;
          for (const [rawFrom, rawTo] of ranges) {
            const from = Math.max(0, rawFrom);
            const to = Math.min(size, rawTo);
            if (to <= from) {
              continue;
            }
            newState.doc.nodesBetween(from, to, (node, pos, parent) => {
              if (node.isText && !mark.isInSet(node.marks) && parent?.type.allowsMarkType(type)) {
                tr.addMark(Math.max(from, pos), Math.min(to, pos + node.nodeSize), mark);
              }
            });
          }
          return tr.docChanged ? tr : null;
        },
      }),
    ];
  },
});
