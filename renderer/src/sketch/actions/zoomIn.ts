import { register } from './editorAction.js';
import { ZOOM_STEP } from './zoomStep.js';

/** Zoom in about the middle of the view (+ or =; Ctrl+plus stays the browser's page zoom). */
register({
  name: 'zoomIn',
  keys: [{ key: '+' }, { key: '=', quiet: true }],
  enabled: () => true,
  perform: (ctx) => {
    ctx.engine.zoomBy(ZOOM_STEP);
    return true;
  },
});
