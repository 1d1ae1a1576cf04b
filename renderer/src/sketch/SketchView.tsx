import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { docNameFor, idSchema } from '../../../shared/docs/docName.js';
import { DocumentConnection } from '../components/DocumentConnection.js';
import { InvalidLink } from '../components/InvalidLink.js';
import { PageHeading } from '../components/PageHeading.js';
import { useSession } from '../api/session.js';
import {
  getSketchPalettePrefs,
  getSketchToolPrefs,
  getUserId,
  setSketchPalettePrefs,
  setSketchToolPrefs,
  type SketchPalettePrefs,
} from '../platform/preferences.js';
import type { SketchEngine } from './engine/SketchEngine.js';
import { SketchCanvas } from './SketchCanvas.js';
import { useSharedDoc } from '../sync/useSharedDoc.js';
import { ColourPalette } from './ColourPalette.js';
import { useSelection, useTool, type EditorEngine } from './editorApi.js';
import { LayersPanel } from './LayersPanel.js';
import { Minimap } from './Minimap.js';
import { SelectionBar } from './SelectionBar.js';
import { ExportButton } from './ExportDialog.js';
import { PresentButton } from './PresentButton.js';
import { SheetControls } from './SheetControls.js';
import { ShortcutHelp } from './ShortcutHelp.js';
import { SketchUndo } from './sketchUndo.js';
import { StylePanel, type EditorStyle } from './StylePanel.js';
import { ToolBar } from './ToolBar.js';
import { useSketchShortcuts, type ClipboardStatus } from './useSketchShortcuts.js';
import './sketch.css';

/** How long a status message ("3 Elemente kopiert.") stays. */
const STATUS_MS = 4000;

/** A sketchnote: the ink canvas bound to its `sketch/<id>` document, with the editor around it. */
export function SketchView() {
  const { t } = useTranslation();
  const { sketchId = '' } = useParams();
  const session = useSession();
  if (!idSchema.safeParse(sketchId).success) {
    return <InvalidLink />;
  }
  if (session === null) {
    return <PageHeading title={t('sketch.title')} />;
  }
  if (session.docs.sketch !== 'write') {
    return (
      <>
        <PageHeading title={t('sketch.title')} />
        {session.docs.sketch === 'none' ? (
          <p>{t('readOnly.notAvailable')}</p>
        ) : (
          <SketchViewer key={sketchId} sketchId={sketchId} />
        )}
        <section className="panel">
          <DocumentConnection name={docNameFor('sketch', sketchId)} />
        </section>
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('sketch.title')} />
      {/* Collapsed, so the whole canvas fits the window when the page opens. */}
      <details className="sketch-hints">
        <summary>{t('sketch.hints')}</summary>
        <p>{t('sketch.intro')}</p>
      </details>
      {/* Keyed by id, so another sketchnote starts with a fresh engine, undo history and selection. */}
      <SketchEditor key={sketchId} sketchId={sketchId} />
      <section className="panel">
        <DocumentConnection name={docNameFor('sketch', sketchId)} />
      </section>
    </>
  );
}

/**
 * A sketchnote for those who only watch it (participants, read-along links): the canvas live, pan
 * and zoom by finger, mouse, wheel and keys, "Alles zeigen" and the minimap; no tools, nothing drawn.
 */
function SketchViewer({ sketchId }: { sketchId: string }) {
  const { t } = useTranslation();
  const shared = useSharedDoc(docNameFor('sketch', sketchId));
  const author = useMemo(() => getUserId(), []);
  const [engine, setEngine] = useState<SketchEngine | null>(null);
  const onEngine = useCallback((next: SketchEngine | null) => setEngine(next), []);
  // Fit the sheet once the first content arrived, so a phone starts with the whole sketchnote.
  useEffect(() => {
    if (!engine) {
      return undefined;
    }
    const fitOnce = (): void => {
      requestAnimationFrame(() => engine.fit());
      shared.provider.off('sync', fitOnce);
    };
    if (shared.provider.synced) {
      fitOnce();
      return undefined;
    }
    shared.provider.on('sync', fitOnce);
    return () => shared.provider.off('sync', fitOnce);
  }, [engine, shared]);
  return (
    <section className="sketch-editor sketch-viewer" aria-label={t('readOnly.sketchViewer')}>
      <p className="hint">{t('readOnly.sketch')}</p>
      <div className="sketch-editor__bar">
        <button type="button" className="button button--quiet" onClick={() => engine?.fit()}>
          {t('readOnly.fit')}
        </button>
      </div>
      <div className="sketch-editor__stage">
        <SketchCanvas
          doc={shared.doc}
          awareness={shared.provider.awareness}
          author={author}
          onEngine={onEngine}
          label={t('readOnly.sketchViewer')}
          className="sketch-surface"
          readOnly
        />
        <Minimap engine={engine} />
      </div>
    </section>
  );
}

function initialStyle(): EditorStyle {
  return {
    ...getSketchToolPrefs(),
    palm: true,
    layer: 'drawing',
    eraserMode: 'stroke',
    eraserSize: 16,
    fillOn: false,
    fillColour: '#fff176',
    fontSize: 32,
    containerShape: 'cloud',
  };
}

function SketchEditor({ sketchId }: { sketchId: string }) {
  const { t } = useTranslation();
  const shared = useSharedDoc(docNameFor('sketch', sketchId));
  const doc = shared.doc;
  const author = useMemo(() => getUserId(), []);
  // Local writes carry this origin; the undo manager tracks only it, so undo is per user.
  const origin = useMemo(() => ({ sketchUser: author }), [author]);
  const undo = useMemo(() => new SketchUndo(doc, origin), [doc, origin]);
  useEffect(() => undo.attach(), [undo]);
  const undoState = useSyncExternalStore(undo.subscribe, undo.getSnapshot);

  const [engine, setEngine] = useState<EditorEngine | null>(null);
  const onEngine = useCallback((e: SketchEngine | null) => setEngine(e), []);
  const tool = useTool(engine);
  const selection = useSelection(engine);

  const [style, setStyle] = useState(initialStyle);
  const [palette, setPalette] = useState(getSketchPalettePrefs);
  const [helpOpen, setHelpOpen] = useState(false);
  const [status, setStatus] = useState('');
  const statusTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const changeStyle = useCallback(
    (patch: Partial<EditorStyle>) => {
      const next = { ...style, ...patch };
      setStyle(next);
      setSketchToolPrefs({
        brush: next.brush,
        size: next.size,
        smoothing: next.smoothing,
        pressureOn: next.pressureOn,
        shapeStyle: next.shapeStyle,
        fontFamily: next.fontFamily,
      });
    },
    [style],
  );

  const changePalette = useCallback((next: SketchPalettePrefs) => {
    setPalette(next);
    setSketchPalettePrefs(next);
  }, []);

  const brush = useMemo(
    () => ({
      brush: style.brush,
      colour: palette.colour,
      size: style.size,
      pressureOn: style.pressureOn,
      smoothing: style.smoothing,
      layer: style.layer,
    }),
    [style.brush, palette.colour, style.size, style.pressureOn, style.smoothing, style.layer],
  );

  useEffect(() => {
    engine?.setObjectSettings({
      style: style.shapeStyle,
      fill: style.fillOn ? style.fillColour : null,
      fontFamily: style.fontFamily,
      fontSize: style.fontSize,
      containerShape: style.containerShape,
    });
  }, [
    engine,
    style.shapeStyle,
    style.fillOn,
    style.fillColour,
    style.fontFamily,
    style.fontSize,
    style.containerShape,
  ]);

  useEffect(() => {
    engine?.setEraserMode(style.eraserMode);
  }, [engine, style.eraserMode]);

  useEffect(() => {
    engine?.setEraserSize(style.eraserSize);
  }, [engine, style.eraserSize]);

  useEffect(
    () => () => {
      if (statusTimer.current !== null) {
        clearTimeout(statusTimer.current);
      }
    },
    [],
  );

  const showStatus = useCallback((message: string) => {
    setStatus(message);
    if (statusTimer.current !== null) {
      clearTimeout(statusTimer.current);
    }
    statusTimer.current = setTimeout(() => setStatus(''), STATUS_MS);
  }, []);

  // A pen on a locked or hidden layer draws nothing, the partial eraser leaves shapes: say so.
  useEffect(
    () =>
      engine?.onNotice((notice) =>
        showStatus(
          notice.kind === 'eraserKeptObjects'
            ? t('sketch.status.eraserKeptObjects', { count: notice.count })
            : t(`sketch.status.${notice.kind}`, {
                layer: t(`sketch.layers.names.${notice.layer}`),
              }),
        ),
      ),
    [engine, showStatus, t],
  );

  const onStatus = useCallback(
    (s: ClipboardStatus) => {
      let message: string;
      switch (s.kind) {
        case 'copied':
          message = t('sketch.status.copied', { count: s.count });
          break;
        case 'cut':
          message = t('sketch.status.cut', { count: s.count });
          break;
        case 'pasted':
          message =
            s.rejected > 0
              ? t('sketch.status.pastedSkipped', { count: s.count, rejected: s.rejected })
              : t('sketch.status.pasted', { count: s.count });
          break;
        case 'pasteFailed':
          message = t('sketch.status.pasteFailed');
          break;
        case 'pasteEmpty':
          message = t('sketch.status.pasteEmpty');
          break;
      }
      showStatus(message);
    },
    [t, showStatus],
  );

  const onUndo = useCallback(() => undo.undo(), [undo]);
  const onRedo = useCallback(() => undo.redo(), [undo]);
  const onHelp = useCallback(() => setHelpOpen(true), []);
  const clipboard = useSketchShortcuts({ engine, onUndo, onRedo, onHelp, onStatus });

  return (
    <section className="sketch-editor" aria-label={t('sketch.editor')}>
      <div className="sketch-editor__bar">
        <ToolBar
          tool={tool}
          onTool={(next) => engine?.setTool(next)}
          canUndo={undoState[0] === 'u'}
          canRedo={undoState[1] === 'r'}
          onUndo={onUndo}
          onRedo={onRedo}
          onHelp={onHelp}
        />
        <SheetControls doc={doc} engine={engine} />
        <PresentButton sketchId={sketchId} />
        <ExportButton sketchId={sketchId} />
      </div>
      <div className="sketch-editor__body">
        <div className="sketch-editor__stage">
          <SketchCanvas
            doc={doc}
            awareness={shared.provider.awareness}
            author={author}
            origin={origin}
            brush={brush}
            palmRejection={style.palm}
            onEngine={onEngine}
            label={t('sketch.canvas')}
            textEditorLabel={t('sketch.textEditor')}
            className="sketch-surface"
          />
          {engine && selection.items.length > 0 && (
            <SelectionBar
              engine={engine}
              selection={selection}
              onCopy={clipboard.copy}
              onCut={clipboard.cut}
            />
          )}
          <Minimap engine={engine} />
        </div>
        <div className="sketch-editor__side">
          <StylePanel tool={tool} style={style} onChange={changeStyle} />
          <ColourPalette prefs={palette} onChange={changePalette} />
          <LayersPanel doc={doc} activeLayer={style.layer} />
        </div>
      </div>
      <p className="sketch-editor__status" role="status">
        {status}
      </p>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </section>
  );
}
