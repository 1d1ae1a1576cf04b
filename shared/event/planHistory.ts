import * as Y from 'yjs';
import type { Cell } from './eventLayout.js';
import { sessionsMap } from './eventLayout.js';

/**
 * Undo and redo of one person's plan changes (move, swap, take out of the grid, delete, call off,
 * votes). A `Y.UndoManager` on the event document's sessions map tracks only the transactions this
 * history ran (its own origin), so Ctrl+Z never takes back what a co-organiser did on another
 * laptop, and a remote edit in between is kept when ours is undone.
 *
 * Each step carries a {@link PlanChange} describing it, so the UI can say what was done ("Verschoben:
 * …") and what an undo takes back. Every change is its own step (no merging by time): "undo" after
 * two quick drops takes back the second drop only.
 */

/** What one plan change did, with the titles as they were then (for the notice). */
export type PlanChange =
  | { kind: 'moved'; sessionId: string; title: string; from: Cell | null; to: Cell }
  | {
      kind: 'swapped';
      sessionId: string;
      title: string;
      otherId: string;
      otherTitle: string;
      to: Cell;
      /** Where the other session went; null: back to the proposals. */
      otherTo: Cell | null;
    }
  | { kind: 'unscheduled'; sessionId: string; title: string; from: Cell }
  | { kind: 'deleted'; sessionId: string; title: string }
  | { kind: 'cancelled'; sessionId: string; title: string; cancelled: boolean }
  | { kind: 'votes'; sessionId: string; title: string; votes: number | null }
  | { kind: 'fixed'; sessionId: string; title: string };

/** The state a UI shows: whether undo/redo is possible and what the last step was. */
export interface PlanHistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** The change an undo would take back. */
  undoChange: PlanChange | undefined;
  /** The change a redo would do again. */
  redoChange: PlanChange | undefined;
  /** How many steps can be undone and redone (a UI's version of the history). */
  undoDepth: number;
  redoDepth: number;
}

const CHANGE_KEY = 'planChange';

/** One person's undo history of plan changes on one event document. */
export class PlanHistory {
  /** The transaction origin of this history's changes; nobody else uses it. */
  readonly origin: object = { planHistory: true };
  private readonly manager: Y.UndoManager;
  private pending: PlanChange | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly doc: Y.Doc) {
    this.manager = new Y.UndoManager(sessionsMap(doc), {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 0,
    });
    this.manager.on('stack-item-added', (event: { stackItem: { meta: Map<string, unknown> } }) => {
      if (this.pending !== undefined) {
        event.stackItem.meta.set(CHANGE_KEY, this.pending);
      }
      this.emit();
    });
    this.manager.on('stack-cleared', () => this.emit());
  }

  /**
   * Runs `change` (one or more calls of eventChanges.ts) as one undoable step described by `what`.
   * Returns what `change` returned. A change that alters nothing adds no step.
   */
  record<T>(what: PlanChange, change: () => T): T {
    let result!: T;
    this.pending = what;
    try {
      this.doc.transact(() => {
        result = change();
      }, this.origin);
    } finally {
      this.pending = undefined;
    }
    return result;
  }

  /** Takes back the newest step; returns what it was, or undefined if there was nothing to undo. */
  undo(): PlanChange | undefined {
    return this.pop('undo');
  }

  /** Does the newest undone step again; returns what it was, or undefined. */
  redo(): PlanChange | undefined {
    return this.pop('redo');
  }

  /** Whether undo and redo are possible and what they would do. */
  state(): PlanHistoryState {
    return {
      canUndo: this.manager.undoStack.length > 0,
      canRedo: this.manager.redoStack.length > 0,
      undoChange: changeOf(this.manager.undoStack[this.manager.undoStack.length - 1]),
      redoChange: changeOf(this.manager.redoStack[this.manager.redoStack.length - 1]),
      undoDepth: this.manager.undoStack.length,
      redoDepth: this.manager.redoStack.length,
    };
  }

  /** Calls `listener` whenever the history changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops tracking (when the plan view closes). */
  destroy(): void {
    this.listeners.clear();
    this.manager.destroy();
  }

  private pop(direction: 'undo' | 'redo'): PlanChange | undefined {
    const stack = direction === 'undo' ? this.manager.undoStack : this.manager.redoStack;
    const change = changeOf(stack[stack.length - 1]);
    // The step undo/redo pushes onto the other stack describes the same change.
    this.pending = change;
    try {
      const done = direction === 'undo' ? this.manager.undo() : this.manager.redo();
      return done === null ? undefined : change;
    } finally {
      this.pending = undefined;
      this.emit();
    }
  }

  private emit(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}

function changeOf(item: { meta: Map<string, unknown> } | undefined): PlanChange | undefined {
  return item?.meta.get(CHANGE_KEY) as PlanChange | undefined;
}
