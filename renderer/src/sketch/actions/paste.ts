import { register } from './editorAction.js';

/**
 * Paste (Ctrl+V). Not prevented: the browser's paste event brings the clipboard without a
 * permission prompt; where it does not come, the clipboard API (or this tab's copy) is read.
 */
register({
  name: 'paste',
  keys: [{ key: 'v', mod: true, shift: false }],
  enabled: () => true,
  perform: (ctx, repeat) => !repeat && ctx.paste('key'),
});
