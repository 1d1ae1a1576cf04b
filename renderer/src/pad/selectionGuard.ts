import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * Keeps the local cursor where Yjs says it is after someone else's change.
 *
 * After every remote update y-tiptap (3.0.9) rebuilds the document and puts the local selection
 * back from its Yjs relative position, but then second-guesses that with a content-matching
 * heuristic whenever the cursor sits at the start of a block ("both at start" in
 * isMisresolvedAfterStructuralChange). In a pad with several empty paragraphs — the template has
 * one under each heading, and pressing Enter makes more — the heuristic finds "the same" empty
 * paragraph elsewhere and moves the cursor there: when two people press Enter at the end of the
 * pad at the same moment, one of them goes on typing under another heading. (Seen in
 * test/e2e/pad.test.ts with three people typing at once; it also happens without the author mark.)
 *
 * This plugin re-resolves the selection from the same relative positions and, when the item they
 * point at still exists (so Yjs's answer is exact), restores that answer with a selection-only
 * transaction. When the item was deleted (a block moved by delete + insert, what the heuristic is
 * for), y-tiptap's choice stands.
 */

interface RelativeSelection {
  type: string;
  anchor: Y.RelativePosition | null;
  head: Y.RelativePosition | null;
}

interface BindingLike {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<unknown, unknown>;
  beforeTransactionSelection: RelativeSelection | null;
}

/** Whether the item a relative position points at still exists undeleted. */
function pointsAtLiveItem(doc: Y.Doc, rel: Y.RelativePosition): boolean {
  const id = rel.item ?? rel.type;
  if (id === null) {
    return true; // Relative to the root type itself.
  }
  try {
    const struct = Y.getItem(doc.store, id);
    return struct instanceof Y.Item && !struct.deleted;
  } catch {
    return false;
  }
}

/** The plugin key (tests and tools can find it). */
const selectionGuardKey = new PluginKey('padSelectionGuard');

/** See the module comment. */
export const SelectionGuard = Extension.create({
  name: 'padSelectionGuard',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: selectionGuardKey,
        appendTransaction(transactions, _oldState, newState) {
          const remote = transactions.some((tr) => tr.getMeta(ySyncPluginKey)?.isChangeOrigin === true);
          if (!remote) {
            return null;
          }
          const binding = (ySyncPluginKey.getState(newState) as { binding?: BindingLike } | undefined)
            ?.binding;
          const rel = binding?.beforeTransactionSelection;
          if (!binding || !rel || rel.type !== 'text' || rel.anchor === null || rel.head === null) {
            return null;
          }
          if (!pointsAtLiveItem(binding.doc, rel.anchor) || !pointsAtLiveItem(binding.doc, rel.head)) {
            return null;
          }
          const mapping = binding.mapping as Parameters<typeof relativePositionToAbsolutePosition>[3];
          const anchor = relativePositionToAbsolutePosition(binding.doc, binding.type, rel.anchor, mapping);
          const head = relativePositionToAbsolutePosition(binding.doc, binding.type, rel.head, mapping);
          const size = newState.doc.content.size;
          if (anchor === null || head === null || anchor > size || head > size) {
            return null;
          }
          const { selection } = newState;
          if (selection.anchor === anchor && selection.head === head) {
            return null;
          }
          try {
            const restored = TextSelection.between(newState.doc.resolve(anchor), newState.doc.resolve(head));
            return newState.tr.setSelection(restored).setMeta('addToHistory', false);
          } catch {
            return null;
          }
        },
      }),
    ];
  },
});
