import type { Browser } from 'playwright-core';
import type * as Y from 'yjs';
import { decodeObject, type SketchObject } from '../../../shared/sketch/objects/objectCodec.js';
import { objectsMap } from '../../../shared/sketch/objects/objectLayout.js';
import { strokesMap } from '../../../shared/sketch/sketchLayout.js';
import { decodeStroke, type Stroke } from '../../../shared/sketch/strokeCodec.js';
import { openPage, type TestPage } from './browser.js';

/** Where a core listens and its token (a test core or a restartable one). */
export interface CoreAddress {
  origin: string;
  token: string;
}

/**
 * Opens the standalone sketch page (`/sketch-bench.html?doc=<id>`: the engine alone, reachable as
 * `window.__sketch.engine`, with `window.__sketch.doc`) and waits until it has synced.
 */
export async function openSketchPage(
  browser: Browser,
  core: CoreAddress,
  sketchId: string,
  author: string,
  /** The test's list of open pages, closed in its `afterAll`. */
  track: TestPage[],
): Promise<TestPage> {
  const opened = await openPage(browser, { viewport: { width: 1200, height: 800 } });
  track.push(opened);
  opened.page.setDefaultTimeout(15_000);
  await opened.page.goto(
    `${core.origin}/sketch-bench.html?token=${core.token}&doc=${sketchId}&author=${author}`,
  );
  await opened.page.waitForFunction(() => {
    const handle = (window as unknown as { __sketch?: { engine: unknown; synced(): boolean } }).__sketch;
    return Boolean(handle?.engine) && handle!.synced();
  });
  return opened;
}

/** The valid strokes of a sketch document. */
export function storedStrokes(doc: Y.Doc): Stroke[] {
  const out: Stroke[] = [];
  strokesMap(doc).forEach((value, id) => {
    const result = decodeStroke(id, value);
    if (result.ok) {
      out.push(result.stroke);
    }
  });
  return out;
}

/** The valid objects of a sketch document. */
export function storedObjects(doc: Y.Doc): SketchObject[] {
  const out: SketchObject[] = [];
  objectsMap(doc).forEach((value, id) => {
    const result = decodeObject(id, value);
    if (result.ok) {
      out.push(result.value);
    }
  });
  return out;
}
