import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type * as Y from 'yjs';
import { PlanHistory, type PlanChange, type PlanHistoryState } from '../../../shared/event/planHistory.js';

/**
 * One undo history of plan changes per open event (shared/event/planHistory.ts), for every part of
 * the plan view: the grid, the proposals with their vote counters, the session editor. The last
 * thing done or undone is kept as the "notice" the view shows with its undo button.
 */

/** What was just done, undone or redone, for the visible notice. */
export interface PlanNotice {
  change: PlanChange;
  /** `done`: the change was made; `undone`/`redone`: through the history. */
  how: 'done' | 'undone' | 'redone';
  /** Counts up, so the same change twice is a new notice (and re-announced). */
  n: number;
}

interface PlanHistoryValue {
  history: PlanHistory | null;
  notice: PlanNotice | null;
  setNotice: (notice: Omit<PlanNotice, 'n'> | null) => void;
}

const PlanHistoryContext = createContext<PlanHistoryValue>({
  history: null,
  notice: null,
  setNotice: () => undefined,
});

/** Provides the event's plan history to the plan view. */
export function PlanHistoryProvider({ doc, children }: { doc: Y.Doc; children: ReactNode }) {
  const [history, setHistory] = useState<PlanHistory | null>(null);
  const [notice, setNoticeState] = useState<PlanNotice | null>(null);
  useEffect(() => {
    const created = new PlanHistory(doc);
    // The history lives as long as the document is open here; created in the effect so it is destroyed.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHistory(created);
    return () => {
      created.destroy();
      setHistory(null);
    };
  }, [doc]);
  const value = useMemo<PlanHistoryValue>(
    () => ({
      history,
      notice,
      setNotice: (next) =>
        setNoticeState((previous) => (next === null ? null : { ...next, n: (previous?.n ?? 0) + 1 })),
    }),
    [history, notice],
  );
  return <PlanHistoryContext.Provider value={value}>{children}</PlanHistoryContext.Provider>;
}

const EMPTY_STATE: PlanHistoryState = {
  canUndo: false,
  canRedo: false,
  undoChange: undefined,
  redoChange: undefined,
  undoDepth: 0,
  redoDepth: 0,
};

/**
 * The plan history and its state. `record` runs a change as one undoable step and shows its notice;
 * without a provider (e.g. in a test) it just runs the change.
 */
export function usePlanHistory(): {
  state: PlanHistoryState;
  notice: PlanNotice | null;
  record: <T>(change: PlanChange, run: () => T) => T;
  undo: () => PlanChange | undefined;
  redo: () => PlanChange | undefined;
  dismiss: () => void;
} {
  const { history, notice, setNotice } = useContext(PlanHistoryContext);
  const state = useSyncExternalStore(
    (listener) => history?.subscribe(listener) ?? (() => undefined),
    () => (history ? stateKey(history) : ''),
  );
  return useMemo(() => {
    const current = history?.state() ?? EMPTY_STATE;
    return {
      state: current,
      notice,
      record: <T,>(change: PlanChange, run: () => T): T => {
        if (!history) {
          return run();
        }
        const before = history.state().undoDepth;
        const result = history.record(change, run);
        if (history.state().undoDepth !== before) {
          setNotice({ change, how: 'done' });
        }
        return result;
      },
      undo: () => {
        const change = history?.undo();
        if (change) {
          setNotice({ change, how: 'undone' });
        }
        return change;
      },
      redo: () => {
        const change = history?.redo();
        if (change) {
          setNotice({ change, how: 'redone' });
        }
        return change;
      },
      dismiss: () => setNotice(null),
    };
    // `state` is the history's version: a new step or undo makes a new value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history, notice, setNotice, state]);
}

/** A string that changes whenever the history's stacks change (useSyncExternalStore needs a stable value). */
function stateKey(history: PlanHistory): string {
  const s = history.state();
  return `${s.undoDepth}:${s.redoDepth}:${JSON.stringify(s.undoChange ?? null)}`;
}
