import { register } from './editorAction.js';

/** Open the list of shortcuts (?). */
register({
  name: 'help',
  keys: [{ key: '?' }],
  enabled: () => true,
  perform: (ctx, repeat) => {
    if (!repeat) {
      ctx.help();
    }
    return true;
  },
});
