import { register } from './editorAction.js';

/** Select everything on visible, unlocked layers (Ctrl+A). */
register({
  name: 'selectAll',
  keys: [{ key: 'a', mod: true, shift: false }],
  enabled: () => true,
  perform: (ctx) => {
    ctx.engine.selectAll();
    return true;
  },
});
