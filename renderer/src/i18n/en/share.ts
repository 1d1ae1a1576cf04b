import type { Messages } from '../de.js';

/** English texts of sharing and of read-only views; the keys mirror `de/share.ts`. */
export const share: Pick<Messages, 'share' | 'readOnly'> = {
  share: {
    heading: 'Share',
    tab: 'Share',
    loading: 'Loading sharing …',
    loadFailed: 'The links of this event could not be loaded.',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    none: 'No link for this role yet.',
    loopbackOnly:
      'Right now only this computer can open Mitschrift. Start “Share on the network” above so other devices can open the links and QR codes.',
    network: {
      heading: 'Share on the network',
      intro:
        "Other devices on the same network (the venue's Wi-Fi) open Mitschrift through this computer's address. Your own access stays on this computer.",
      interface: 'Network',
      noInterface:
        "This computer is not connected to a network others can reach it on. Connect it to the venue's Wi-Fi.",
      start: 'Share on the network',
      stop: 'Stop sharing',
      sharing: 'Shared at {{origin}} ({{name}}).',
      failed: 'Sharing could not be changed.',
    },
    connected: {
      heading: 'Connected',
      total_one: '{{count}} device connected',
      total_other: '{{count}} devices connected',
      devices_one: '{{count}} device',
      devices_other: '{{count}} devices',
    },
    role: {
      organiser: {
        name: 'Organisers',
        what: 'Everything about this event: plan, pads, sketchnotes, links.',
        example: 'e.g. organising team',
      },
      recorder: {
        name: 'Graphic recording',
        what: 'Draw sketchnotes and write pads; look at the plan.',
        example: 'e.g. recorder',
      },
      edit: {
        name: 'Take notes',
        what: "Participants write in the sessions' pads; they look at the plan and sketchnotes.",
        example: 'e.g. participants room 2',
      },
      view: {
        name: 'Read along',
        what: 'Watch pads, sketchnotes and the plan live, change nothing. Good for the projector.',
        example: 'e.g. projector',
      },
    },
    token: {
      label: 'Label',
      rename: 'Rename',
      link: 'Link “{{name}}”',
      revoke: 'Revoke “{{name}}”',
      revokeConfirm:
        'Revoke link “{{name}}”? Whoever opened it is disconnected at once and cannot get in with it again.',
    },
    new: {
      label: 'Label of the new link',
      create: 'New link: {{role}}',
    },
    revoked: {
      heading_one: '{{count}} revoked link',
      heading_other: '{{count}} revoked links',
    },
    qr: {
      alt: 'QR code: {{role}} ({{label}}) for {{event}}',
      large: 'QR code full screen',
      close: 'Close',
    },
  },
  readOnly: {
    plan: 'You see the plan live. Only the organisers can change it.',
    sketch: 'You see the sketchnote live. Pan and zoom with finger, mouse, wheel or arrow keys and +/−.',
    sketchTitle: 'Sketchnote',
    sketchViewer: 'Sketchnote (view only)',
    notAvailable: 'This link does not open this view.',
  },
};
