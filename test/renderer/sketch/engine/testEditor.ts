import * as Y from 'yjs';
import { objectsMap } from '../../../../shared/sketch/objects/objectLayout.js';
import { addObject } from '../../../../shared/sketch/objects/objectEdits.js';
import type { NewObject, SketchObject } from '../../../../shared/sketch/objects/objectCodec.js';
import { readSketchScene } from '../../../../shared/sketch/objects/sketchScene.js';
import { readLayerSettings, strokesMap, type LayerId } from '../../../../shared/sketch/sketchLayout.js';
import { encodeStroke, type Stroke } from '../../../../shared/sketch/strokeCodec.js';
import { sceneToScreen, type View } from '../../../../shared/sketch/viewTransform.js';
import type {
  EngineNotice,
  EraserMode,
  ObjectSettings,
  SketchTool,
} from '../../../../renderer/src/sketch/engine/editorTypes.js';
import { InkStroke } from '../../../../renderer/src/sketch/engine/InkStroke.js';
import { ObjectItem } from '../../../../renderer/src/sketch/engine/ObjectItem.js';
import type { BrushSettings } from '../../../../renderer/src/sketch/engine/SketchEngine.js';
import { StrokeScene } from '../../../../renderer/src/sketch/engine/StrokeScene.js';
import { DrawTool, strokeEntries } from '../../../../renderer/src/sketch/engine/tools/DrawTool.js';
import { refKey, Selection } from '../../../../renderer/src/sketch/engine/tools/selection.js';
import { toolFor } from '../../../../renderer/src/sketch/engine/tools/toolFor.js';
import type { Tool, ToolHost, ToolPointer } from '../../../../renderer/src/sketch/engine/tools/toolHost.js';

/**
 * The editor's tools in Node, without a browser (as tldraw's `TestEditor`): a sketch document, the
 * engine's scene of strokes and objects (the R-tree the tools hit-test), a selection and a
 * ToolHost, driven by pointer down / move / up in scene coordinates. Painting, tiles and the live
 * layer are left out; what a gesture writes to the document is what the tests assert.
 */
export class TestEditor {
  readonly doc = new Y.Doc();
  readonly scene = new StrokeScene();
  readonly selection = new Selection(() => undefined);
  readonly notices: EngineNotice[] = [];
  /** Tool changes the tools asked for (a shape tool hands over to selection). */
  readonly toolRequests: SketchTool[] = [];
  view: View = { zoom: 1, x: 0, y: 0 };
  brush: BrushSettings = {
    brush: 'fineliner',
    colour: '#1e1e1e',
    size: 4,
    pressureOn: false,
    smoothing: 0.3,
    layer: 'drawing',
  };
  objectSettings: ObjectSettings = {
    style: 'clean',
    fill: null,
    fontFamily: 'hand',
    fontSize: 24,
    containerShape: 'cloud',
  };
  eraserMode: EraserMode = 'stroke';
  private readonly objects = new Map<string, SketchObject>();
  private tool: Tool | null = null;
  private ids = 0;
  readonly host: ToolHost;

  constructor(readonly author = 'tester') {
    const origin = { testEditor: author };
    const element = { focus: () => undefined, style: {} } as unknown as HTMLElement;
    this.host = {
      doc: this.doc,
      author,
      host: element,
      view: () => this.view,
      viewport: () => ({ width: 1600, height: 900 }),
      brush: () => this.brush,
      objectSettings: () => ({ ...this.objectSettings }),
      eraserMode: () => this.eraserMode,
      eraserSize: () => 12,
      notice: (notice) => this.notices.push(notice),
      layers: () => readLayerSettings(this.doc),
      itemsIn: (rect) => this.scene.searchOrdered(rect),
      item: (ref) => this.scene.get(refKey(ref)),
      object: (id) => this.objects.get(id),
      write: (change) => this.doc.transact(change, origin),
      newId: () => `t${++this.ids}`,
      setLifted: () => undefined,
      panBy: (dx, dy) => {
        this.view = {
          ...this.view,
          x: this.view.x - dx / this.view.zoom,
          y: this.view.y - dy / this.view.zoom,
        };
      },
      setTool: (tool) => {
        this.toolRequests.push(tool);
        this.use(tool);
      },
      overlayChanged: () => undefined,
      selectionChanged: () => undefined,
    };
    // The scene follows the document after every change, as the engine's sync does.
    this.doc.on('afterTransaction', () => this.rebuild());
  }

  /** Rebuilds the scene from the document (every valid stroke and object). */
  private rebuild(): void {
    for (const item of [...this.scene.all()]) {
      this.scene.remove(item.key);
    }
    const read = readSketchScene(this.doc);
    this.objects.clear();
    for (const object of read.objects) {
      this.objects.set(object.id, object);
    }
    const lookup = (id: string): SketchObject | undefined => this.objects.get(id);
    this.scene.addMany([
      ...read.strokes.map((stroke) => new InkStroke(stroke)),
      ...read.objects.map((object) => new ObjectItem(object, lookup, () => null)),
    ]);
    this.selection.prune((ref) => this.scene.has(refKey(ref)));
  }

  /** Chooses a tool, as the toolbar does. */
  use(tool: SketchTool): this {
    this.tool = toolFor(tool, this.host, this.selection, null);
    if (!this.tool) {
      throw new Error(`The test editor has no "${tool}" tool (the pen, the hand and text need a browser).`);
    }
    return this;
  }

  private pointer(x: number, y: number, options: { shift?: boolean; alt?: boolean } = {}): ToolPointer {
    return {
      scene: { x, y },
      screen: sceneToScreen(this.view, { x, y }),
      kind: 'mouse',
      shiftKey: options.shift ?? false,
      altKey: options.alt ?? false,
    };
  }

  pointerDown(x: number, y: number, options?: { shift?: boolean }): this {
    this.tool?.down(this.pointer(x, y, options));
    return this;
  }

  pointerMove(x: number, y: number, options?: { shift?: boolean }): this {
    this.tool?.move(this.pointer(x, y, options));
    return this;
  }

  pointerUp(x: number, y: number, options?: { shift?: boolean }): this {
    this.tool?.up(this.pointer(x, y, options));
    return this;
  }

  /** A whole drag in `steps` moves. */
  drag(
    from: [number, number],
    to: [number, number],
    options: { shift?: boolean; steps?: number } = {},
  ): this {
    const steps = options.steps ?? 8;
    this.pointerDown(from[0], from[1], options);
    for (let i = 1; i <= steps; i++) {
      this.pointerMove(
        from[0] + ((to[0] - from[0]) * i) / steps,
        from[1] + ((to[1] - from[1]) * i) / steps,
        options,
      );
    }
    return this.pointerUp(to[0], to[1], options);
  }

  /** A click: down and up at one point. */
  click(x: number, y: number, options?: { shift?: boolean }): this {
    return this.pointerDown(x, y, options).pointerUp(x, y, options);
  }

  /**
   * Draws with the pen (screen pixels, as the pointer reports them; pressure 0..1, 0.5 for a
   * mouse) and stores the stroke as the engine does; the ids of what was stored.
   */
  draw(
    samples: ReadonlyArray<readonly [number, number, number?]>,
    kind: 'pen' | 'mouse' | 'touch' = 'pen',
  ): string[] {
    const pen = new DrawTool(this.host);
    const sample = ([x, y, pressure]: readonly [number, number, number?], t: number) => ({
      x,
      y,
      pressure: pressure ?? 0.5,
      tiltX: 0,
      tiltY: 0,
      t,
    });
    const [first, ...rest] = samples;
    if (!first || !pen.down(1, kind, sample(first, 0))) {
      return [];
    }
    pen.move(
      1,
      rest.map((s, i) => sample(s, i + 1)),
      [],
    );
    const stroke = pen.up(1);
    if (!stroke) {
      return [];
    }
    const entries = strokeEntries(stroke, this.author, 5000, this.ids++);
    this.host.write(() => {
      for (const { id, json } of entries) {
        strokesMap(this.doc).set(id, json);
      }
    });
    return entries.map((entry) => entry.id);
  }

  /** Puts a straight stroke from `a` to `b` into the document. */
  createStroke(
    id: string,
    a: [number, number],
    b: [number, number],
    patch: Partial<Omit<Stroke, 'points'>> = {},
  ): this {
    const n = 20;
    const xyp = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      xyp[i * 3] = a[0] + ((b[0] - a[0]) * i) / (n - 1);
      xyp[i * 3 + 1] = a[1] + ((b[1] - a[1]) * i) / (n - 1);
      xyp[i * 3 + 2] = 0.5;
    }
    this.doc.transact(() =>
      strokesMap(this.doc).set(
        id,
        encodeStroke({
          brush: 'fineliner',
          colour: '#1e1e1e',
          size: 4,
          pressureOn: false,
          smoothing: 0,
          layer: 'drawing' as LayerId,
          author: this.author,
          createdAt: 1000,
          z: this.ids++,
          ...patch,
          points: { xyp, hasPressure: false },
        }),
      ),
    );
    return this;
  }

  /** Puts an object into the document. */
  createObject(id: string, object: NewObject): this {
    this.doc.transact(() => addObject(this.doc, id, object));
    return this;
  }

  /** The document's strokes and objects as read back. */
  stored(): ReturnType<typeof readSketchScene> {
    return readSketchScene(this.doc);
  }

  /** Ids of the selected items. */
  selectedIds(): string[] {
    return this.selection
      .refs()
      .map((ref) => ref.id)
      .sort();
  }

  /** An object of the document by id. */
  object(id: string): SketchObject | undefined {
    return objectsMap(this.doc).has(id) ? this.stored().objects.find((o) => o.id === id) : undefined;
  }
}
