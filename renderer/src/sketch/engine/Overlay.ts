import type { SketchTool } from './editorTypes.js';
import { SelectTool } from './tools/SelectTool.js';
import type { Selection } from './tools/selection.js';
import type { Tool, ToolHost } from './tools/toolHost.js';

/** What the overlay shows, asked for each time it paints. */
export interface OverlaySource {
  /** What is selected (its box and handles show with the tools that work on it). */
  readonly selection: Selection;
  /** The engine as tools see it (the selection box is drawn by a select tool's own overlay). */
  readonly toolHost: ToolHost;
  /** The tool whose drag is under way (its box, lasso, eraser ring or shape preview shows). */
  activeTool(): Tool | null;
  /** The tool chosen in the toolbar. */
  tool(): SketchTool;
  /** After each paint: what else follows the view at most once a frame (the lift layer). */
  painted(): void;
}

/**
 * The SVG overlay above the canvases, in screen coordinates: the active tool's marks (selection
 * box, lasso, eraser ring, shape preview) and the selection's box and handles. Painted at most once
 * a frame however often tools report a change, and the DOM is touched only when the markup differs,
 * so a pointer move that changes nothing costs no layout. Hidden while empty, since an idle
 * full-size layer would cost compositing every frame.
 */
export class Overlay {
  readonly element: SVGSVGElement;
  private queued = false;
  private closed = false;
  private markup = '';

  constructor(
    private readonly source: OverlaySource,
    style: Partial<CSSStyleDeclaration>,
  ) {
    this.element = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    this.element.setAttribute('class', 'sketch-overlay');
    this.element.setAttribute('aria-hidden', 'true');
    Object.assign(this.element.style, style, {
      pointerEvents: 'none',
      overflow: 'visible',
      display: 'none',
    });
  }

  /** Paints in the next animation frame (several requests in one frame paint once). */
  schedule(): void {
    if (this.queued) {
      return;
    }
    this.queued = true;
    requestAnimationFrame(() => {
      this.queued = false;
      if (!this.closed) {
        this.paint();
      }
    });
  }

  /** Paints now. */
  paint(): void {
    let markup = '';
    const active = this.source.activeTool();
    if (active) {
      markup += active.overlay();
    }
    // The selection's box and handles show with every tool that works on it (a select tool's drag
    // draws them itself).
    const tool = this.source.tool();
    if (
      !(active instanceof SelectTool) &&
      this.source.selection.size > 0 &&
      tool !== 'draw' &&
      tool !== 'erase'
    ) {
      markup += new SelectTool(this.source.toolHost, this.source.selection, 'box').overlay();
    }
    if (markup !== this.markup) {
      this.markup = markup;
      this.element.innerHTML = markup;
      this.element.style.display = markup === '' ? 'none' : '';
    }
    this.source.painted();
  }

  /** Removes the element; a paint already scheduled is dropped. */
  close(): void {
    this.closed = true;
    this.element.remove();
  }
}
