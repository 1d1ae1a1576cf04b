import type { Messages } from '../de.js';

/** English texts of the settings page; the keys mirror `de/settings.ts`. */
export const settings: Pick<Messages, 'settings'> = {
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
      'write-failed': 'storage write failed',
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
};
