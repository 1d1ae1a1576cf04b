import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { metaMap, SHEET_FORMATS } from '../../../shared/sketch/sketchLayout.js';
import { planFormatChange } from '../../../shared/sketch/edit/sheetFormat.js';
import { zoomTo } from '../../../shared/sketch/viewTransform.js';
import { useZoomPercent, type EditorEngine } from './editorApi.js';
import { useSheetFormat } from './useSheetFormat.js';
import { FormatChangeDialog, type PendingFormatChange } from './FormatChangeDialog.js';
import { ZOOM_STEP } from './actions/zoomStep.js';

/**
 * The sheet format (A4, A3, A0, panorama, screen or infinite; shared with everyone) and the zoom:
 * out, the current percentage (a button back to 100 %), in, and "show everything".
 */
export function SheetControls({ doc, engine }: { doc: Y.Doc; engine: EditorEngine | null }) {
  const { t } = useTranslation();
  const id = useId();
  const format = useSheetFormat(doc);
  const percent = useZoomPercent(engine);
  const [pending, setPending] = useState<PendingFormatChange | null>(null);
  const withKey = (label: string, key: string): string => t('sketch.withShortcut', { label, shortcut: key });

  return (
    <div className="sketch-sheet" role="group" aria-label={t('sketch.sheet.label')}>
      <label htmlFor={`${id}-format`} className="sketch-sheet__label">
        {t('sketch.sheet.format')}
      </label>
      <select
        id={`${id}-format`}
        className="sketch-select"
        value={format}
        onChange={(e) => {
          const next = SHEET_FORMATS.find((f) => f === e.target.value);
          if (!next) {
            return;
          }
          if (!engine) {
            doc.transact(() => metaMap(doc).set('format', next));
            return;
          }
          const change = planFormatChange(engine.contentBounds(), next);
          if (change.kind === 'outside') {
            // The drawing would stick out of the new paper: ask first.
            setPending({ format: next, change });
          } else {
            engine.setSheetFormat(next, null);
          }
        }}
      >
        {SHEET_FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`sketch.sheet.formats.${f}`)}
          </option>
        ))}
      </select>
      <div className="sketch-zoom">
        <button
          type="button"
          className="sketch-tool"
          aria-label={t('sketch.sheet.zoomOut')}
          title={withKey(t('sketch.sheet.zoomOut'), '−')}
          aria-keyshortcuts="-"
          disabled={!engine}
          onClick={() => engine?.zoomBy(1 / ZOOM_STEP)}
        >
          <span aria-hidden="true" className="sketch-tool__text">
            −
          </span>
        </button>
        <button
          type="button"
          className="sketch-tool sketch-zoom__value"
          aria-label={t('sketch.sheet.zoomReset', { percent })}
          title={t('sketch.sheet.zoomReset', { percent })}
          disabled={!engine}
          onClick={() => {
            if (!engine) {
              return;
            }
            const viewport = engine.getViewport();
            const centre = { x: viewport.width / 2, y: viewport.height / 2 };
            engine.setView(zoomTo(engine.getView(), centre, 1, viewport), 'person');
          }}
        >
          <span aria-hidden="true">{t('sketch.sheet.zoomValue', { percent })}</span>
        </button>
        <button
          type="button"
          className="sketch-tool"
          aria-label={t('sketch.sheet.zoomIn')}
          title={withKey(t('sketch.sheet.zoomIn'), '+')}
          aria-keyshortcuts="+"
          disabled={!engine}
          onClick={() => engine?.zoomBy(ZOOM_STEP)}
        >
          <span aria-hidden="true" className="sketch-tool__text">
            +
          </span>
        </button>
        <button
          type="button"
          className="sketch-tool sketch-tool--wide"
          title={withKey(t('sketch.sheet.fit'), '0')}
          aria-keyshortcuts="0 Shift+1"
          disabled={!engine}
          onClick={() => engine?.fit()}
        >
          {t('sketch.sheet.fit')}
        </button>
      </div>
      {pending && (
        <FormatChangeDialog
          pending={pending}
          onFit={() => {
            engine?.setSheetFormat(pending.format, pending.change.fit);
            setPending(null);
          }}
          onKeep={() => {
            engine?.setSheetFormat(pending.format, null);
            setPending(null);
          }}
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  );
}
