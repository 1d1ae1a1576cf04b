import { register } from './editorAction.js';

/** Focus mode (Ctrl+., as tldraw): only the ink on screen, and back. */
register({
  name: 'focus',
  keys: [{ key: '.', mod: true, shift: false }],
  enabled: (ctx) => ctx.focusMode !== undefined,
  perform: (ctx, repeat) => {
    if (!ctx.focusMode) {
      return false;
    }
    if (!repeat) {
      ctx.focusMode();
    }
    return true;
  },
});
