import type { Language } from '../../shared/ipc/contract.js';

/**
 * Every label of the native menu, in both UI languages. Role items get explicit labels too,
 * because Electron only localises role labels on macOS; on Windows and Linux they stay English.
 */
export interface MenuStrings {
  file: string;
  newEvent: string;
  openEvents: string;
  settings: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  reload: string;
  toggleDevTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  toggleFullScreen: string;
  window: string;
  minimize: string;
  zoom: string;
  close: string;
  front: string;
  help: string;
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  unhide: string;
}

/** The menu labels per language; German is the reference, English must have the same keys. */
export const MENU_STRINGS: Readonly<Record<Language, MenuStrings>> = {
  de: {
    file: 'Datei',
    newEvent: 'Neues Event',
    openEvents: 'Alle Events',
    settings: 'Einstellungen …',
    quit: 'Mitschrift beenden',
    edit: 'Bearbeiten',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einsetzen',
    selectAll: 'Alles auswählen',
    view: 'Ansicht',
    reload: 'Neu laden',
    toggleDevTools: 'Entwicklerwerkzeuge',
    resetZoom: 'Originalgröße',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    toggleFullScreen: 'Vollbild',
    window: 'Fenster',
    minimize: 'Minimieren',
    zoom: 'Zoomen',
    close: 'Fenster schließen',
    front: 'Alle nach vorne bringen',
    help: 'Hilfe',
    about: 'Über Mitschrift',
    services: 'Dienste',
    hide: 'Mitschrift ausblenden',
    hideOthers: 'Andere ausblenden',
    unhide: 'Alle einblenden',
  },
  en: {
    file: 'File',
    newEvent: 'New event',
    openEvents: 'All events',
    settings: 'Settings…',
    quit: 'Quit Mitschrift',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer tools',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    toggleFullScreen: 'Full screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    close: 'Close window',
    front: 'Bring all to front',
    help: 'Help',
    about: 'About Mitschrift',
    services: 'Services',
    hide: 'Hide Mitschrift',
    hideOthers: 'Hide others',
    unhide: 'Show all',
  },
};

/** The menu language for a system locale such as "de-AT" or "en-US": German for any German locale. */
export function menuLanguageFor(locale: string): Language {
  return locale.toLowerCase().split(/[-_]/)[0] === 'de' ? 'de' : 'en';
}
