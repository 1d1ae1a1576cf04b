import type * as Y from 'yjs';
import { readAsset } from '../../../../shared/sketch/objects/assets.js';

/**
 * The decoded pictures of a sketchnote's image objects, by asset id: decoded once, off the frame
 * (createImageBitmap), from the document's `assets` map. Until a picture is ready the painter gets
 * null (and draws a placeholder); when it is, `ready` is told which asset arrived so the engine
 * repaints the objects that show it. A picture that cannot be read is tried again only when its
 * asset entry changes.
 */
export class ImageCache {
  private readonly images = new Map<string, ImageBitmap | 'loading' | 'failed'>();
  private closed = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ready: (assetId: string) => void,
  ) {}

  /** The picture of an asset, or null while it loads (or when it cannot be shown). */
  readonly imageFor = (assetId: string): CanvasImageSource | null => {
    const known = this.images.get(assetId);
    if (known === undefined) {
      this.images.set(assetId, 'loading');
      void this.decode(assetId);
      return null;
    }
    return typeof known === 'object' ? known : null;
  };

  /** Asset entries arrived or changed: pictures that failed get another try. */
  assetsChanged(ids: readonly string[]): void {
    for (const id of ids) {
      if (this.images.get(id) === 'failed') {
        this.images.delete(id);
      }
    }
  }

  /** Frees every decoded picture; later decodes are dropped. */
  close(): void {
    this.closed = true;
    for (const image of this.images.values()) {
      if (typeof image === 'object') {
        image.close();
      }
    }
    this.images.clear();
  }

  private async decode(assetId: string): Promise<void> {
    const result = readAsset(this.doc, assetId);
    if (!result.ok) {
      this.images.set(assetId, 'failed');
      console.warn(`Sketch: image asset "${assetId}" not shown: ${result.reason}`);
      return;
    }
    try {
      const bytes = Uint8Array.from(atob(result.value.dataBase64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: result.value.mimeType }));
      if (this.closed) {
        bitmap.close();
        return;
      }
      this.images.set(assetId, bitmap);
      this.ready(assetId);
    } catch (error) {
      this.images.set(assetId, 'failed');
      console.warn(`Sketch: image asset "${assetId}" could not be decoded.`, error);
    }
  }
}
