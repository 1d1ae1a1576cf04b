import { register } from './editorAction.js';

/** Send the selection to the back of its layer (Ctrl+[). */
register({
  name: 'back',
  keys: [{ key: '[', mod: true }],
  enabled: (ctx) => ctx.engine.getSelection().items.length > 0,
  perform: (ctx) => {
    ctx.engine.orderSelection('back');
    return true;
  },
  glyph: <path d="M5 20.5h14M12 3v13M7 11l5 5 5-5" />,
});
