import { StrictMode, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { createRoot } from 'react-dom/client';
import { docNameFor, idSchema } from '../../../../shared/docs/docName.js';
import { BRUSHES } from '../../../../shared/sketch/brushes.js';
import { authorIdSchema, BRUSH_KINDS, type BrushKind } from '../../../../shared/sketch/sketchLayout.js';
import { getSharedDoc, retainSharedDoc } from '../../sync/sharedDoc.js';
import type { BrushSettings, SketchEngine } from '../engine/SketchEngine.js';
import { SketchCanvas } from '../SketchCanvas.js';

/** What e2e tests reach through `window.__sketch`. */
interface SketchTestHandle {
  engine: SketchEngine | null;
  doc: Y.Doc;
  synced: () => boolean;
}

const COLOURS = ['#1d1d1f', '#0b6e99', '#c2410c', '#15803d', '#ffd400'];
const BRUSH_LABELS: Record<BrushKind, string> = {
  fineliner: 'Fineliner',
  brushpen: 'Pinselstift',
  marker: 'Marker',
  highlighter: 'Textmarker',
};

let latestEngine: SketchEngine | null = null;

/** Keeps `window.__sketch.engine` current (the canvas reports its engine before the page's effect runs). */
function exposeEngine(engine: SketchEngine | null): void {
  latestEngine = engine;
  const handle = (window as unknown as { __sketch?: SketchTestHandle }).__sketch;
  if (handle) {
    handle.engine = engine;
  }
}

function LivePage({ sketchId, author }: { sketchId: string; author: string }) {
  const name = docNameFor('sketch', sketchId);
  const shared = getSharedDoc(name);
  useEffect(() => retainSharedDoc(name), [name]);
  const [brush, setBrush] = useState<BrushSettings>({
    brush: 'fineliner',
    colour: COLOURS[0] ?? '#1d1d1f',
    size: BRUSHES.fineliner.defaultSize,
    pressureOn: true,
    smoothing: 0.5,
    layer: 'drawing',
  });
  const [palmRejection, setPalmRejection] = useState(true);
  const origin = useMemo(() => ({ user: author }), [author]);

  useEffect(() => {
    (window as unknown as { __sketch?: SketchTestHandle }).__sketch = {
      engine: latestEngine,
      doc: shared.doc,
      synced: () => shared.provider.synced,
    };
  }, [shared]);

  return (
    <div style={{ position: 'absolute', inset: 0, display: 'flex', flexDirection: 'column' }}>
      <div
        role="toolbar"
        aria-label="Stift"
        style={{ display: 'flex', gap: 8, padding: 6, alignItems: 'center', background: '#f4f5f7' }}
      >
        {BRUSH_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={brush.brush === kind}
            onClick={() => setBrush((b) => ({ ...b, brush: kind, size: BRUSHES[kind].defaultSize }))}
          >
            {BRUSH_LABELS[kind]}
          </button>
        ))}
        {COLOURS.map((colour) => (
          <button
            key={colour}
            type="button"
            aria-label={`Farbe ${colour}`}
            aria-pressed={brush.colour === colour}
            onClick={() => setBrush((b) => ({ ...b, colour }))}
            style={{
              width: 24,
              height: 24,
              background: colour,
              border: brush.colour === colour ? '2px solid #000' : '1px solid #888',
            }}
          />
        ))}
        <label>
          <input
            type="checkbox"
            checked={brush.pressureOn}
            onChange={(e) => setBrush((b) => ({ ...b, pressureOn: e.target.checked }))}
          />
          Druck
        </label>
        <label>
          Glättung
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={brush.smoothing}
            onChange={(e) => setBrush((b) => ({ ...b, smoothing: Number(e.target.value) }))}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={palmRejection}
            onChange={(e) => setPalmRejection(e.target.checked)}
          />
          Handballen ignorieren
        </label>
        <button type="button" onClick={() => latestEngine?.fit()}>
          Ganzes Blatt
        </button>
      </div>
      <SketchCanvas
        doc={shared.doc}
        awareness={shared.provider.awareness}
        author={author}
        origin={origin}
        brush={brush}
        palmRejection={palmRejection}
        onEngine={exposeEngine}
        label={`Sketchnote ${sketchId}`}
        className="sketch-canvas"
        style={{ flex: 1, position: 'relative' }}
      />
    </div>
  );
}

/** Renders the live sketch page for `?doc=<id>&author=<user>`. */
export function startLivePage(root: HTMLElement, params: URLSearchParams): void {
  const sketchId = params.get('doc') ?? 'standalone';
  if (!idSchema.safeParse(sketchId).success) {
    root.textContent = 'Ungültige Sketch-Id.';
    return;
  }
  const requested = params.get('author') ?? '';
  const author = authorIdSchema.safeParse(requested).success
    ? requested
    : `guest-${Math.random().toString(36).slice(2, 10)}`;
  createRoot(root).render(
    <StrictMode>
      <LivePage sketchId={sketchId} author={author} />
    </StrictMode>,
  );
}
