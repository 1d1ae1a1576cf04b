import type { Messages } from '../de.js';

/** English texts of the app frame: name, navigation, language, connection state, shared phrases, documents, page not found; the keys mirror `de/app.ts`. */
export const app: Pick<
  Messages,
  'app' | 'skipLink' | 'nav' | 'language' | 'connection' | 'common' | 'doc' | 'notFound'
> = {
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
  doc: {
    name: 'Document',
    connection: 'Connection',
    others: 'Other people in this document',
    invalidTitle: 'Invalid link',
    invalidLink: 'This link is incomplete or wrong: an id has 1 to 64 letters, digits, “-” or “_”.',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address. Perhaps the link is incomplete.',
  },
};
