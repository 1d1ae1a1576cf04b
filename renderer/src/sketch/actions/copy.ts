import { register } from './editorAction.js';

/** Copy the selection to the clipboard (Ctrl+C); with nothing selected the browser copies page text. */
register({
  name: 'copy',
  keys: [{ key: 'c', mod: true, shift: false }],
  enabled: (ctx) => ctx.engine.getSelection().items.length > 0,
  perform: (ctx, repeat) => !repeat && ctx.copy(),
});
