import { register } from './editorAction.js';

/** Show the whole sheet (0 or Shift+1, as in Excalidraw and tldraw). */
register({
  name: 'fit',
  keys: [
    { key: '0', shift: false },
    { key: '!', shift: true, code: 'Digit1', shown: '1' },
  ],
  enabled: () => true,
  perform: (ctx) => {
    ctx.engine.fit();
    return true;
  },
});
