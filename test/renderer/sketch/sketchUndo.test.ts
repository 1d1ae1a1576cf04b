import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { objectsMap, strokeGroupsMap } from '../../../shared/sketch/objects/objectLayout.js';
import { layersMap, strokesMap } from '../../../shared/sketch/sketchLayout.js';
import { SketchUndo, UNDO_CAPTURE_MS } from '../../../renderer/src/sketch/sketchUndo.js';

describe('per-user sketch undo', () => {
  it('undoes and redoes only this user’s edits to strokes, objects and groups', () => {
    const doc = new Y.Doc();
    const mine = { sketchUser: 'u1' };
    const theirs = { sketchUser: 'u2' };
    const undo = new SketchUndo(doc, mine);
    const detach = undo.attach();
    const changes: string[] = [];
    undo.subscribe(() => changes.push(undo.getSnapshot()));
    expect(undo.getSnapshot()).toBe('--');

    doc.transact(() => {
      strokesMap(doc).set('s1', { any: 1 });
      strokeGroupsMap(doc).set('s1', 'g1');
    }, mine);
    doc.transact(() => objectsMap(doc).set('o1', { any: 2 }), theirs);
    doc.transact(() => layersMap(doc).set('drawing', { visible: false, locked: false, opacity: 1 }), mine);
    expect(undo.canUndo).toBe(true);
    expect(undo.canRedo).toBe(false);

    undo.undo();
    expect(strokesMap(doc).has('s1')).toBe(false);
    expect(strokeGroupsMap(doc).has('s1')).toBe(false);
    expect(objectsMap(doc).has('o1')).toBe(true);
    // Layer settings are not part of undo.
    expect(layersMap(doc).get('drawing')).toEqual({ visible: false, locked: false, opacity: 1 });
    expect(undo.getSnapshot()).toBe('-r');

    undo.redo();
    expect(strokesMap(doc).has('s1')).toBe(true);
    expect(undo.getSnapshot()).toBe('u-');
    expect(changes).toEqual(['u-', '-r', 'u-']);

    detach();
    expect(undo.getSnapshot()).toBe('--');
    undo.undo();
    expect(strokesMap(doc).has('s1')).toBe(true);
  });

  it('merges edits within the capture time into one step', () => {
    expect(UNDO_CAPTURE_MS).toBe(300);
    const doc = new Y.Doc();
    const origin = {};
    const undo = new SketchUndo(doc, origin);
    const detach = undo.attach();
    doc.transact(() => strokesMap(doc).set('a', 1), origin);
    doc.transact(() => strokesMap(doc).set('b', 2), origin);
    undo.stopCapturing();
    doc.transact(() => strokesMap(doc).set('c', 3), origin);
    undo.undo();
    expect([...strokesMap(doc).keys()].sort()).toEqual(['a', 'b']);
    undo.undo();
    expect(strokesMap(doc).size).toBe(0);
    detach();
  });

  it('gets a fresh manager after a remount', () => {
    const doc = new Y.Doc();
    const origin = {};
    const undo = new SketchUndo(doc, origin);
    undo.attach()();
    const detach = undo.attach();
    doc.transact(() => strokesMap(doc).set('a', 1), origin);
    expect(undo.canUndo).toBe(true);
    undo.undo();
    expect(strokesMap(doc).size).toBe(0);
    detach();
  });
});
