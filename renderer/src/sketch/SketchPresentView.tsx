import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { docNameFor, idSchema } from '../../../shared/docs/docName.js';
import { metaMap } from '../../../shared/sketch/sketchLayout.js';
import { InvalidLink } from '../components/InvalidLink.js';
import { getUserId } from '../platform/preferences.js';
import type { SketchEngine } from './engine/SketchEngine.js';
import { SketchCanvas } from './SketchCanvas.js';
import { useSharedDoc } from '../sync/useSharedDoc.js';
import './sketch.css';

/**
 * A sketchnote on the projector (or any second screen): the canvas alone, filling the window, the
 * whole sheet in view, ink appearing live while the recorder draws. Nothing here draws: the hand
 * tool only pans, and the view fits the sheet again whenever the window or the sheet changes.
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
  const [engine, setEngine] = useState<SketchEngine | null>(null);
  const onEngine = useCallback((next: SketchEngine | null) => {
    next?.setTool('hand');
    setEngine(next);
  }, []);

  useEffect(() => {
    if (!engine) {
      return undefined;
    }
    // Fit after the engine has measured the new size (its ResizeObserver runs first).
    const refit = (): void => {
      requestAnimationFrame(() => engine.fit());
    };
    window.addEventListener('resize', refit);
    const meta = metaMap(shared.doc);
    meta.observe(refit);
    return () => {
      window.removeEventListener('resize', refit);
      meta.unobserve(refit);
    };
  }, [engine, shared.doc]);

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
      />
    </main>
  );
}
