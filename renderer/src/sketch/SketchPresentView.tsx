import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { docNameFor, idSchema } from '../../../shared/docs/docName.js';
import { InvalidLink } from '../components/InvalidLink.js';
import { getUserId } from '../platform/preferences.js';
import type { CameraMode } from './cameraDirector.js';
import { CameraControls } from './CameraControls.js';
import type { SketchEngine } from './engine/SketchEngine.js';
import { SketchCanvas } from './SketchCanvas.js';
import { useCamera } from './useCamera.js';
import type { SharedDoc } from '../sync/sharedDoc.js';
import { useConnectionState } from '../sync/useConnectionState.js';
import { useSharedDoc } from '../sync/useSharedDoc.js';
import { TimelapsePlayer } from './timelapse/TimelapsePlayer.js';
import './sketch.css';

/** The controls hide after this long without a pointer move or key (the audience sees the ink only). */
const CONTROLS_IDLE_MS = 3000;
/**
 * `?mode=follow` opens the projector following the recorder, `?mode=timelapse` plays the time-lapse;
 * anything else shows the whole sheet.
 */
const MODE_PARAM = 'mode';

/**
 * A sketchnote on the projector (or any second screen): the canvas alone, filling the window, ink
 * appearing live while the recorder draws, in one of two modes: the whole sheet (fitted again
 * whenever the window or the sheet changes) or following the recorder's camera smoothly. Nothing
 * here draws. The mode buttons show while the mouse moves and fade out after a few seconds.
 */
export function SketchPresentView() {
  const { t } = useTranslation();
  const { sketchId = '' } = useParams();
  useEffect(() => {
    document.title = t('sketch.presentTitle');
  }, [t]);
  if (!idSchema.safeParse(sketchId).success) {
    return <InvalidLink />;
  }
  return <SketchPresent sketchId={sketchId} />;
}

function SketchPresent({ sketchId }: { sketchId: string }) {
  const { t } = useTranslation();
  const shared = useSharedDoc(docNameFor('sketch', sketchId));
  const author = useMemo(() => getUserId(), []);
  const [params, setParams] = useSearchParams();
  const [engine, setEngine] = useState<SketchEngine | null>(null);
  const onEngine = useCallback((next: SketchEngine | null) => setEngine(next), []);
  const camera = useCamera(
    engine,
    shared.provider.awareness,
    shared.doc,
    params.get(MODE_PARAM) === 'follow' ? 'follow' : 'sheet',
  );
  const { setMode } = camera;
  const chooseMode = useCallback(
    (mode: CameraMode) => {
      setMode(mode);
      // A reload (or the projector window reopened on this address) keeps the choice.
      setParams(mode === 'follow' ? { [MODE_PARAM]: 'follow' } : {}, { replace: true });
    },
    [setMode, setParams],
  );

  const [controlsShown, setControlsShown] = useState(true);
  useEffect(() => {
    let timer = setTimeout(() => setControlsShown(false), CONTROLS_IDLE_MS);
    const wake = (): void => {
      setControlsShown(true);
      clearTimeout(timer);
      timer = setTimeout(() => setControlsShown(false), CONTROLS_IDLE_MS);
    };
    window.addEventListener('pointermove', wake);
    window.addEventListener('pointerdown', wake);
    window.addEventListener('keydown', wake);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
      window.removeEventListener('keydown', wake);
    };
  }, []);

  if (params.get(MODE_PARAM) === 'timelapse') {
    return (
      <PresentTimelapse shared={shared} name={sketchId} onClose={() => setParams({}, { replace: true })} />
    );
  }

  return (
    <main className="sketch-present">
      <h1 className="visually-hidden">{t('sketch.presentTitle')}</h1>
      <SketchCanvas
        doc={shared.doc}
        awareness={shared.provider.awareness}
        author={author}
        onEngine={onEngine}
        label={t('sketch.presentCanvas')}
        className="sketch-present__canvas"
        readOnly
      />
      <div className={`sketch-present__controls${controlsShown ? '' : ' sketch-present__controls--hidden'}`}>
        <CameraControls state={camera.state} onMode={chooseMode} />
        <button
          type="button"
          className="button"
          onClick={() => setParams({ [MODE_PARAM]: 'timelapse' }, { replace: true })}
        >
          {t('sketch.timelapse.open')}
        </button>
      </div>
    </main>
  );
}

/**
 * `?mode=timelapse`: the time-lapse on the projector, playing at once, from the sketchnote as it is
 * once synced; closing it returns to the live sheet.
 */
function PresentTimelapse({
  shared,
  name,
  onClose,
}: {
  shared: SharedDoc;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { everSynced } = useConnectionState(shared);
  return (
    <main className="sketch-present">
      <h1 className="visually-hidden">{t('sketch.timelapse.title')}</h1>
      {everSynced ? (
        <TimelapsePlayer source={shared.doc} name={name} onClose={onClose} autoplay />
      ) : (
        <p>{t('event.loading')}</p>
      )}
    </main>
  );
}
