import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageSchema, type Language } from '../../../shared/ipc/contract.js';
import { getLanguagePreference } from '../platform/preferences.js';
import { de } from './de.js';
import { en } from './en.js';

/** German unless this device remembered another choice. */
export const DEFAULT_LANGUAGE: Language = 'de';

/** The app's one i18next instance; resources are bundled, so it is ready synchronously. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: getLanguagePreference() ?? DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: languageSchema.options,
  // Bundled resources need no loading; initialising synchronously avoids a first frame without text.
  initAsync: false,
  // React escapes on its own.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

/** The language currently shown, narrowed to the supported ones. */
export function currentLanguage(): Language {
  const parsed = languageSchema.safeParse(i18n.resolvedLanguage ?? i18n.language);
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
}

// Screen readers pick pronunciation from <html lang>, so it follows every switch.
function syncHtmlLang(): void {
  document.documentElement.lang = currentLanguage();
}
syncHtmlLang();
i18n.on('languageChanged', syncHtmlLang);
