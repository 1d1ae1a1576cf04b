import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPLAY_NAME_MAX_LENGTH, getDisplayName, setDisplayName } from '../platform/preferences.js';
import { broadcastDisplayName } from '../sync/sharedDoc.js';

/**
 * Asks inline for the name others see (the same setting as in Settings, remembered on this device).
 * Shown once this person starts writing without a name: it never blocks the notes, writing on
 * without one is allowed ("unnamed"), and "Später" hides it for this visit. It takes no focus, so
 * typing goes on; Tab from the toolbar (or Shift+Tab from the text) reaches it.
 */
export function NamePrompt({ onSaved, onLater }: { onSaved: (name: string) => void; onLater: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const [name, setName] = useState(getDisplayName);
  return (
    <form
      className="pad-name"
      aria-labelledby={`${id}-prompt`}
      onSubmit={(event) => {
        event.preventDefault();
        setDisplayName(name);
        const stored = getDisplayName();
        broadcastDisplayName(stored);
        onSaved(stored);
      }}
    >
      <p id={`${id}-prompt`} className="pad-name__prompt">
        {t('pad.name.prompt')}
      </p>
      <div className="pad-name__row">
        <label htmlFor={id} className="visually-hidden">
          {t('pad.name.label')}
        </label>
        <input
          id={id}
          className="input"
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX_LENGTH}
          value={name}
          placeholder={t('pad.name.label')}
          aria-describedby={hintId}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button--primary">
          {t('pad.name.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={onLater}>
          {t('pad.name.later')}
        </button>
      </div>
      <p id={hintId} className="hint pad-name__hint">
        {t('pad.name.hint')}
      </p>
    </form>
  );
}
