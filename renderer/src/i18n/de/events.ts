/** German texts of the list of events. */
export const events = {
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
} as const;
