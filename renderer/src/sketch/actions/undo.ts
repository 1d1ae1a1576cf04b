import { register } from './editorAction.js';

/** Undo: the person's own last change (the per-user undo manager), Ctrl+Z. */
register({
  name: 'undo',
  keys: [{ key: 'z', mod: true, shift: false }],
  enabled: (ctx) => ctx.canUndo,
  perform: (ctx) => {
    ctx.undo();
    return true;
  },
});
