import { register } from './editorAction.js';

/** Redo: Ctrl+Y or Ctrl+Shift+Z. */
register({
  name: 'redo',
  keys: [
    { key: 'y', mod: true, shift: false },
    { key: 'z', mod: true, shift: true },
  ],
  enabled: (ctx) => ctx.canRedo,
  perform: (ctx) => {
    ctx.redo();
    return true;
  },
});
