import type { SketchTool } from '../editorTypes.js';
import { EraserTool } from './EraserTool.js';
import { SelectTool } from './SelectTool.js';
import type { Selection } from './selection.js';
import { ShapeTool } from './ShapeTool.js';
import type { Tool, ToolHost } from './toolHost.js';

/**
 * The tool that takes a drag while `tool` is chosen: the one place that maps the toolbar's
 * choices to tool classes (the engine and the Node test editor both ask here). Null for the pen
 * and the hand, which the engine handles itself, and for text when no text tool is given (it needs
 * a DOM).
 */
export function toolFor(
  tool: SketchTool,
  host: ToolHost,
  selection: Selection,
  textTool: Tool | null,
): Tool | null {
  switch (tool) {
    case 'select':
      return new SelectTool(host, selection, 'box');
    case 'lasso':
      return new SelectTool(host, selection, 'lasso');
    case 'erase':
      return new EraserTool(host);
    case 'text':
      return textTool;
    case 'rect':
    case 'ellipse':
    case 'arrow':
    case 'line':
    case 'connector':
    case 'speechBubble':
    case 'banner':
    case 'container':
      return new ShapeTool(host, tool, selection);
    default:
      return null;
  }
}
