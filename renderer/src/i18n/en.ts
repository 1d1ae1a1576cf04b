import type { Messages } from './de.js';

/** English UI texts; the keys mirror `de.ts` exactly (the type and a unit test enforce that). */
export const en: Messages = {
  app: {
    name: 'Mitschrift',
    pageTitle: '{{page}} – Mitschrift',
  },
  skipLink: 'Skip to content',
  nav: {
    label: 'Main navigation',
    events: 'Events',
    settings: 'Settings',
  },
  language: {
    de: 'Deutsch',
    en: 'English',
    switchTo: 'Deutsch',
  },
  connection: {
    label: 'Connection status',
    connecting: 'Connecting …',
    online: 'Online',
    offline: 'Offline',
    reconnecting: 'Reconnecting …',
    pending_one: '{{count}} local change not sent yet',
    pending_other: '{{count}} local changes not sent yet',
  },
  common: {
    createdAt: 'Created {{date}}',
    backToEvents: 'All events',
  },
  events: {
    title: 'Events',
    intro: 'All events in this workspace. New events show up for everyone involved right away.',
    create: {
      heading: 'New event',
      label: 'Event title',
      hint: 'For example “Public Sector BarCamp” or “Open Government Day”.',
      submit: 'Create event',
      submitting: 'Creating …',
      created: 'Event “{{title}}” was created.',
      errorEmpty: 'Please enter a title.',
      errorTooLong: 'The title can be at most {{max}} characters long.',
      errorRejected: 'The event was not created: {{reason}}',
      errorNetwork: 'Mitschrift cannot be reached right now. Please try again once the connection is back.',
    },
    list: {
      heading: 'All events',
      searchLabel: 'Search events by title',
      shown: '{{shown}} of {{total}} events',
      noMatch: 'No event matches “{{query}}”.',
      empty: 'No events yet. Create the first one above.',
      loading: 'Loading events …',
      notYetHere: 'The events are not stored on this device yet. They will appear once the connection is up.',
    },
  },
  event: {
    loading: 'Loading event …',
    notFoundTitle: 'Event not found',
    notFound: 'There is no such event in this workspace.',
    notYetHere: 'This event is not stored on this device yet. It will appear once the connection is up.',
    deleted: 'This event has been in the trash since {{date}}.',
    planHeading: 'Session plan',
    planLater:
      'The session plan with rooms, time slots and sessions comes in a later version of Mitschrift. Until then there is no plan here.',
    wallHeading: 'Wall view',
    wallIntro: 'The wall view shows the event in large type for projectors and big screens.',
    openWall: 'Open wall view',
    openProjector: 'Show on projector',
    projectorFailed: 'The projector window could not be opened.',
  },
  doc: {
    name: 'Document',
    connection: 'Connection',
    others: 'Other people in this document',
    invalidTitle: 'Invalid link',
    invalidLink: 'This link is incomplete or wrong: an id has 1 to 64 letters, digits, “-” or “_”.',
  },
  pad: {
    title: 'Session notes',
    editorLater:
      'The shared notes editor comes in a later version of Mitschrift. This page already connects to the session’s document and keeps it on this device.',
  },
  sketch: {
    title: 'Sketchnote',
    editorLater:
      'The drawing canvas for sketchnotes comes in a later version of Mitschrift. This page already connects to the sketchnote’s document and keeps it on this device.',
  },
  wall: {
    controls: 'Wall view controls',
    back: 'Back to the event',
    fullscreen: 'Full screen',
    exitFullscreen: 'Exit full screen',
    planLater: 'In a later version of Mitschrift, the session plan appears here.',
  },
  settings: {
    title: 'Settings',
    language: {
      legend: 'Language',
      hint: 'Applies to this device.',
    },
    displayName: {
      heading: 'Collaboration',
      label: 'Your display name',
      hint: 'Others see this name when you work on notes together. It is only stored on this device.',
      save: 'Save name',
      saved: 'Display name saved.',
      cleared: 'Display name removed.',
    },
    workspace: {
      heading: 'Workspace',
      version: 'Mitschrift version',
      loading: 'Checking the workspace …',
      unavailable: 'The state of the workspace cannot be retrieved right now.',
      noProblems: 'All stored files were read completely.',
      problemsHeading: 'Files that could not be read completely',
      truncated: 'incomplete',
      corrupted: 'damaged',
    },
    desktop: {
      heading: 'Desktop app',
      browser:
        'You are using Mitschrift in a browser. The projector window and the app menu exist only in the desktop app; everything else works the same here.',
      loading: 'Loading details …',
      failed: 'The desktop app’s details could not be loaded.',
      version: 'Version',
      electron: 'Electron',
      platform: 'Operating system',
      dataDir: 'Data folder',
    },
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address. Perhaps the link is incomplete.',
  },
};
