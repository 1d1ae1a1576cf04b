/** One step of the zoom keys and buttons. */
export const ZOOM_STEP = 1.25;
