import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormatChange } from '../../../shared/sketch/edit/sheetFormat.js';
import type { SheetFormat } from '../../../shared/sketch/sketchLayout.js';

/** A format change that would leave the drawing outside the new paper, waiting for an answer. */
export interface PendingFormatChange {
  format: SheetFormat;
  change: Extract<FormatChange, { kind: 'outside' }>;
}

/**
 * Asks before a format change leaves ink outside the paper: fit the drawing onto the new sheet
 * (the default), change only the format, or keep everything as it is.
 */
export function FormatChangeDialog({
  pending,
  onFit,
  onKeep,
  onCancel,
}: {
  pending: PendingFormatChange;
  onFit: () => void;
  onKeep: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const format = t(`sketch.sheet.formats.${pending.format}`);
  return (
    <dialog
      ref={dialog}
      className="export-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={onCancel}
    >
      <h2 id={`${id}-title`}>{t('sketch.sheet.change.title', { format })}</h2>
      <p id={`${id}-text`}>{t('sketch.sheet.change.text', { format })}</p>
      <div className="export-dialog__actions">
        <button type="button" className="button button--primary" onClick={onFit} autoFocus>
          {t('sketch.sheet.change.fit', { percent: Math.round(pending.change.scale * 100) })}
        </button>
        <button type="button" className="button" onClick={onKeep}>
          {t('sketch.sheet.change.keep')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('sketch.sheet.change.cancel')}
        </button>
      </div>
    </dialog>
  );
}
