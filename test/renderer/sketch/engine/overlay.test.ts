import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SketchTool } from '../../../../renderer/src/sketch/engine/editorTypes.js';
import { Overlay } from '../../../../renderer/src/sketch/engine/Overlay.js';
import { SelectTool } from '../../../../renderer/src/sketch/engine/tools/SelectTool.js';
import type { Tool } from '../../../../renderer/src/sketch/engine/tools/toolHost.js';
import { TestEditor } from './testEditor.js';

/**
 * The SVG overlay in Node, with a stand-in element: what it shows for which tool, that it paints
 * once a frame and touches the DOM only when the markup changes, and that it stops when closed.
 */

/** The few parts of an SVG element the overlay uses; counts writes of its markup. */
class FakeSvg {
  readonly attributes = new Map<string, string>();
  readonly style: Record<string, string> = {};
  writes = 0;
  removed = false;
  private html = '';
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  get innerHTML(): string {
    return this.html;
  }
  set innerHTML(markup: string) {
    this.writes += 1;
    this.html = markup;
  }
  remove(): void {
    this.removed = true;
  }
}

/** A tool that shows fixed markup (as the eraser shows its ring). */
class MarkTool implements Tool {
  constructor(readonly mark: string) {}
  down(): void {}
  move(): void {}
  up(): void {}
  cancel(): void {}
  overlay(): string {
    return this.mark;
  }
}

let frames: FrameRequestCallback[];
let svg: FakeSvg;

function setup(): {
  overlay: Overlay;
  editor: TestEditor;
  state: { tool: SketchTool; active: Tool | null; painted: number };
} {
  const editor = new TestEditor();
  editor.createStroke('a', [100, 100], [300, 100]);
  const state: { tool: SketchTool; active: Tool | null; painted: number } = {
    tool: 'select',
    active: null,
    painted: 0,
  };
  const overlay = new Overlay(
    {
      selection: editor.selection,
      toolHost: editor.host,
      activeTool: () => state.active,
      tool: () => state.tool,
      painted: () => {
        state.painted += 1;
      },
    },
    { position: 'absolute', left: '0' },
  );
  return { overlay, editor, state };
}

function runFrames(): void {
  for (const callback of frames.splice(0)) {
    callback(0);
  }
}

describe('Overlay', () => {
  beforeEach(() => {
    frames = [];
    svg = new FakeSvg();
    vi.stubGlobal('document', { createElementNS: () => svg });
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is a hidden, click-through SVG layer until there is something to show', () => {
    setup();
    expect(svg.attributes.get('class')).toBe('sketch-overlay');
    expect(svg.attributes.get('aria-hidden')).toBe('true');
    expect(svg.style).toMatchObject({
      position: 'absolute',
      left: '0',
      pointerEvents: 'none',
      overflow: 'visible',
      display: 'none',
    });
  });

  it("shows the selection's box and handles with the selection tools, not with the pen or eraser", () => {
    const { overlay, editor, state } = setup();
    editor.selection.set([{ type: 'stroke', id: 'a' }]);
    overlay.paint();
    expect(svg.innerHTML).toContain('class="sel-box"');
    expect(svg.innerHTML).toContain('class="sel-handle"');
    expect(svg.style['display']).toBe('');
    for (const tool of ['draw', 'erase'] as const) {
      state.tool = tool;
      overlay.paint();
      expect(svg.innerHTML).toBe('');
      expect(svg.style['display']).toBe('none');
    }
    state.tool = 'lasso';
    overlay.paint();
    expect(svg.innerHTML).toContain('class="sel-box"');
  });

  it("shows the active tool's marks, first, and a select drag's box only once", () => {
    const { overlay, editor, state } = setup();
    state.tool = 'erase';
    state.active = new MarkTool('<circle class="eraser-cursor"/>');
    overlay.paint();
    expect(svg.innerHTML).toBe('<circle class="eraser-cursor"/>');
    state.tool = 'select';
    editor.selection.set([{ type: 'stroke', id: 'a' }]);
    overlay.paint();
    expect(svg.innerHTML.startsWith('<circle class="eraser-cursor"/><path class="sel-box"')).toBe(true);
    // A select tool at work draws the box itself; the overlay adds no second one.
    state.active = new SelectTool(editor.host, editor.selection, 'box');
    overlay.paint();
    expect(svg.innerHTML.match(/class="sel-box"/g)).toHaveLength(1);
  });

  it('writes the DOM only when the markup changed, and lets the lift layer follow every paint', () => {
    const { overlay, editor, state } = setup();
    overlay.paint();
    expect(svg.writes).toBe(0);
    editor.selection.set([{ type: 'stroke', id: 'a' }]);
    overlay.paint();
    overlay.paint();
    expect(svg.writes).toBe(1);
    editor.selection.clear();
    overlay.paint();
    expect(svg.writes).toBe(2);
    expect(state.painted).toBe(4);
  });

  it('paints once per frame however often it is asked', () => {
    const { overlay, editor, state } = setup();
    editor.selection.set([{ type: 'stroke', id: 'a' }]);
    overlay.schedule();
    overlay.schedule();
    overlay.schedule();
    expect(frames).toHaveLength(1);
    expect(state.painted).toBe(0);
    runFrames();
    expect(state.painted).toBe(1);
    expect(svg.innerHTML).toContain('class="sel-box"');
    overlay.schedule();
    expect(frames).toHaveLength(1);
  });

  it('once closed, the element is gone and a scheduled paint is dropped', () => {
    const { overlay, state } = setup();
    overlay.schedule();
    overlay.close();
    expect(svg.removed).toBe(true);
    runFrames();
    expect(state.painted).toBe(0);
  });
});
