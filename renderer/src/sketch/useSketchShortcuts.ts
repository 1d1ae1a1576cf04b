import { useCallback, useEffect, useRef } from 'react';
import { SKETCH_CLIPBOARD_MIME } from '../../../shared/sketch/objects/clipboard.js';
import type { PasteOutcome } from './engine/editorTypes.js';
import type { EditorEngine } from './editorApi.js';
import { pictureFiles } from './images/useImageInsert.js';
import type { ActionContext } from './actions/editorAction.js';
import { actionFor, choosePasteText, isEditableTarget } from './shortcutMap.js';

/**
 * The copy of this tab: what was last copied from any sketchnote here. Pasting falls back to it
 * when the system clipboard cannot be written or read (blocked clipboard API, no permission), so
 * copy and paste between two sketchnotes in the same tab always works.
 */
let memoryClipboard: string | null = null;
/** Whether the last write to the system clipboard failed (then it holds something older). */
let systemWriteFailed = false;

/** What a clipboard action did, for a status message. */
export type ClipboardStatus =
  | { kind: 'copied' | 'cut'; count: number }
  | { kind: 'pasted'; count: number; rejected: number }
  | { kind: 'pasteFailed'; reason: string }
  | { kind: 'pasteEmpty' };

export interface SketchShortcutOptions {
  engine: EditorEngine | null;
  canUndo?: boolean;
  canRedo?: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onHelp: () => void;
  /** Turns the focus mode (only the ink on screen) on or off. */
  onFocusMode?: () => void;
  onStatus?: (status: ClipboardStatus) => void;
  /** Pictures pasted from the system clipboard (a screenshot, a copied image file). */
  onPasteImages?: (files: File[]) => void;
}

export interface SketchClipboard {
  copy: () => void;
  cut: () => void;
  paste: () => void;
  /** What the editor's actions (`actions/`) run with now, for buttons; null before the engine is there. */
  actionContext: () => ActionContext | null;
}

/** Waits this long after Ctrl+V for the browser's paste event before reading the clipboard API. */
const PASTE_EVENT_GRACE_MS = 60;

async function writeSystemClipboard(text: string): Promise<void> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard?.writeText) {
      throw new Error('No clipboard API');
    }
    await navigator.clipboard.writeText(text);
    systemWriteFailed = false;
  } catch {
    systemWriteFailed = true;
  }
}

async function readSystemClipboard(): Promise<string | null> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard?.readText) {
      return null;
    }
    return await navigator.clipboard.readText();
  } catch {
    return null;
  }
}

/**
 * The sketch editor's keyboard shortcuts (see `shortcutMap.ts`) and clipboard, on the window:
 * keys pressed in a text field, select or dialog are left alone, as are keys the canvas already
 * handled (it zooms, pans and fits itself while focused). Undo and redo go to the caller's
 * per-user undo manager. Copy, cut and paste use the system clipboard (the keyboard through
 * navigator.clipboard, the browser's own copy/cut/paste events through their clipboardData) and
 * keep a copy in this tab as a fallback. Returns the clipboard actions for buttons.
 */
export function useSketchShortcuts(options: SketchShortcutOptions): SketchClipboard {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const { engine } = options;

  const report = useCallback((status: ClipboardStatus) => latest.current.onStatus?.(status), []);

  /** Copies the selection (and for a cut, deletes it); false when nothing is selected. */
  const copyOut = useCallback(
    (cut: boolean, target?: DataTransfer | null): boolean => {
      if (!engine) {
        return false;
      }
      const count = engine.getSelection().items.length;
      const text = engine.copySelection();
      if (text === null) {
        return false;
      }
      memoryClipboard = text;
      if (target) {
        target.setData('text/plain', text);
        target.setData(SKETCH_CLIPBOARD_MIME, text);
        systemWriteFailed = false;
      } else {
        void writeSystemClipboard(text);
      }
      if (cut) {
        engine.deleteSelection();
      }
      report({ kind: cut ? 'cut' : 'copied', count });
      return true;
    },
    [engine, report],
  );

  const pasteIn = useCallback(
    (systemText: string | null): void => {
      if (!engine) {
        return;
      }
      const text = choosePasteText(systemText, memoryClipboard, systemWriteFailed);
      if (text === null) {
        report({ kind: 'pasteEmpty' });
        return;
      }
      let outcome: PasteOutcome;
      try {
        outcome = engine.paste(text);
      } catch (error) {
        outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
      if (outcome.ok) {
        report({ kind: 'pasted', count: outcome.count, rejected: outcome.rejected });
      } else {
        console.warn('Sketch paste refused:', outcome.reason);
        report({ kind: 'pasteFailed', reason: outcome.reason });
      }
    },
    [engine, report],
  );

  const pasteTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancelPasteFallback = useCallback((): void => {
    if (pasteTimer.current !== null) {
      clearTimeout(pasteTimer.current);
      pasteTimer.current = null;
    }
  }, []);

  const actionContext = useCallback((): ActionContext | null => {
    if (!engine) {
      return null;
    }
    const options = latest.current;
    return {
      engine,
      canUndo: options.canUndo ?? true,
      canRedo: options.canRedo ?? true,
      undo: () => latest.current.onUndo(),
      redo: () => latest.current.onRedo(),
      copy: () => copyOut(false),
      cut: () => copyOut(true),
      paste: (from) => {
        if (from === 'button') {
          void readSystemClipboard().then(pasteIn);
          return true;
        }
        // A key: not prevented, the browser's paste event brings the clipboard without a
        // permission prompt. Where it does not come, read through the clipboard API (or this tab's copy).
        cancelPasteFallback();
        pasteTimer.current = setTimeout(() => {
          pasteTimer.current = null;
          void readSystemClipboard().then(pasteIn);
        }, PASTE_EVENT_GRACE_MS);
        return false;
      },
      help: () => latest.current.onHelp(),
      ...(options.onFocusMode ? { focusMode: () => latest.current.onFocusMode?.() } : {}),
    };
  }, [engine, copyOut, pasteIn, cancelPasteFallback]);

  useEffect(() => {
    if (!engine) {
      return undefined;
    }

    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing || isEditableTarget(event.target)) {
        return;
      }
      const press = actionFor(event);
      if (!press) {
        return;
      }
      if (press.type === 'tool') {
        if (!event.repeat) {
          engine.setTool(press.tool);
        }
        event.preventDefault();
        return;
      }
      const context = actionContext();
      if (context && press.action.perform(context, event.repeat)) {
        event.preventDefault();
      }
    };

    const onCopyOrCut = (event: ClipboardEvent): void => {
      if (event.defaultPrevented || isEditableTarget(event.target)) {
        return;
      }
      if (copyOut(event.type === 'cut', event.clipboardData)) {
        event.preventDefault();
      }
    };

    const onPaste = (event: ClipboardEvent): void => {
      if (event.defaultPrevented || isEditableTarget(event.target)) {
        return;
      }
      cancelPasteFallback();
      const data = event.clipboardData;
      const pictures = data ? pictureFiles(data.files) : [];
      if (pictures.length > 0 && latest.current.onPasteImages) {
        event.preventDefault();
        latest.current.onPasteImages(pictures);
        return;
      }
      const text = data ? data.getData(SKETCH_CLIPBOARD_MIME) || data.getData('text/plain') : '';
      event.preventDefault();
      pasteIn(text === '' ? null : text);
    };

    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('copy', onCopyOrCut);
    window.addEventListener('cut', onCopyOrCut);
    window.addEventListener('paste', onPaste);
    return () => {
      cancelPasteFallback();
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('copy', onCopyOrCut);
      window.removeEventListener('cut', onCopyOrCut);
      window.removeEventListener('paste', onPaste);
    };
  }, [engine, copyOut, pasteIn, actionContext, cancelPasteFallback]);

  const copy = useCallback(() => void copyOut(false), [copyOut]);
  const cut = useCallback(() => void copyOut(true), [copyOut]);
  const paste = useCallback(() => void readSystemClipboard().then(pasteIn), [pasteIn]);
  return { copy, cut, paste, actionContext };
}
