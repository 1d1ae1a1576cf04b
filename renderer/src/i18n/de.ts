/**
 * German UI texts, the default language. Addressed formally ("Sie"): the people using Mitschrift
 * work in or with public administrations. `en.ts` must have exactly the same keys.
 */
export const de = {
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
  events: {
    title: 'Veranstaltungen',
    intro:
      'Alle Veranstaltungen dieses Arbeitsbereichs. Neue Veranstaltungen erscheinen bei allen Beteiligten sofort.',
    create: {
      heading: 'Neue Veranstaltung',
      label: 'Titel der Veranstaltung',
      hint: 'Zum Beispiel „BarCamp Verwaltung digital“ oder „Tag der offenen Verwaltung“.',
      submit: 'Veranstaltung anlegen',
      submitting: 'Wird angelegt …',
      created: 'Veranstaltung „{{title}}“ wurde angelegt.',
      errorEmpty: 'Bitte geben Sie einen Titel ein.',
      errorTooLong: 'Der Titel darf höchstens {{max}} Zeichen lang sein.',
      errorRejected: 'Die Veranstaltung wurde nicht angelegt: {{reason}}',
      errorNetwork:
        'Mitschrift ist gerade nicht erreichbar. Bitte versuchen Sie es erneut, sobald die Verbindung wieder steht.',
    },
    list: {
      heading: 'Alle Veranstaltungen',
      searchLabel: 'Veranstaltungen nach Titel durchsuchen',
      shown: '{{shown}} von {{total}} Veranstaltungen',
      noMatch: 'Keine Veranstaltung passt zu „{{query}}“.',
      empty: 'Noch keine Veranstaltungen. Legen Sie oben die erste an.',
      loading: 'Veranstaltungen werden geladen …',
      notYetHere:
        'Die Veranstaltungen sind auf diesem Gerät noch nicht gespeichert. Sie erscheinen, sobald die Verbindung steht.',
    },
  },
  event: {
    loading: 'Veranstaltung wird geladen …',
    notFoundTitle: 'Veranstaltung nicht gefunden',
    notFound: 'Diese Veranstaltung gibt es in diesem Arbeitsbereich nicht.',
    notYetHere:
      'Diese Veranstaltung ist auf diesem Gerät noch nicht gespeichert. Sie erscheint, sobald die Verbindung steht.',
    deleted: 'Diese Veranstaltung liegt seit {{date}} im Papierkorb.',
    planHeading: 'Sessionplan',
    planLater:
      'Den Sessionplan mit Räumen, Zeitfenstern und Sessions gibt es erst in einer späteren Version von Mitschrift. Bis dahin ist hier noch kein Plan.',
    wallHeading: 'Wandansicht',
    wallIntro: 'Die Wandansicht zeigt die Veranstaltung in großer Schrift für Beamer und große Bildschirme.',
    openWall: 'Wandansicht öffnen',
    openProjector: 'Auf dem Projektor zeigen',
    projectorFailed: 'Das Projektorfenster ließ sich nicht öffnen.',
  },
  doc: {
    name: 'Dokument',
    connection: 'Verbindung',
    others: 'Weitere Personen in diesem Dokument',
    invalidTitle: 'Ungültiger Link',
    invalidLink:
      'Dieser Link ist unvollständig oder falsch: Eine Kennung besteht aus 1 bis 64 Buchstaben, Ziffern, „-“ oder „_“.',
  },
  pad: {
    title: 'Sessionnotizen',
    editorLater:
      'Den gemeinsamen Notizeditor gibt es erst in einer späteren Version von Mitschrift. Diese Seite verbindet sich schon jetzt mit dem Dokument der Session und speichert es auf diesem Gerät.',
  },
  sketch: {
    title: 'Sketchnote',
    editorLater:
      'Die Zeichenfläche für Sketchnotes gibt es erst in einer späteren Version von Mitschrift. Diese Seite verbindet sich schon jetzt mit dem Dokument der Sketchnote und speichert es auf diesem Gerät.',
  },
  wall: {
    controls: 'Steuerung der Wandansicht',
    back: 'Zurück zur Veranstaltung',
    fullscreen: 'Vollbild',
    exitFullscreen: 'Vollbild beenden',
    planLater: 'Hier erscheint in einer späteren Version von Mitschrift der Sessionplan.',
  },
  settings: {
    title: 'Einstellungen',
    language: {
      legend: 'Sprache',
      hint: 'Gilt für dieses Gerät.',
    },
    displayName: {
      heading: 'Zusammenarbeit',
      label: 'Ihr Anzeigename',
      hint: 'Andere sehen diesen Namen, wenn Sie gemeinsam an Notizen arbeiten. Er wird nur auf diesem Gerät gespeichert.',
      save: 'Namen speichern',
      saved: 'Anzeigename gespeichert.',
      cleared: 'Anzeigename entfernt.',
    },
    workspace: {
      heading: 'Arbeitsbereich',
      version: 'Mitschrift-Version',
      loading: 'Zustand wird abgefragt …',
      unavailable: 'Der Zustand des Arbeitsbereichs ist gerade nicht abrufbar.',
      noProblems: 'Alle gespeicherten Dateien wurden vollständig gelesen.',
      problemsHeading: 'Nicht vollständig lesbare Dateien',
      truncated: 'unvollständig',
      corrupted: 'beschädigt',
    },
    desktop: {
      heading: 'Desktop-App',
      browser:
        'Sie nutzen Mitschrift im Browser. Projektorfenster und Programmmenü gibt es nur in der Desktop-App; alles andere funktioniert hier genauso.',
      loading: 'Angaben werden geladen …',
      failed: 'Die Angaben der Desktop-App ließen sich nicht laden.',
      version: 'Version',
      electron: 'Electron',
      platform: 'Betriebssystem',
      dataDir: 'Datenordner',
    },
  },
  notFound: {
    title: 'Seite nicht gefunden',
    body: 'Unter dieser Adresse gibt es keine Seite. Vielleicht ist der Link unvollständig.',
  },
} as const;

/** Turns the literal types of {@link de} into plain strings, so other languages fit the same shape. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language's texts must have. */
export type Messages = Widen<typeof de>;
