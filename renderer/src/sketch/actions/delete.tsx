import { register } from './editorAction.js';

/** Delete the selection (Delete or Backspace); with nothing selected the key is left alone. */
register({
  name: 'delete',
  keys: [
    { key: 'Delete', shift: false },
    { key: 'Backspace', shift: false },
  ],
  enabled: (ctx) => ctx.engine.getSelection().items.length > 0,
  perform: (ctx) => {
    if (ctx.engine.getSelection().items.length === 0) {
      return false;
    }
    ctx.engine.deleteSelection();
    return true;
  },
  glyph: <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />,
});
