import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPLAY_NAME_MAX_LENGTH, getDisplayName, setDisplayName } from '../platform/preferences.js';
import { broadcastDisplayName } from '../sync/sharedDoc.js';

/** The name others see while collaborating, remembered on this device. */
export function DisplayNameSetting() {
  const { t } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const [name, setName] = useState(getDisplayName);
  const [saved, setSaved] = useState<'saved' | 'cleared' | null>(null);

  function save(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setDisplayName(name);
    const stored = getDisplayName();
    setName(stored);
    broadcastDisplayName(stored);
    setSaved(stored === '' ? 'cleared' : 'saved');
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('settings.displayName.heading')}</h2>
      <form className="inline-form" onSubmit={save}>
        <div className="field field--grow">
          <label htmlFor={inputId}>{t('settings.displayName.label')}</label>
          <p id={hintId} className="hint">
            {t('settings.displayName.hint')}
          </p>
          <input
            id={inputId}
            className="input"
            type="text"
            autoComplete="nickname"
            maxLength={DISPLAY_NAME_MAX_LENGTH}
            value={name}
            aria-describedby={hintId}
            onChange={(event) => {
              setName(event.target.value);
              setSaved(null);
            }}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t('settings.displayName.save')}
        </button>
      </form>
      <p role="status" className="message-slot">
        {saved === 'saved' && t('settings.displayName.saved')}
        {saved === 'cleared' && t('settings.displayName.cleared')}
      </p>
    </section>
  );
}
