import { register } from './editorAction.js';

/** Take a group apart (Ctrl+Shift+G). */
register({
  name: 'ungroup',
  keys: [{ key: 'g', mod: true, shift: true }],
  enabled: (ctx) => ctx.engine.getSelection().grouped,
  perform: (ctx, repeat) => {
    if (!repeat) {
      ctx.engine.ungroupSelection();
    }
    return true;
  },
  glyph: (
    <>
      <rect x="3.5" y="3.5" width="7" height="7" />
      <rect x="13.5" y="13.5" width="7" height="7" />
    </>
  ),
});
