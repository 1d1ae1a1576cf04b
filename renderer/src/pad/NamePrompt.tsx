import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPLAY_NAME_MAX_LENGTH, getDisplayName, setDisplayName } from '../platform/preferences.js';
import { broadcastDisplayName } from '../sync/sharedDoc.js';

/**
 * Asks once for the name others see (the same setting as in Settings, remembered on this device).
 * Shown above the pad until a name is set; writing without one is allowed ("unnamed").
 */
export function NamePrompt({ onSaved }: { onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const [name, setName] = useState(getDisplayName);
  return (
    <form
      className="pad-name panel"
      onSubmit={(event) => {
        event.preventDefault();
        setDisplayName(name);
        const stored = getDisplayName();
        broadcastDisplayName(stored);
        onSaved(stored);
      }}
    >
      <div className="field field--grow">
        <label htmlFor={id}>{t('pad.name.label')}</label>
        <p id={hintId} className="hint">
          {t('pad.name.hint')}
        </p>
        <input
          id={id}
          className="input"
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX_LENGTH}
          value={name}
          aria-describedby={hintId}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary">
        {t('pad.name.save')}
      </button>
    </form>
  );
}
