import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { docNameFor, idSchema } from '../../../../shared/docs/docName.js';
import { BRUSH_KINDS, type BrushKind } from '../../../../shared/sketch/sketchLayout.js';
import { DocumentConnection } from '../../components/DocumentConnection.js';
import { InvalidLink } from '../../components/InvalidLink.js';
import { PageHeading } from '../../components/PageHeading.js';
import { getUserId } from '../../platform/preferences.js';
import { SketchCanvas } from '../../sketch/SketchCanvas.js';
import { useSharedDoc } from '../../sync/useSharedDoc.js';

/** Graphic-recording colours: ink, accents and a skin tone, as recorders carry in their pen case. */
const PALETTE = ['#1f2933', '#0b4f8a', '#c0392b', '#1e8449', '#d68910', '#7d3c98', '#e8b89a', '#f7dc6f'];

/** A sketchnote: the ink canvas bound to its `sketch/<id>` document, with a brush toolbar. */
export function SketchView() {
  const { t } = useTranslation();
  const { sketchId = '' } = useParams();
  if (!idSchema.safeParse(sketchId).success) {
    return <InvalidLink />;
  }
  return (
    <>
      <PageHeading title={t('sketch.title')} />
      <p className="lead">{t('sketch.intro')}</p>
      <SketchEditor sketchId={sketchId} />
      <p>{t('sketch.toolsLater')}</p>
      <section className="panel">
        <DocumentConnection name={docNameFor('sketch', sketchId)} />
      </section>
    </>
  );
}

function SketchEditor({ sketchId }: { sketchId: string }) {
  const { t } = useTranslation();
  const shared = useSharedDoc(docNameFor('sketch', sketchId));
  const [brushKind, setBrushKind] = useState<BrushKind>('fineliner');
  const [colour, setColour] = useState(PALETTE[0] ?? '#1f2933');
  const [size, setSize] = useState(4);
  const [pressureOn, setPressureOn] = useState(true);
  const [palm, setPalm] = useState(true);
  const author = useMemo(() => getUserId(), []);
  const brush = useMemo(
    () => ({ brush: brushKind, colour, size, pressureOn }),
    [brushKind, colour, size, pressureOn],
  );

  return (
    <section className="panel sketch-editor">
      <div role="toolbar" aria-label={t('sketch.tools')} className="sketch-toolbar">
        <label>
          {t('sketch.brush')}{' '}
          <select value={brushKind} onChange={(e) => setBrushKind(e.target.value as BrushKind)}>
            {BRUSH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`sketch.brushes.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="sketch-palette">
          <legend>{t('sketch.colour')}</legend>
          {PALETTE.map((c) => (
            <button
              key={c}
              type="button"
              className="sketch-swatch"
              style={{ background: c }}
              aria-pressed={c === colour}
              aria-label={t('sketch.colourNamed', { colour: c })}
              onClick={() => setColour(c)}
            />
          ))}
        </fieldset>
        <label>
          {t('sketch.size')}{' '}
          <input
            type="range"
            min={1}
            max={40}
            value={size}
            onChange={(e) => setSize(Number(e.target.value))}
          />
        </label>
        <label>
          <input type="checkbox" checked={pressureOn} onChange={(e) => setPressureOn(e.target.checked)} />{' '}
          {t('sketch.pressure')}
        </label>
        <label>
          <input type="checkbox" checked={palm} onChange={(e) => setPalm(e.target.checked)} />{' '}
          {t('sketch.palm')}
        </label>
      </div>
      <SketchCanvas
        doc={shared.doc}
        awareness={shared.provider.awareness}
        author={author}
        brush={brush}
        palmRejection={palm}
        label={t('sketch.canvas')}
        className="sketch-surface"
      />
    </section>
  );
}
