import type { Language } from '../../../shared/ipc/contract.js';
import { getDesktop } from '../platform/desktop.js';
import { setLanguagePreference } from '../platform/preferences.js';
import { i18n } from './i18n.js';

/** Switches the UI language, remembers it on this device and tells the native menu when there is one. */
export async function switchLanguage(language: Language): Promise<void> {
  setLanguagePreference(language);
  await i18n.changeLanguage(language);
  syncMenuLanguage(language);
}

/** Tells the desktop app's native menu which language to use; a no-op in the browser. */
export function syncMenuLanguage(language: Language): void {
  const desktop = getDesktop();
  if (!desktop) {
    return;
  }
  // The menu language is cosmetic: a failure must not undo the switch in the UI.
  desktop.setMenuLanguage(language).catch((error: unknown) => {
    console.warn('Could not switch the menu language.', error);
  });
}
