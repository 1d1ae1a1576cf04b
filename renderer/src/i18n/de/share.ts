/** German texts of sharing an event (network share, join links per role, QR codes) and of read-only views. */
export const share = {
  share: {
    heading: 'Freigeben',
    tab: 'Freigeben',
    loading: 'Freigabe wird geladen …',
    loadFailed: 'Die Links dieser Veranstaltung konnten nicht geladen werden.',
    copy: 'Kopieren',
    copied: 'In die Zwischenablage kopiert.',
    none: 'Noch kein Link für diese Rolle.',
    loopbackOnly:
      'Gerade kann nur dieser Computer Mitschrift öffnen. Starten Sie oben „Im Netzwerk freigeben“, damit andere Geräte die Links und QR-Codes öffnen können.',
    network: {
      heading: 'Im Netzwerk freigeben',
      intro:
        'Andere Geräte im selben Netzwerk (WLAN der Veranstaltung) öffnen Mitschrift über die Adresse dieses Computers. Ihr eigener Zugang bleibt auf diesem Computer.',
      interface: 'Netzwerk',
      noInterface:
        'Dieser Computer ist mit keinem Netzwerk verbunden, über das andere ihn erreichen können. Verbinden Sie ihn mit dem WLAN der Veranstaltung.',
      start: 'Im Netzwerk freigeben',
      stop: 'Freigabe beenden',
      sharing: 'Freigegeben unter {{origin}} ({{name}}).',
      failed: 'Die Freigabe konnte nicht geändert werden.',
    },
    connected: {
      heading: 'Verbunden',
      total_one: '{{count}} Gerät verbunden',
      total_other: '{{count}} Geräte verbunden',
      devices_one: '{{count}} Gerät',
      devices_other: '{{count}} Geräte',
    },
    role: {
      organiser: {
        name: 'Organisation',
        what: 'Alles an dieser Veranstaltung: Plan, Pads, Sketchnotes, Links.',
        example: 'z. B. Orga-Team',
      },
      recorder: {
        name: 'Graphic Recording',
        what: 'Sketchnotes zeichnen und Pads schreiben; den Plan nur ansehen.',
        example: 'z. B. Zeichnerin',
      },
      edit: {
        name: 'Mitschreiben',
        what: 'Teilnehmende schreiben in den Pads der Sessions mit; Plan und Sketchnotes nur ansehen.',
        example: 'z. B. Teilnehmende Raum 2',
      },
      view: {
        name: 'Mitlesen',
        what: 'Pads, Sketchnotes und Plan live ansehen, nichts ändern. Gut für den Projektor.',
        example: 'z. B. Projektor',
      },
    },
    token: {
      label: 'Bezeichnung',
      rename: 'Umbenennen',
      link: 'Link „{{name}}“',
      revoke: '„{{name}}“ widerrufen',
      revokeConfirm:
        'Link „{{name}}“ widerrufen? Wer ihn geöffnet hat, wird sofort getrennt und kommt damit nicht mehr hinein.',
    },
    new: {
      label: 'Bezeichnung des neuen Links',
      create: 'Neuer Link: {{role}}',
    },
    revoked: {
      heading_one: '{{count}} widerrufener Link',
      heading_other: '{{count}} widerrufene Links',
    },
    qr: {
      alt: 'QR-Code: {{role}} ({{label}}) für {{event}}',
      large: 'QR-Code im Vollbild',
      close: 'Schließen',
    },
  },
  readOnly: {
    plan: 'Sie sehen den Plan live. Ändern kann ihn nur die Organisation.',
    sketch:
      'Sie sehen die Sketchnote live. Verschieben und zoomen Sie mit Finger, Maus, Mausrad oder Pfeiltasten und +/−.',
    sketchTitle: 'Sketchnote',
    sketchViewer: 'Sketchnote (nur ansehen)',
    notAvailable: 'Dieser Link öffnet diese Ansicht nicht.',
  },
} as const;
