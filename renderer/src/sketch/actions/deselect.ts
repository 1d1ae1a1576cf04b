import { register } from './editorAction.js';

/** Clear the selection (Escape); with nothing selected Escape is left to whatever else wants it. */
register({
  name: 'deselect',
  keys: [{ key: 'Escape' }],
  enabled: (ctx) => ctx.engine.getSelection().items.length > 0,
  perform: (ctx) => {
    if (ctx.engine.getSelection().items.length === 0) {
      return false;
    }
    ctx.engine.clearSelection();
    return true;
  },
});
