import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

function subscribe(listener: () => void): () => void {
  document.addEventListener('fullscreenchange', listener);
  return () => document.removeEventListener('fullscreenchange', listener);
}

function isFullscreen(): boolean {
  return document.fullscreenElement !== null;
}

/** Toggles full screen for the wall; hidden where the browser does not allow it (e.g. in an iframe). */
export function FullscreenButton() {
  const { t } = useTranslation();
  const fullscreen = useSyncExternalStore(subscribe, isFullscreen);
  if (!document.fullscreenEnabled) {
    return null;
  }
  return (
    <button
      type="button"
      className="button button--quiet"
      onClick={() => {
        const change = fullscreen ? document.exitFullscreen() : document.documentElement.requestFullscreen();
        change.catch((error: unknown) => console.warn('Full screen was refused.', error));
      }}
    >
      {fullscreen ? t('wall.exitFullscreen') : t('wall.fullscreen')}
    </button>
  );
}
