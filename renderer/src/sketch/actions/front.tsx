import { register } from './editorAction.js';

/** Bring the selection to the front of its layer (Ctrl+]). */
register({
  name: 'front',
  keys: [{ key: ']', mod: true }],
  enabled: (ctx) => ctx.engine.getSelection().items.length > 0,
  perform: (ctx) => {
    ctx.engine.orderSelection('front');
    return true;
  },
  glyph: <path d="M5 3.5h14M12 21V8M7 13l5-5 5 5" />,
});
