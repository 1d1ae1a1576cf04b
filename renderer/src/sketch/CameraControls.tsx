import { useTranslation } from 'react-i18next';
import type { CameraMode, CameraState } from './cameraDirector.js';

/**
 * The watcher's camera choice: "Ganzes Blatt" and "Zeichner:in folgen" as two toggle buttons
 * (neither is pressed once the person moved the sheet), and a status line saying what the view
 * does (`idle`: the text for the whole sheet, which the viewer uses for its hint).
 */
export function CameraControls({
  state,
  onMode,
  idle,
  className = '',
}: {
  state: CameraState;
  onMode: (mode: CameraMode) => void;
  /** What the status line says while the whole sheet is shown. */
  idle?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  let status: string;
  switch (state.mode) {
    case 'sheet':
      status = idle ?? t('sketch.camera.sheetShown');
      break;
    case 'follow':
      status =
        state.recorder === null
          ? t('sketch.camera.noRecorder')
          : state.recorder.name === ''
            ? t('sketch.camera.followingUnnamed')
            : t('sketch.camera.following', { name: state.recorder.name });
      break;
    case 'free':
      status = t('sketch.camera.free');
      break;
  }
  return (
    <div className={`camera-controls ${className}`}>
      <div className="camera-controls__modes" role="group" aria-label={t('sketch.camera.label')}>
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={state.mode === 'sheet'}
          onClick={() => onMode('sheet')}
        >
          {t('sketch.camera.sheet')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={state.mode === 'follow'}
          onClick={() => onMode(state.mode === 'follow' ? 'free' : 'follow')}
        >
          {t('sketch.camera.follow')}
        </button>
      </div>
      <p
        className={`camera-controls__status${state.mode === 'follow' && state.recorder === null ? ' camera-controls__status--waiting' : ''}`}
        role="status"
      >
        {status}
      </p>
    </div>
  );
}
