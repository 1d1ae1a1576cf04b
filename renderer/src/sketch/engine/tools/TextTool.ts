import { quantise } from '../../../../../shared/sketch/objects/geometry.js';
import { kindOf } from '../../../../../shared/sketch/objects/kinds/index.js';
import type {
  NewObject,
  ObjectOfKind,
  SketchObject,
} from '../../../../../shared/sketch/objects/objectCodec.js';
import { MAX_TEXT_LENGTH, objectsMap } from '../../../../../shared/sketch/objects/objectLayout.js';
import { addObject, deleteItems, replaceObject } from '../../../../../shared/sketch/objects/objectEdits.js';
import { topZ } from '../../../../../shared/sketch/objects/paintOrder.js';
import { sceneToScreen } from '../../../../../shared/sketch/viewTransform.js';
import { FONT_STACKS } from '../fonts.js';
import type { ObjectItem } from '../ObjectItem.js';
import { measureText } from '../ObjectPainter.js';
import { boxObjectAt, itemAt } from './SelectTool.js';
import type { Selection } from './selection.js';
import type { Tool, ToolHost, ToolPointer } from './toolHost.js';

interface Editing {
  textarea: HTMLTextAreaElement;
  /** The text being edited, or null for a new one. */
  existing: ObjectOfKind<'text'> | null;
  at: { x: number; y: number };
  container: SketchObject | null;
  item: ObjectItem | null;
  /** Follows the view (pan and zoom while typing). */
  place: () => void;
}

let measureCtx: CanvasRenderingContext2D | null = null;
function measuringContext(): CanvasRenderingContext2D | null {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  return measureCtx;
}

/**
 * Text: a click places a text (inside a shape, the text sits in the shape and moves with it); a
 * click on a text edits it. Typing happens in a real textarea over the canvas (so input methods,
 * spell checking and screen readers work); Escape or a click elsewhere finishes, an emptied text
 * is deleted.
 */
export class TextTool implements Tool {
  private editing: Editing | null = null;

  constructor(
    private readonly host: ToolHost,
    private readonly selection: Selection,
    private readonly label: () => string,
  ) {}

  get active(): boolean {
    return this.editing !== null;
  }

  down(p: ToolPointer): void {
    if (this.editing) {
      this.finish();
      return;
    }
    const item = itemAt(this.host, p.scene, p.kind === 'touch' ? 16 : 6);
    const object = item?.type === 'object' ? (item as ObjectItem).object : null;
    if (object?.kind === 'text') {
      this.edit(object, item as ObjectItem);
      return;
    }
    const box = object && kindOf(object).holdsText === true ? object : boxObjectAt(this.host, p.scene);
    if (box && kindOf(box).holdsText === true) {
      const inside = this.textIn(box.id);
      if (inside) {
        const insideItem = this.host.item({ type: 'object', id: inside.id }) as ObjectItem | undefined;
        this.edit(inside, insideItem ?? null);
      } else {
        this.open(null, { x: box.x, y: box.y }, box, null);
      }
      return;
    }
    this.open(null, p.scene, null, null);
  }

  move(): void {}

  up(): void {}

  cancel(): void {}

  overlay(): string {
    return '';
  }

  /** Starts editing an existing text (also used by a double click in the selection tool). */
  edit(text: ObjectOfKind<'text'>, item: ObjectItem | null): void {
    const container = text.containerId !== undefined ? (this.host.object(text.containerId) ?? null) : null;
    this.open(text, { x: text.x, y: text.y }, container, item);
  }

  private textIn(containerId: string): ObjectOfKind<'text'> | null {
    let found: ObjectOfKind<'text'> | null = null;
    objectsMap(this.host.doc).forEach((_value, id) => {
      const object = found ? undefined : this.host.object(id);
      if (object?.kind === 'text' && object.containerId === containerId) {
        found = object;
      }
    });
    return found;
  }

  private open(
    existing: ObjectOfKind<'text'> | null,
    at: { x: number; y: number },
    container: SketchObject | null,
    item: ObjectItem | null,
  ): void {
    const settings = this.host.objectSettings();
    const brush = this.host.brush();
    const family = existing?.fontFamily ?? settings.fontFamily;
    const fontSize = existing?.fontSize ?? settings.fontSize;
    const colour = existing?.strokeColour ?? brush.colour.slice(0, 7);
    const textarea = document.createElement('textarea');
    textarea.className = 'sketch-text-editor';
    textarea.setAttribute('aria-label', this.label());
    textarea.maxLength = MAX_TEXT_LENGTH;
    textarea.value = existing?.text ?? '';
    textarea.spellcheck = true;
    Object.assign(textarea.style, {
      position: 'absolute',
      lineHeight: String(existing?.lineHeight ?? 1.25),
      color: colour,
      textAlign: container ? 'center' : (existing?.align ?? 'left'),
      background: 'rgba(255,255,255,0.85)',
      border: '1px dashed #1a73e8',
      padding: '0',
      margin: '0',
      resize: 'none',
      overflow: 'hidden',
      whiteSpace: 'pre',
      zIndex: '3',
    });
    const place = (): void => {
      const view = this.host.view();
      const box = container ?? existing;
      const topLeft = sceneToScreen(view, box ? { x: box.x, y: box.y } : at);
      const zoomedSize = fontSize * view.zoom;
      Object.assign(textarea.style, {
        left: `${topLeft.x}px`,
        top: `${topLeft.y}px`,
        minWidth: `${Math.max(40, (box?.w ?? 0) * view.zoom)}px`,
        minHeight: `${Math.max(zoomedSize * 1.4, (container?.h ?? 0) * view.zoom)}px`,
        font: `${zoomedSize}px ${FONT_STACKS[family]}`,
      });
    };
    place();
    const autosize = (): void => {
      textarea.style.width = '0';
      textarea.style.height = '0';
      textarea.style.width = `${textarea.scrollWidth + 4}px`;
      textarea.style.height = `${textarea.scrollHeight + 2}px`;
    };
    textarea.addEventListener('input', autosize);
    textarea.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        this.finish();
      }
    });
    textarea.addEventListener('pointerdown', (event) => event.stopPropagation());
    textarea.addEventListener('blur', () => this.finish());
    this.host.host.append(textarea);
    if (item) {
      this.host.setLifted([item], null);
    }
    this.editing = {
      textarea,
      existing,
      at,
      container,
      item,
      place: () => {
        place();
        autosize();
      },
    };
    autosize();
    // Focus now, so not a single typed key reaches the canvas shortcuts; and once more after this
    // press is over, in case the browser moved focus back to the canvas meanwhile.
    textarea.focus({ preventScroll: true });
    setTimeout(() => {
      if (this.editing?.textarea === textarea && document.activeElement !== textarea) {
        textarea.focus({ preventScroll: true });
      }
    }, 0);
  }

  /** Moves the editor with the view. */
  viewChanged(): void {
    this.editing?.place();
  }

  /** Writes the edited text (or deletes an emptied one) and closes the editor. */
  finish(): void {
    const editing = this.editing;
    if (!editing) {
      return;
    }
    this.editing = null;
    const { textarea, existing, at, container } = editing;
    const text = textarea.value.replace(/\s+$/u, '');
    textarea.remove();
    this.host.setLifted([], null);
    const settings = this.host.objectSettings();
    const brush = this.host.brush();
    if (text === '') {
      if (existing) {
        this.host.write(() => deleteItems(this.host.doc, [{ type: 'object', id: existing.id }]));
      }
      this.host.host.focus();
      return;
    }
    const family = existing?.fontFamily ?? settings.fontFamily;
    const fontSize = existing?.fontSize ?? settings.fontSize;
    const lineHeight = existing?.lineHeight ?? 1.25;
    const ctx = measuringContext();
    const size = ctx
      ? measureText(ctx, text, family, fontSize, lineHeight)
      : { width: text.length * fontSize * 0.6, height: fontSize * lineHeight };
    const box = container
      ? { x: container.x, y: container.y, w: container.w, h: container.h }
      : { x: existing?.x ?? at.x, y: existing?.y ?? at.y, w: size.width, h: size.height };
    const id = existing?.id ?? this.host.newId();
    const layer = existing?.layer ?? brush.layer;
    const object: NewObject = {
      kind: 'text',
      x: quantise(box.x),
      y: quantise(box.y),
      w: quantise(Math.max(1, box.w)),
      h: quantise(Math.max(1, box.h)),
      angle: existing?.angle ?? container?.angle ?? 0,
      style: existing?.style ?? settings.style,
      strokeColour: existing?.strokeColour ?? brush.colour.slice(0, 7),
      fillColour: null,
      strokeWidth: 0,
      opacity: existing?.opacity ?? 1,
      layer,
      z:
        existing?.z ??
        (container ? Math.max(container.z, topZ(this.host.doc, layer)) + 1 : topZ(this.host.doc, layer) + 1),
      author: existing?.author ?? this.host.author,
      createdAt: existing?.createdAt ?? Date.now(),
      text,
      fontFamily: family,
      fontSize,
      align: container ? 'center' : (existing?.align ?? 'left'),
      ...(container ? { containerId: container.id } : {}),
      ...(existing?.groupId !== undefined ? { groupId: existing.groupId } : {}),
    };
    this.host.write(() => {
      if (existing) {
        replaceObject(this.host.doc, id, object);
      } else {
        addObject(this.host.doc, id, object);
      }
    });
    // A text in a shape is handled through its shape (it moves and scales with it).
    this.selection.set([{ type: 'object', id: container ? container.id : id }]);
    this.host.host.focus();
  }
}
