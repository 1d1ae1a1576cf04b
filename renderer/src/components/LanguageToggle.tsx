import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/switchLanguage.js';
import { useLanguage } from '../i18n/useLanguage.js';

/** A one-click switch to the other UI language, labelled in that language. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const other = useLanguage() === 'de' ? 'en' : 'de';
  return (
    <button
      type="button"
      className="button button--quiet"
      lang={other}
      onClick={() => void switchLanguage(other)}
    >
      {t('language.switchTo')}
    </button>
  );
}
