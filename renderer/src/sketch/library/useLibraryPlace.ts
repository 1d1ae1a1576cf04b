import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { TemplateArea } from '../../../../shared/sketch/library/sheetTemplates.js';
import {
  readLayerSettings,
  readSheetMeta,
  sheetRect,
  type LayerId,
} from '../../../../shared/sketch/sketchLayout.js';
import type { Point } from '../../../../shared/sketch/viewTransform.js';
import type { EditorEngine } from '../editorApi.js';

/** What the library's tabs need to place things and to report it. */
export interface LibraryPlace {
  /** The sheet, or on an infinite canvas the visible area: what templates are made for. */
  area(): TemplateArea | null;
  /** The part of the scene in view (icons are sized by it). */
  visible(): TemplateArea | null;
  /**
   * Pastes clipboard text (top-left at `at`, or the middle of the view) and reports `placed`;
   * when `layer` is given, refuses (and says so) if that layer is locked or hidden.
   */
  place(text: string, placed: string, options?: { at?: Point; layer?: LayerId }): boolean;
  /** Shows a message in the editor's status line. */
  status(message: string): void;
}

/** The library's access to the editor: where the sheet is, and placing with a status message. */
export function useLibraryPlace(
  engine: EditorEngine | null,
  doc: Y.Doc,
  status: (message: string) => void,
): LibraryPlace {
  const { t } = useTranslation();
  const area = useCallback(
    (): TemplateArea | null => sheetRect(readSheetMeta(doc).format) ?? engine?.visibleArea() ?? null,
    [doc, engine],
  );
  const visible = useCallback((): TemplateArea | null => engine?.visibleArea() ?? null, [engine]);
  const place = useCallback(
    (text: string, placed: string, options: { at?: Point; layer?: LayerId } = {}): boolean => {
      if (!engine) {
        return false;
      }
      if (options.layer) {
        const settings = readLayerSettings(doc)[options.layer];
        if (settings.locked || !settings.visible) {
          status(t('sketch.library.layerRefused', { layer: t(`sketch.layers.names.${options.layer}`) }));
          return false;
        }
      }
      const outcome = engine.insertClipboard(text, options.at);
      status(outcome.ok ? placed : t('sketch.library.placeFailed', { reason: outcome.reason }));
      if (outcome.ok) {
        // Back to the canvas, with the placed items selected to move or resize them at once.
        document.querySelector<HTMLElement>('.sketch-host')?.focus();
      }
      return outcome.ok;
    },
    [engine, doc, status, t],
  );
  return { area, visible, place, status };
}
