import type { Browser, Page } from 'playwright-core';
import type * as Y from 'yjs';
import { decodeObject, type SketchObject } from '../../../shared/sketch/objects/objectCodec.js';
import { objectsMap } from '../../../shared/sketch/objects/objectLayout.js';
import { strokesMap } from '../../../shared/sketch/sketchLayout.js';
import { decodeStroke, type Stroke } from '../../../shared/sketch/strokeCodec.js';
import type { SketchEngine } from '../../../renderer/src/sketch/engine/SketchEngine.js';
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

/** How a synthetic pointer drag presents itself: pointer type, and the button and buttons it holds. */
export interface SyntheticPointer {
  id: number;
  type: 'touch' | 'pen' | 'mouse';
  /** `button` of pointerdown/up: 0 a tip or primary button, 5 a pen's eraser (Pointer Events). */
  button: number;
  /** `buttons` while pressed: 1 a tip or primary button, 32 a pen's eraser. */
  buttons: number;
}

/**
 * A straight drag of untrusted PointerEvents dispatched on the sketch host (page coordinates): for
 * pointers CDP cannot synthesise, such as a finger or a palm, or a pen's eraser end.
 */
export async function syntheticDrag(
  page: Page,
  pointer: SyntheticPointer,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps: number,
): Promise<void> {
  await page.evaluate(
    ({ pointer, from, to, steps }) => {
      const host = document.querySelector('.sketch-host') as HTMLElement;
      const fire = (type: string, x: number, y: number, buttons: number): void => {
        host.dispatchEvent(
          new PointerEvent(type, {
            pointerId: pointer.id,
            pointerType: pointer.type,
            isPrimary: true,
            clientX: x,
            clientY: y,
            pressure: buttons ? 0.5 : 0,
            button: type === 'pointermove' ? -1 : pointer.button,
            buttons,
            bubbles: true,
            cancelable: true,
          }),
        );
      };
      fire('pointerdown', from.x, from.y, pointer.buttons);
      for (let i = 1; i <= steps; i++) {
        fire(
          'pointermove',
          from.x + ((to.x - from.x) * i) / steps,
          from.y + ((to.y - from.y) * i) / steps,
          pointer.buttons,
        );
      }
      fire('pointerup', to.x, to.y, 0);
    },
    { pointer, from, to, steps },
  );
}

/**
 * The engine as e2e tests reach it in a page (`window.__sketch.engine`, or `.sketch-host`'s
 * `sketchEngine`): the class itself, so in-page code is typed by the engine, never re-declared.
 */
export type PageEngine = SketchEngine;

/** Engine methods whose arguments and results survive the trip into and out of the page. */
type EngineMethod = {
  [K in keyof PageEngine]: PageEngine[K] extends (...args: never[]) => unknown ? K : never;
}[keyof PageEngine];

/**
 * Calls an engine method in the page and returns its (serialised) result: on the engine page
 * (`window.__sketch.engine`) or in the editor and viewer (the `.sketch-host` element's
 * `sketchEngine`). One typed helper instead of each test re-declaring the engine's shape.
 */
export async function callEngine<K extends EngineMethod>(
  page: Page,
  method: K,
  ...args: Parameters<Extract<PageEngine[K], (...a: never[]) => unknown>>
): Promise<Awaited<ReturnType<Extract<PageEngine[K], (...a: never[]) => unknown>>>> {
  return page.evaluate(
    ({ method, args }) => {
      type Callable = Record<string, (...a: unknown[]) => unknown>;
      const fromPage = (window as unknown as { __sketch?: { engine: Callable | null } }).__sketch?.engine;
      const host = document.querySelector('.sketch-host') as
        (HTMLElement & { sketchEngine?: Callable }) | null;
      const engine = fromPage ?? host?.sketchEngine;
      if (!engine) {
        throw new Error('No sketch engine on this page');
      }
      return engine[method]!(...args);
    },
    { method: method as string, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<Extract<PageEngine[K], (...a: never[]) => unknown>>>>;
}

/** Waits until the sketch editor's status line says `text`; fails with what it says instead. */
export async function expectStatus(page: Page, text: RegExp): Promise<void> {
  const line = page.locator('.sketch-editor__status');
  try {
    await line.filter({ hasText: text }).waitFor();
  } catch (error) {
    throw new Error(`The status line says "${await line.textContent()}", not ${String(text)}`, {
      cause: error,
    });
  }
}
