import { register } from './editorAction.js';

/** Cut the selection (Ctrl+X): copied, then deleted as one undo step. */
register({
  name: 'cut',
  keys: [{ key: 'x', mod: true, shift: false }],
  enabled: (ctx) => ctx.engine.getSelection().items.length > 0,
  perform: (ctx, repeat) => !repeat && ctx.cut(),
});
