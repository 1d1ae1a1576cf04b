import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_PNG_DPI,
  MAX_EXPORT_DPI,
  MIN_EXPORT_DPI,
  SKETCH_RENDER_FORMATS,
  eventSketchesZipName,
  eventSketchesZipPath,
  renderedSketchFileName,
  sketchExportSizeSchema,
  type SketchExportSize,
  type SketchRenderFormat,
} from '../../../shared/api/sketchContract.js';
import { request } from '../api/coreApi.js';
import { downloadBlob, saveBlob, type DownloadProgress } from '../api/download.js';

/**
 * The sketchnote export: a button in the editor bar opening a modal <dialog> with format, DPI (PNG),
 * a size preview from the core, and a streamed download with progress and Cancel.
 */
export function ExportButton({ sketchId }: { sketchId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('sketch.export.open')}
      </button>
      {open && <ExportDialog sketchId={sketchId} onClose={() => setOpen(false)} />}
    </>
  );
}

function ExportDialog({ sketchId, onClose }: { sketchId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<SketchRenderFormat>('svg');
  const [dpi, setDpi] = useState(DEFAULT_PNG_DPI);
  /** This sketchnote, or every sketchnote of its event as one ZIP. */
  const [scope, setScope] = useState<'sketch' | 'event'>('sketch');
  const [size, setSize] = useState<SketchExportSize | null>(null);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    return () => abort.current?.abort();
  }, []);

  const validDpi = Number.isFinite(dpi) && dpi >= MIN_EXPORT_DPI && dpi <= MAX_EXPORT_DPI;
  useEffect(() => {
    if (!validDpi) {
      return;
    }
    let live = true;
    request(`sketches/${sketchId}/export-size?dpi=${dpi}`, sketchExportSizeSchema).then(
      (next) => live && setSize(next),
      () => live && setSize(null),
    );
    return () => {
      live = false;
    };
  }, [sketchId, dpi, validDpi]);

  async function start() {
    const controller = new AbortController();
    abort.current = controller;
    setMessage('');
    // Busy from the click on: the core may render a while before the first byte, Cancel must show.
    setProgress({ received: 0, total: null });
    const query = format === 'png' ? `format=png&dpi=${dpi}` : `format=${format}`;
    const event = scope === 'event' ? size?.event : null;
    try {
      if (event) {
        const options = format === 'png' ? { format, dpi } : { format };
        const blob = await downloadBlob(
          eventSketchesZipPath(event.id, options),
          controller.signal,
          setProgress,
        );
        saveBlob(blob, eventSketchesZipName(event.id, format));
      } else {
        const blob = await downloadBlob(
          `sketches/${sketchId}/export?${query}`,
          controller.signal,
          setProgress,
        );
        saveBlob(blob, renderedSketchFileName(sketchId, format));
      }
      setMessage(t('sketch.export.done'));
    } catch (error) {
      setMessage(
        controller.signal.aborted
          ? t('sketch.export.cancelled')
          : t('sketch.export.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      abort.current = null;
      setProgress(null);
    }
  }

  const busy = progress !== null;
  const percent = progress?.total
    ? Math.min(100, Math.round((progress.received / progress.total) * 100))
    : undefined;

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('sketch.export.title')}</h2>
      {size?.event && size.event.sketches > 1 && (
        <fieldset disabled={busy}>
          <legend>{t('sketch.export.scope')}</legend>
          <label className="export-dialog__choice">
            <input
              type="radio"
              name={`${id}-scope`}
              value="sketch"
              checked={scope === 'sketch'}
              onChange={() => setScope('sketch')}
            />
            {t('sketch.export.scopeSketch')}
          </label>
          <label className="export-dialog__choice">
            <input
              type="radio"
              name={`${id}-scope`}
              value="event"
              checked={scope === 'event'}
              onChange={() => setScope('event')}
            />
            {t('sketch.export.scopeEvent', { count: size.event.sketches, event: size.event.title })}
          </label>
        </fieldset>
      )}
      <fieldset disabled={busy}>
        <legend>{t('sketch.export.format')}</legend>
        {SKETCH_RENDER_FORMATS.map((f) => (
          <label key={f} className="export-dialog__choice">
            <input
              type="radio"
              name={`${id}-format`}
              value={f}
              checked={format === f}
              onChange={() => setFormat(f)}
            />
            {t(`sketch.export.formats.${f}`)}
          </label>
        ))}
      </fieldset>
      {format === 'png' && (
        <label className="export-dialog__field">
          {t('sketch.export.dpi')}
          <input
            type="number"
            min={MIN_EXPORT_DPI}
            max={MAX_EXPORT_DPI}
            step={1}
            value={dpi}
            disabled={busy}
            aria-invalid={!validDpi}
            onChange={(event) => setDpi(event.target.valueAsNumber)}
          />
        </label>
      )}
      <p className="hint" aria-live="polite">
        {size?.event && scope === 'event'
          ? t('sketch.export.sizeEvent', { count: size.event.sketches })
          : size
            ? format === 'png'
              ? t('sketch.export.sizePx', {
                  width: size.widthPx,
                  height: size.heightPx,
                  widthMm: Math.round(size.widthMm),
                  heightMm: Math.round(size.heightMm),
                })
              : t('sketch.export.sizeMm', {
                  widthMm: Math.round(size.widthMm),
                  heightMm: Math.round(size.heightMm),
                })
            : t('sketch.export.sizeUnknown')}
      </p>
      {busy && (
        <div className="export-dialog__progress">
          <progress max={100} value={percent} aria-label={t('sketch.export.progress')} />
          <span>
            {percent !== undefined
              ? t('sketch.export.percent', { percent, kb: Math.round(progress.received / 1024) })
              : t('sketch.export.bytes', { kb: Math.round(progress.received / 1024) })}
          </span>
        </div>
      )}
      <p role="status" className="export-dialog__status">
        {message}
      </p>
      <div className="export-dialog__actions">
        {busy ? (
          <button type="button" className="button" onClick={() => abort.current?.abort()}>
            {t('sketch.export.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={!validDpi}
            onClick={() => void start()}
          >
            {t('sketch.export.download')}
          </button>
        )}
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('sketch.export.close')}
        </button>
      </div>
    </dialog>
  );
}
