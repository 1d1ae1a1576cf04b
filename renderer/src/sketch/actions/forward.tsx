import { register } from './editorAction.js';

/** Bring the selection one step forward (]). */
register({
  name: 'forward',
  keys: [{ key: ']' }],
  enabled: (ctx) => ctx.engine.getSelection().items.length > 0,
  perform: (ctx) => {
    ctx.engine.orderSelection('forward');
    return true;
  },
  glyph: <path d="M12 20V5M6 11l6-6 6 6" />,
});
