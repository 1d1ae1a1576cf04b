/** German texts of the settings page. */
export const settings = {
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
      'write-failed': 'Speichern fehlgeschlagen',
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
} as const;
