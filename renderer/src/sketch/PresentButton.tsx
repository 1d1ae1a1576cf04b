import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sketchPresentPath } from '../../../shared/routes/deepLinks.js';
import { getDesktop } from '../platform/desktop.js';

/**
 * Mirrors the sketchnote on the projector: in the desktop app in the projector window (full screen
 * on the second display), in a browser as a new window the recorder moves to the projector.
 */
export function PresentButton({ sketchId }: { sketchId: string }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const desktop = getDesktop();

  if (!desktop) {
    return (
      <a
        className="button sketch-present-link"
        href={sketchPresentPath(sketchId)}
        target="_blank"
        rel="noopener"
      >
        {t('sketch.present')}
      </a>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setFailed(false);
          desktop.openSketchProjector(sketchId).catch((error: unknown) => {
            console.error('Opening the projector window failed.', error);
            setFailed(true);
          });
        }}
      >
        {t('sketch.present')}
      </button>
      {failed && (
        <p className="message message--error" role="alert">
          {t('sketch.presentFailed')}
        </p>
      )}
    </>
  );
}
