import * as Y from 'yjs';
import { assetsMap, objectsMap, strokeGroupsMap } from '../../../shared/sketch/objects/objectLayout.js';
import { metaMap, strokesMap } from '../../../shared/sketch/sketchLayout.js';

/** Edits within this time of each other undo as one step. */
export const UNDO_CAPTURE_MS = 300;

/**
 * Per-user undo and redo for a sketch document: a Y.UndoManager over the strokes, objects, stroke
 * groups, assets and the sheet settings (a format change that fitted the drawing is one step) that tracks only transactions with this user's `origin`, so undo never takes
 * back what someone else drew. Made without resources; `attach()` (in an effect) creates the
 * manager and returns the function that destroys it, so a React StrictMode remount gets a fresh one.
 * `subscribe` and `getSnapshot` fit useSyncExternalStore.
 */
export class SketchUndo {
  private manager: Y.UndoManager | null = null;
  private readonly listeners = new Set<() => void>();
  private state = '--';

  constructor(
    private readonly doc: Y.Doc,
    private readonly origin: object,
  ) {}

  attach(): () => void {
    const manager = new Y.UndoManager(
      [
        strokesMap(this.doc),
        objectsMap(this.doc),
        strokeGroupsMap(this.doc),
        assetsMap(this.doc),
        metaMap(this.doc),
      ],
      { trackedOrigins: new Set<unknown>([this.origin]), captureTimeout: UNDO_CAPTURE_MS },
    );
    const update = (): void => this.update();
    manager.on('stack-item-added', update);
    manager.on('stack-item-popped', update);
    manager.on('stack-cleared', update);
    this.manager = manager;
    this.update();
    return () => {
      manager.off('stack-item-added', update);
      manager.off('stack-item-popped', update);
      manager.off('stack-cleared', update);
      manager.destroy();
      if (this.manager === manager) {
        this.manager = null;
        this.update();
      }
    };
  }

  undo(): void {
    this.manager?.undo();
  }

  redo(): void {
    this.manager?.redo();
  }

  /** Ends the current capture, so the next edit becomes a step of its own. */
  stopCapturing(): void {
    this.manager?.stopCapturing();
  }

  get canUndo(): boolean {
    return this.state[0] === 'u';
  }

  get canRedo(): boolean {
    return this.state[1] === 'r';
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** 'ur', 'u-', '-r' or '--': whether undo and redo are possible (a string, so it compares by value). */
  readonly getSnapshot = (): string => this.state;

  private update(): void {
    const manager = this.manager;
    const next = `${manager && manager.undoStack.length > 0 ? 'u' : '-'}${manager && manager.redoStack.length > 0 ? 'r' : '-'}`;
    if (next === this.state) {
      return;
    }
    this.state = next;
    for (const listener of this.listeners) {
      listener();
    }
  }
}
