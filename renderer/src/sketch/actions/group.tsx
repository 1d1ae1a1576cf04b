import { register } from './editorAction.js';

/** Group the selection (Ctrl+G): two or more items not grouped already. */
register({
  name: 'group',
  keys: [{ key: 'g', mod: true, shift: false }],
  enabled: (ctx) => {
    const selection = ctx.engine.getSelection();
    return selection.items.length > 1 && !selection.grouped;
  },
  perform: (ctx, repeat) => {
    if (!repeat) {
      ctx.engine.groupSelection();
    }
    return true;
  },
  glyph: (
    <>
      <rect x="3" y="3" width="18" height="18" rx="2" strokeDasharray="3 2" />
      <rect x="7" y="7" width="5" height="5" />
      <rect x="12" y="12" width="5" height="5" />
    </>
  ),
});
