import { register } from './editorAction.js';
import { ZOOM_STEP } from './zoomStep.js';

/** Zoom out about the middle of the view (-). */
register({
  name: 'zoomOut',
  keys: [{ key: '-' }, { key: '_', quiet: true }],
  enabled: () => true,
  perform: (ctx) => {
    ctx.engine.zoomBy(1 / ZOOM_STEP);
    return true;
  },
});
