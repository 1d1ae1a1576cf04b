/** German texts of the app frame: name, navigation, language, connection state, shared phrases, documents, page not found. */
export const app = {
  app: {
    name: 'Mitschrift',
    pageTitle: '{{page}} – Mitschrift',
  },
  skipLink: 'Zum Inhalt springen',
  nav: {
    label: 'Hauptnavigation',
    events: 'Veranstaltungen',
    settings: 'Einstellungen',
  },
  language: {
    de: 'Deutsch',
    en: 'English',
    switchTo: 'English',
  },
  connection: {
    label: 'Verbindungsstatus',
    connecting: 'Verbinde …',
    online: 'Online',
    offline: 'Offline',
    reconnecting: 'Verbindung wird wiederhergestellt …',
    pending_one: '{{count}} lokale Änderung noch nicht übertragen',
    pending_other: '{{count}} lokale Änderungen noch nicht übertragen',
  },
  common: {
    createdAt: 'Angelegt am {{date}}',
    backToEvents: 'Alle Veranstaltungen',
  },
  doc: {
    name: 'Dokument',
    connection: 'Verbindung',
    others: 'Weitere Personen in diesem Dokument',
    invalidTitle: 'Ungültiger Link',
    invalidLink:
      'Dieser Link ist unvollständig oder falsch: Eine Kennung besteht aus 1 bis 64 Buchstaben, Ziffern, „-“ oder „_“.',
  },
  notFound: {
    title: 'Seite nicht gefunden',
    body: 'Unter dieser Adresse gibt es keine Seite. Vielleicht ist der Link unvollständig.',
  },
} as const;
