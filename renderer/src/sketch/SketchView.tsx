import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type DragEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { docNameFor, idSchema } from '../../../shared/docs/docName.js';
import { MAX_STROKE_SIZE, sheetScale } from '../../../shared/sketch/sketchLayout.js';
import { InvalidLink } from '../components/InvalidLink.js';
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
import { SketchWindow } from './SketchWindow.js';
import { useSheetFormat } from './useSheetFormat.js';
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
import { TimelapsePlayer } from './timelapse/TimelapsePlayer.js';
import { ImageButton } from './images/ImageButton.js';
import { LibraryPanel } from './library/LibraryPanel.js';
import { pictureFiles, useImageInsert } from './images/useImageInsert.js';
import { CameraControls } from './CameraControls.js';
import { useCamera } from './useCamera.js';
import { publishViewport } from './viewportPublisher.js';
import { useSketchShortcuts, type ClipboardStatus } from './useSketchShortcuts.js';
import './sketch.css';

/** How long a status message ("3 Elemente kopiert.") stays. */
const STATUS_MS = 4000;
/** From this window width (CSS px) the tool settings start open beside the ink. */
const PANELS_OPEN_MIN_WIDTH = 1100;

/** A sketchnote: the ink canvas bound to its `sketch/<id>` document, in a window of its own. */
export function SketchView() {
  const { t } = useTranslation();
  const { sketchId = '' } = useParams();
  const session = useSession();
  if (!idSchema.safeParse(sketchId).success) {
    return (
      <SketchWindow docName={null}>
        <InvalidLink />
      </SketchWindow>
    );
  }
  if (session === null || session.docs.sketch === 'none') {
    return (
      <SketchWindow docName={null}>
        {session !== null && <p className="sketch-window__message">{t('readOnly.notAvailable')}</p>}
      </SketchWindow>
    );
  }
  // Keyed by id, so another sketchnote starts with a fresh engine, undo history and selection.
  return session.docs.sketch === 'write' ? (
    <SketchEditor key={sketchId} sketchId={sketchId} />
  ) : (
    <SketchViewer key={sketchId} sketchId={sketchId} />
  );
}

/**
 * A sketchnote for those who only watch it (participants, read-along links): the canvas live, the
 * whole sheet in view on open and after every resize or turn of the phone, until the person pans or
 * zooms (finger, pinch, mouse, wheel, keys); "Ganzes Blatt" and "Zeichner:in folgen" (the recorder's
 * camera, smoothly); the minimap. No tools, nothing drawn.
 */
function SketchViewer({ sketchId }: { sketchId: string }) {
  const { t } = useTranslation();
  const shared = useSharedDoc(docNameFor('sketch', sketchId));
  const author = useMemo(() => getUserId(), []);
  const [engine, setEngine] = useState<SketchEngine | null>(null);
  const onEngine = useCallback((next: SketchEngine | null) => setEngine(next), []);
  const camera = useCamera(engine, shared.provider.awareness, shared.doc, 'sheet');
  return (
    <SketchWindow docName={docNameFor('sketch', sketchId)}>
      <section className="sketch-editor sketch-viewer" aria-label={t('readOnly.sketchViewer')}>
        <CameraControls
          state={camera.state}
          onMode={camera.setMode}
          idle={t('readOnly.sketch')}
          className="sketch-editor__bar sketch-viewer__bar"
        />
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
    </SketchWindow>
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
  const [timelapseOpen, setTimelapseOpen] = useState(false);
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

  // Sizes in the panel are A3 sizes; on a bigger sheet pens and type grow with it (sheetScale).
  const scale = sheetScale(useSheetFormat(doc));
  const brush = useMemo(
    () => ({
      brush: style.brush,
      colour: palette.colour,
      size: Math.min(MAX_STROKE_SIZE, style.size * scale),
      pressureOn: style.pressureOn,
      smoothing: style.smoothing,
      layer: style.layer,
    }),
    [style.brush, palette.colour, style.size, scale, style.pressureOn, style.smoothing, style.layer],
  );

  useEffect(() => {
    engine?.setObjectSettings({
      style: style.shapeStyle,
      fill: style.fillOn ? style.fillColour : null,
      fontFamily: style.fontFamily,
      fontSize: Math.round(style.fontSize * scale),
      containerShape: style.containerShape,
    });
  }, [
    engine,
    scale,
    style.shapeStyle,
    style.fillOn,
    style.fillColour,
    style.fontFamily,
    style.fontSize,
    style.containerShape,
  ]);

  // What this canvas shows, for viewers and the projector that follow the recorder.
  const awareness = shared.provider.awareness;
  useEffect(() => (engine ? publishViewport(engine, awareness) : undefined), [engine, awareness]);

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
  const [focus, setFocus] = useState(false);
  const toggleFocus = useCallback(() => setFocus((on) => !on), []);
  const insertImages = useImageInsert(engine, showStatus);
  const onPasteImages = useCallback((files: File[]) => void insertImages(files, 'pointer'), [insertImages]);
  const clipboard = useSketchShortcuts({
    engine,
    canUndo: undoState[0] === 'u',
    canRedo: undoState[1] === 'r',
    onUndo,
    onRedo,
    onHelp,
    onFocusMode: toggleFocus,
    onStatus,
    onPasteImages,
  });
  // Pictures dragged onto the canvas land where they are dropped.
  const [dragging, setDragging] = useState(false);
  const onDragOver = (event: DragEvent<HTMLDivElement>): void => {
    if (engine && event.dataTransfer.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    }
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    setDragging(false);
    const files = pictureFiles(event.dataTransfer.files);
    if (files.length === 0) {
      return;
    }
    event.preventDefault();
    const canvas = event.currentTarget.querySelector('.sketch-host')?.getBoundingClientRect();
    const at = canvas ? { x: event.clientX - canvas.left, y: event.clientY - canvas.top } : 'centre';
    void insertImages(files, at);
  };
  // The settings float over the canvas; on a narrow window they start folded away.
  const [panelsOpen, setPanelsOpen] = useState(() => window.innerWidth >= PANELS_OPEN_MIN_WIDTH);
  const panelsId = useId();
  const [libraryOpen, setLibraryOpen] = useState(false);
  const libraryId = useId();
  const libraryButton = useRef<HTMLButtonElement>(null);

  return (
    <SketchWindow
      docName={docNameFor('sketch', sketchId)}
      focus={focus}
      actions={
        <>
          <PresentButton sketchId={sketchId} />
          <button type="button" className="button button--quiet" onClick={() => setTimelapseOpen(true)}>
            {t('sketch.timelapse.open')}
          </button>
          <ExportButton sketchId={sketchId} />
          <button
            type="button"
            className="button button--quiet"
            aria-expanded={panelsOpen}
            aria-controls={panelsOpen ? panelsId : undefined}
            onClick={() => setPanelsOpen((open) => !open)}
          >
            {t('sketch.window.panels')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-keyshortcuts="Control+."
            title={t('sketch.withShortcut', {
              label: t('sketch.window.focus'),
              shortcut: t('sketch.keys.ctrl') + '+.',
            })}
            onClick={toggleFocus}
          >
            {t('sketch.window.focus')}
          </button>
        </>
      }
    >
      <section
        className={`sketch-editor${focus ? ' sketch-editor--focus' : ''}`}
        aria-label={t('sketch.editor')}
      >
        {!focus && (
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
            <ImageButton onFiles={(files, at) => void insertImages(files, at)} />
            <button
              ref={libraryButton}
              type="button"
              className="button button--quiet"
              aria-expanded={libraryOpen}
              aria-controls={libraryOpen ? libraryId : undefined}
              onClick={() => setLibraryOpen((open) => !open)}
            >
              {t('sketch.library.open')}
            </button>
            <SheetControls doc={doc} engine={engine} />
          </div>
        )}
        <div
          className={`sketch-editor__stage${dragging ? ' sketch-editor__stage--drop' : ''}`}
          onDragOver={onDragOver}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
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
            <SelectionBar selection={selection} context={clipboard.actionContext} />
          )}
          {!focus && <Minimap engine={engine} />}
          {!focus && libraryOpen && (
            <LibraryPanel
              id={libraryId}
              engine={engine}
              doc={doc}
              sketchId={sketchId}
              colour={palette.colour}
              layer={style.layer}
              author={author}
              templateStyle={{ colour: '#37474f', fontFamily: style.fontFamily, style: style.shapeStyle }}
              hasSelection={selection.items.length > 0}
              onStatus={showStatus}
              onClose={() => {
                setLibraryOpen(false);
                libraryButton.current?.focus();
              }}
            />
          )}
          {!focus && panelsOpen && (
            <div className="sketch-editor__side" id={panelsId}>
              <StylePanel tool={tool} style={style} sheetScale={scale} onChange={changeStyle} />
              <ColourPalette prefs={palette} onChange={changePalette} />
              <LayersPanel doc={doc} activeLayer={style.layer} />
            </div>
          )}
          {focus && (
            <button type="button" className="button sketch-editor__unfocus" onClick={toggleFocus}>
              {t('sketch.window.unfocus')}
            </button>
          )}
          <p className="sketch-editor__status" role="status">
            {status}
          </p>
        </div>
        <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
        {timelapseOpen && (
          <TimelapsePlayer source={doc} name={sketchId} onClose={() => setTimelapseOpen(false)} />
        )}
      </section>
    </SketchWindow>
  );
}
