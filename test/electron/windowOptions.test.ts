import { describe, expect, it } from 'vitest';
import {
  assertSecureWindowOptions,
  mainWindowOptions,
  projectorWindowOptions,
  secureWebPreferences,
  WINDOW_TITLE,
} from '../../electron/main/windowOptions.js';

const PRELOAD = '/app/out/preload/index.cjs';

/** Electron security checklist items 2-12, as the window options must state them. */
const REQUIRED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: true,
  preload: PRELOAD,
} as const;

describe.each([
  ['main window', mainWindowOptions],
  ['projector window', projectorWindowOptions],
])('%s options', (_name, build) => {
  const options = build(PRELOAD);

  it.each(Object.entries(REQUIRED_WEB_PREFERENCES))('sets webPreferences.%s to %s', (key, value) => {
    expect(options.webPreferences).toHaveProperty(key, value);
  });

  it('never enables Blink features or other escape hatches', () => {
    const prefs = options.webPreferences ?? {};
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
    expect(prefs.navigateOnDragDrop ?? false).toBe(false);
  });

  it('has a German title starting with Mitschrift, a minimum size and a background colour', () => {
    expect(options.title?.startsWith(WINDOW_TITLE)).toBe(true);
    expect(options.minWidth).toBeGreaterThanOrEqual(480);
    expect(options.minHeight).toBeGreaterThanOrEqual(270);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    // Shown on ready-to-show, so no blank frame is ever painted.
    expect(options.show).toBe(false);
  });
});

describe('window options', () => {
  it('titles the main window exactly "Mitschrift"', () => {
    expect(mainWindowOptions(PRELOAD).title).toBe('Mitschrift');
  });

  it('returns a fresh webPreferences object per window, so one window cannot mutate another', () => {
    const a = secureWebPreferences(PRELOAD);
    const b = secureWebPreferences(PRELOAD);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});

describe('assertSecureWindowOptions', () => {
  it('passes both window kinds through unchanged', () => {
    const main = mainWindowOptions(PRELOAD);
    expect(assertSecureWindowOptions(main, PRELOAD)).toBe(main);
    const projector = { ...projectorWindowOptions(PRELOAD), x: 1920, fullscreen: true };
    expect(assertSecureWindowOptions(projector, PRELOAD)).toBe(projector);
  });

  it.each([
    ['contextIsolation', false],
    ['sandbox', false],
    ['nodeIntegration', true],
    ['nodeIntegrationInWorker', true],
    ['nodeIntegrationInSubFrames', true],
    ['webSecurity', false],
    ['allowRunningInsecureContent', true],
    ['experimentalFeatures', true],
    ['webviewTag', true],
    ['preload', '/tmp/other-preload.js'],
    ['enableBlinkFeatures', 'CSSVariables'],
    ['partition', 'persist:other'],
  ])('refuses webPreferences.%s = %j', (key, value) => {
    const options = mainWindowOptions(PRELOAD);
    const weakened = { ...options, webPreferences: { ...options.webPreferences, [key]: value } };
    expect(() => assertSecureWindowOptions(weakened, PRELOAD)).toThrow(
      new RegExp(`non-standard webPreferences: ${key}`),
    );
  });

  it('refuses a window without webPreferences', () => {
    expect(() => assertSecureWindowOptions({ title: 'x' }, PRELOAD)).toThrow(/contextIsolation/);
  });
});
