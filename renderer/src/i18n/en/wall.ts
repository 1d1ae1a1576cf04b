import type { Messages } from '../de.js';

/** English texts of the projector wall controls; the keys mirror `de/wall.ts`. */
export const wall: Pick<Messages, 'wall'> = {
  wall: {
    controls: 'Wall view controls',
    back: 'Back to the event',
    fullscreen: 'Full screen',
    exitFullscreen: 'Exit full screen',
  },
};
