import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { visibleSceneRect, type Rect } from '../../../shared/sketch/viewTransform.js';
import type { EditorEngine } from './editorApi.js';
import {
  centreViewOn,
  MINIMAP_WIDTH,
  minimapHeight,
  minimapScene,
  minimapToScene,
  sceneRectToMinimap,
} from './minimapGeometry.js';

/** paintOverview runs at most this often (it draws every item). */
const CONTENT_PAINT_MS = 500;
/** Below this width the minimap starts hidden (its toggle stays). */
const SMALL_SCREEN_QUERY = '(max-width: 47.99em)';

const PAGE = '#e4e6ea';
const SHEET = '#ffffff';
const SHEET_EDGE = '#9aa1ab';
const VIEW_EDGE = '#0b4f8c';
const VIEW_FILL = 'rgba(11, 79, 140, 0.12)';

function sameRect(a: Rect | null, b: Rect | null): boolean {
  return (
    a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height)
  );
}

/**
 * A small overview of the whole sketchnote with the visible part as a frame. Clicking or dragging
 * in it moves the view there. The items are painted by the engine (throttled to every 500 ms);
 * the frame follows every pan and zoom at once. Starts hidden on small screens; a button shows or
 * hides it.
 */
export function Minimap({ engine }: { engine: EditorEngine | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(
    () => typeof window.matchMedia !== 'function' || !window.matchMedia(SMALL_SCREEN_QUERY).matches,
  );
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!engine || !open || !canvas) {
      return undefined;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) {
      return undefined;
    }
    const content = document.createElement('canvas');
    const contentCtx = content.getContext('2d');
    const width = MINIMAP_WIDTH;
    let height = minimapHeight(engine.overviewRect());
    let dpr = 1;
    let painted: Rect | null = null;
    let contentDirty = true;
    let lastContentPaint = -Infinity;
    let contentTimer: ReturnType<typeof setTimeout> | null = null;
    let frame = 0;
    let dragScene: Rect | null = null;
    let disposed = false;

    const currentScene = (overview: Rect | null): Rect => {
      const visible = visibleSceneRect(engine.getView(), engine.getViewport());
      return dragScene ?? minimapScene(overview, visible, { width, height });
    };

    const resize = (): void => {
      dpr = window.devicePixelRatio || 1;
      const pixelWidth = Math.round(width * dpr);
      const pixelHeight = Math.round(height * dpr);
      if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
        canvas.width = pixelWidth;
        canvas.height = pixelHeight;
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
        content.width = pixelWidth;
        content.height = pixelHeight;
        contentDirty = true;
      }
    };

    const paintContent = (): void => {
      contentTimer = null;
      if (disposed || !contentCtx) {
        return;
      }
      const overview = engine.overviewRect();
      const scene = currentScene(overview);
      contentCtx.setTransform(1, 0, 0, 1, 0, 0);
      contentCtx.clearRect(0, 0, content.width, content.height);
      contentCtx.setTransform(dpr, 0, 0, dpr, 0, 0);
      engine.paintOverview(contentCtx, scene, width, height);
      painted = scene;
      contentDirty = false;
      lastContentPaint = performance.now();
      requestDraw();
    };

    /** Repaints the items now, or as soon as 500 ms have passed since the last time. */
    const requestContent = (): void => {
      if (contentTimer !== null) {
        return;
      }
      const wait = Math.max(0, lastContentPaint + CONTENT_PAINT_MS - performance.now());
      contentTimer = setTimeout(paintContent, wait);
    };

    const draw = (): void => {
      frame = 0;
      if (disposed) {
        return;
      }
      const overview = engine.overviewRect();
      const nextHeight = minimapHeight(overview);
      if (nextHeight !== height) {
        height = nextHeight;
      }
      resize();
      const scene = currentScene(overview);
      if (contentDirty || !sameRect(scene, painted)) {
        requestContent();
      }
      const size = { width, height };
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.fillStyle = PAGE;
      ctx.fillRect(0, 0, width, height);
      if (overview) {
        const sheet = sceneRectToMinimap(scene, size, overview);
        ctx.fillStyle = SHEET;
        ctx.fillRect(sheet.x, sheet.y, sheet.width, sheet.height);
        ctx.strokeStyle = SHEET_EDGE;
        ctx.lineWidth = 1;
        ctx.strokeRect(
          sheet.x + 0.5,
          sheet.y + 0.5,
          Math.max(0, sheet.width - 1),
          Math.max(0, sheet.height - 1),
        );
      }
      if (painted) {
        // The last painted items, moved and scaled to where their scene area is now.
        const at = sceneRectToMinimap(scene, size, painted);
        ctx.drawImage(content, at.x, at.y, at.width, at.height);
      }
      const visible = sceneRectToMinimap(
        scene,
        size,
        visibleSceneRect(engine.getView(), engine.getViewport()),
      );
      ctx.fillStyle = VIEW_FILL;
      ctx.fillRect(visible.x, visible.y, visible.width, visible.height);
      ctx.strokeStyle = VIEW_EDGE;
      ctx.lineWidth = 2;
      ctx.strokeRect(visible.x, visible.y, Math.max(2, visible.width), Math.max(2, visible.height));
    };

    const requestDraw = (): void => {
      if (frame === 0 && !disposed) {
        frame = requestAnimationFrame(draw);
      }
    };

    const moveTo = (event: PointerEvent): void => {
      const box = canvas.getBoundingClientRect();
      const scene = dragScene ?? currentScene(engine.overviewRect());
      const point = minimapToScene(
        scene,
        { width, height },
        {
          x: event.clientX - box.left,
          y: event.clientY - box.top,
        },
      );
      engine.setView(centreViewOn(engine.getView(), engine.getViewport(), point), 'person');
    };
    const onDown = (event: PointerEvent): void => {
      if (event.button !== 0) {
        return;
      }
      event.preventDefault();
      // The mapping stays put while dragging, or the frame would chase itself.
      dragScene = currentScene(engine.overviewRect());
      try {
        canvas.setPointerCapture(event.pointerId);
      } catch {
        // Synthetic events have no pointer to capture.
      }
      moveTo(event);
    };
    const onMove = (event: PointerEvent): void => {
      if (dragScene) {
        moveTo(event);
      }
    };
    const onUp = (): void => {
      dragScene = null;
      requestDraw();
    };

    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerup', onUp);
    canvas.addEventListener('pointercancel', onUp);
    const offScene = engine.onSceneChange(() => {
      contentDirty = true;
      requestDraw();
    });
    const offView = engine.onViewChange(() => requestDraw());
    resize();
    requestDraw();

    return () => {
      disposed = true;
      offScene();
      offView();
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onUp);
      if (frame !== 0) {
        cancelAnimationFrame(frame);
      }
      if (contentTimer !== null) {
        clearTimeout(contentTimer);
      }
    };
  }, [engine, open]);

  return (
    <div className={open ? 'sketch-minimap sketch-minimap--open' : 'sketch-minimap'}>
      {open && (
        <canvas
          id={`${id}-map`}
          ref={canvasRef}
          className="sketch-minimap__canvas"
          role="img"
          aria-label={t('sketch.minimap.label')}
          width={MINIMAP_WIDTH}
          height={minimapHeight(null)}
        />
      )}
      <button
        type="button"
        className="sketch-minimap__toggle"
        aria-expanded={open}
        aria-controls={open ? `${id}-map` : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('sketch.minimap.hide') : t('sketch.minimap.show')}
      </button>
    </div>
  );
}
