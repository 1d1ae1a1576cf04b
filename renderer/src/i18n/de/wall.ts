/** German texts of the projector wall controls. */
export const wall = {
  wall: {
    controls: 'Steuerung der Wandansicht',
    back: 'Zurück zur Veranstaltung',
    fullscreen: 'Vollbild',
    exitFullscreen: 'Vollbild beenden',
  },
} as const;
