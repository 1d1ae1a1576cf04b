import { register } from './editorAction.js';

/** Send the selection one step back ([). */
register({
  name: 'backward',
  keys: [{ key: '[' }],
  enabled: (ctx) => ctx.engine.getSelection().items.length > 0,
  perform: (ctx) => {
    ctx.engine.orderSelection('backward');
    return true;
  },
  glyph: <path d="M12 4v15M6 13l6 6 6-6" />,
});
