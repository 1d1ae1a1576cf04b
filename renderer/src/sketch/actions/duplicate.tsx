import { register } from './editorAction.js';

/** Duplicate the selection beside itself (Ctrl+D, also keeping the browser's bookmark dialog away). */
register({
  name: 'duplicate',
  keys: [{ key: 'd', mod: true, shift: false }],
  enabled: (ctx) => ctx.engine.getSelection().items.length > 0,
  perform: (ctx, repeat) => {
    if (!repeat) {
      ctx.engine.duplicateSelection();
    }
    return true;
  },
  glyph: (
    <>
      <rect x="8" y="8" width="12" height="12" rx="1.5" />
      <path d="M16 8V5.5A1.5 1.5 0 0 0 14.5 4h-9A1.5 1.5 0 0 0 4 5.5v9A1.5 1.5 0 0 0 5.5 16H8" />
    </>
  ),
});
