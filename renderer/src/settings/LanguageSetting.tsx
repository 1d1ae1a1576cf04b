import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languageSchema } from '../../../shared/ipc/contract.js';
import { switchLanguage } from '../i18n/switchLanguage.js';
import { useLanguage } from '../i18n/useLanguage.js';

/** Chooses the UI language; each option is named in its own language. */
export function LanguageSetting() {
  const { t } = useTranslation();
  const language = useLanguage();
  const hintId = useId();
  return (
    <section className="panel">
      <fieldset className="choice-group" aria-describedby={hintId}>
        <legend>{t('settings.language.legend')}</legend>
        <p id={hintId} className="hint">
          {t('settings.language.hint')}
        </p>
        {languageSchema.options.map((option) => (
          <label key={option} className="choice" lang={option}>
            <input
              type="radio"
              name="language"
              value={option}
              checked={language === option}
              onChange={() => void switchLanguage(option)}
            />
            {t(`language.${option}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
