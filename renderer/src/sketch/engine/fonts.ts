// The CSS import's type comes from vite/client; named here so projects without it (the tests') check too.
/// <reference types="vite/client" />
import '../fonts.css';
import { FONT_FAMILIES, type FontFamily } from '../../../../shared/sketch/objects/objectFields.js';

/**
 * The fonts of sketch text objects: the shipped faces (`assets/fonts/`, declared in `fonts.css`),
 * their CSS stacks and the canvas `font` strings built from them, and a preload so canvas text is
 * not drawn with a fallback face. A canvas draws text with whatever face is ready at that moment and
 * never redraws by itself: whoever paints text calls {@link loadSketchFonts} early and repaints from
 * {@link onFontsLoaded}.
 */

/** The CSS family name of each shipped face (the names `fonts.css` declares). */
const FONT_FACES: Record<FontFamily, string> = {
  hand: 'Mitschrift Hand',
  sans: 'Mitschrift Sans',
  serif: 'Mitschrift Serif',
};

/**
 * CSS font-family stacks: the shipped face, then the same family if installed, then look-alikes
 * of the platforms, then the generic family.
 */
export const FONT_STACKS: Record<FontFamily, string> = {
  hand: "'Mitschrift Hand', Kalam, 'Segoe Print', 'Bradley Hand', 'Comic Neue', 'Comic Sans MS', cursive",
  sans: "'Mitschrift Sans', 'Atkinson Hyperlegible Next', 'Atkinson Hyperlegible', system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  serif: "'Mitschrift Serif', Literata, Georgia, Cambria, 'Times New Roman', serif",
};

/** The weights shipped for every family. */
const FONT_WEIGHTS = [400, 700] as const;

/** How long the preload waits for the faces before it gives up (it resolves either way). */
const LOAD_TIMEOUT_MS = 5000;
/** Characters from both shipped subsets (latin and latin-ext), so both files of a face load. */
const SAMPLE_TEXT = 'AaÄäß„“\u0105\u0141';

/** A CSS length without exponent notation (which the `font` shorthand refuses). */
function cssPx(px: number): string {
  const value = Number.isFinite(px) && px > 0 ? Math.round(px * 1000) / 1000 : 0;
  return `${value}px`;
}

/** A canvas `font` string: `weight size stack`, e.g. `700 24px 'Mitschrift Hand', …, cursive`. */
export function canvasFont(family: FontFamily, sizePx: number, weight = 400): string {
  return `${weight} ${cssPx(sizePx)} ${FONT_STACKS[family]}`;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let loading: Promise<void> | null = null;
let watching = false;

function notify(): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      console.error('A fonts-loaded listener failed:', error);
    }
  }
}

function fontSet(): FontFaceSet | null {
  return typeof document !== 'undefined' && 'fonts' in document ? document.fonts : null;
}

/** Notifies listeners when the browser loads one of our faces later (a subset fetched on demand). */
function watchLaterLoads(fonts: FontFaceSet): void {
  if (watching) {
    return;
  }
  watching = true;
  const ours = new Set(Object.values(FONT_FACES));
  fonts.addEventListener('loadingdone', (event) => {
    if (event.fontfaces.some((face) => ours.has(face.family.replace(/^["']|["']$/g, '')))) {
      notify();
    }
  });
}

/**
 * Loads every shipped face (both subsets, both weights). Resolves when all have loaded or failed,
 * or after a timeout; never rejects. Without a document (Node, a worker) it resolves at once. Called
 * more than once, it returns the same promise. Listeners of {@link onFontsLoaded} are called when
 * it settles.
 */
export function loadSketchFonts(): Promise<void> {
  if (loading) {
    return loading;
  }
  const fonts = fontSet();
  if (!fonts) {
    loading = Promise.resolve();
    return loading;
  }
  watchLaterLoads(fonts);
  const loads = FONT_FAMILIES.flatMap((family) =>
    FONT_WEIGHTS.map((weight) =>
      Promise.resolve()
        .then(() => fonts.load(`${weight} 16px '${FONT_FACES[family]}'`, SAMPLE_TEXT))
        .then(
          () => undefined,
          (error: unknown) => {
            console.warn(`The ${family} font (weight ${weight}) did not load:`, error);
          },
        ),
    ),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, LOAD_TIMEOUT_MS);
  });
  loading = Promise.race([Promise.all(loads).then(() => undefined), timeout]).then(() => {
    clearTimeout(timer);
    notify();
  });
  return loading;
}

/**
 * Calls `callback` whenever shipped faces have finished loading (the preload, or a subset the
 * browser fetched later), so canvas text can be repainted. Not called for loads that finished
 * before it was registered. Returns a function that unregisters it.
 */
export function onFontsLoaded(callback: () => void): () => void {
  listeners.add(callback);
  return () => {
    listeners.delete(callback);
  };
}
