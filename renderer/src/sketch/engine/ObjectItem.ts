import type { SketchObject } from '../../../../shared/sketch/objects/objectCodec.js';
import { boxAround } from '../../../../shared/sketch/objects/geometry.js';
import { objectBounds } from '../../../../shared/sketch/objects/objectBounds.js';
import {
  objectGeometry,
  type ObjectGeometry,
  type ObjectLookup,
} from '../../../../shared/sketch/objects/handDrawn.js';
import { objectPaintRank } from '../../../../shared/sketch/objects/paintOrder.js';
import type { LayerId } from '../../../../shared/sketch/sketchLayout.js';
import { paintObject } from './ObjectPainter.js';
import { objectKey, type Ctx2D, type DetailLevel, type SceneItem } from './sceneItem.js';

/** Finds the decoded picture of an image asset, or null while it is still being decoded. */
export type ImageSource = (assetId: string) => CanvasImageSource | null;

/**
 * An object (shape, line, text, image) in the tiled scene. Its geometry (the hand-drawn wobble,
 * a connector's ends) is computed once when it enters the scene; a change to the object, or to an
 * object a connector or text depends on, makes a new item.
 */
export class ObjectItem implements SceneItem {
  readonly key: string;
  readonly id: string;
  readonly type = 'object' as const;
  readonly layer: LayerId;
  readonly rank: number;
  readonly z: number;
  readonly fillStyle: string;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  hidden = false;
  readonly geometry: ObjectGeometry;
  private readonly container: SketchObject | undefined;

  constructor(
    readonly object: SketchObject,
    lookup: ObjectLookup,
    private readonly images: ImageSource,
  ) {
    this.id = object.id;
    this.key = objectKey(object.id);
    this.layer = object.layer;
    this.rank = objectPaintRank(object.layer);
    this.z = object.z;
    this.fillStyle = `object:${object.id}`;
    this.geometry = objectGeometry(object, lookup);
    this.container =
      object.kind === 'text' && object.containerId !== undefined ? lookup(object.containerId) : undefined;
    const box = this.container ? objectBounds(this.container) : objectBounds(object);
    const corners: Array<[number, number]> = [
      [box.x, box.y],
      [box.x + box.width, box.y + box.height],
    ];
    const g = this.geometry;
    for (const line of [g.fill, ...g.hatches, ...g.strokes, ...g.solids]) {
      if (!line) {
        continue;
      }
      for (let i = 0; i + 1 < line.points.length; i += 2) {
        corners.push([line.points[i] ?? 0, line.points[i + 1] ?? 0]);
      }
    }
    const all = boxAround(corners);
    // Half the line width, arrowheads and antialiasing; text may overhang its box a little.
    const grow = object.strokeWidth + 2 + (object.kind === 'text' ? object.fontSize * 0.5 : 0);
    this.minX = all.x - grow;
    this.minY = all.y - grow;
    this.maxX = all.x + all.width + grow;
    this.maxY = all.y + all.height + grow;
  }

  /** Object ids this item's drawing depends on (a connector's ends, a text's container). */
  dependsOn(): string[] {
    const o = this.object;
    if (o.kind === 'connector') {
      return [o.startBinding, o.endBinding];
    }
    if (o.kind === 'text' && o.containerId !== undefined) {
      return [o.containerId];
    }
    return [];
  }

  detail(): DetailLevel {
    return 'outline';
  }

  lineWidth(): number {
    return this.object.strokeWidth;
  }

  traceSimplified(): void {
    // Objects are always drawn in full; they are few next to the strokes.
  }

  draw(ctx: Ctx2D, deviceScale: number): void {
    const o = this.object;
    paintObject(ctx, o, {
      geometry: this.geometry,
      deviceScale,
      image: o.kind === 'image' ? this.images(o.assetId) : null,
      ...(this.container ? { container: this.container } : {}),
    });
  }

  release(): void {
    // Nothing cached beyond the geometry, which goes with the item.
  }
}
