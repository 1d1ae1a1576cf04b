import { useTranslation } from 'react-i18next';
import { languageSchema, type Language } from '../../../shared/ipc/contract.js';
import { DEFAULT_LANGUAGE } from './i18n.js';

/** The UI language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const parsed = languageSchema.safeParse(i18n.resolvedLanguage ?? i18n.language);
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
}
