import { pasteItems } from '../../../../shared/sketch/objects/clipboard.js';
import type { ItemRef } from '../../../../shared/sketch/objects/paintOrder.js';
import type { Point } from '../../../../shared/sketch/viewTransform.js';
import type { PasteOutcome } from './editorTypes.js';
import type { ToolHost } from './tools/toolHost.js';

/**
 * Puts clipboard text (a paste, or a library entry: icon, stamp, template) on the sketchnote as
 * one undoable step, its box's top-left at `topLeft` (scene units), every item new and on top of
 * its layer. Returns what happened and the new items, to select them.
 */
export function placeClipboard(
  host: ToolHost,
  text: string,
  topLeft: Point,
): { outcome: PasteOutcome; added: ItemRef[] } {
  let outcome: PasteOutcome = { ok: false, reason: 'nothing pasted' };
  let added: ItemRef[] = [];
  host.write(() => {
    const result = pasteItems(host.doc, text, {
      at: topLeft,
      newId: () => host.newId(),
      author: host.author,
      now: Date.now(),
    });
    if (result.ok) {
      added = result.added;
      outcome = { ok: true, count: result.added.length, rejected: result.rejected.length };
    } else {
      outcome = { ok: false, reason: result.reason };
    }
  });
  return { outcome, added };
}
