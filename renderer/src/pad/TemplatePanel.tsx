import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getTemplate, putTemplate } from './padApi.js';

/**
 * The event-wide template new session pads start from (Markdown with {{title}}, {{hosts}},
 * {{room}}, {{time}}). Changing it affects pads opened for the first time afterwards; pads that
 * already exist keep their content.
 */
export function TemplatePanel({ padId }: { padId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const [text, setText] = useState<string | null>(null);
  const [isDefault, setIsDefault] = useState(true);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed' | 'unavailable'>('idle');

  useEffect(() => {
    let cancelled = false;
    getTemplate(padId).then(
      (loaded) => {
        if (!cancelled) {
          setText(loaded.template);
          setIsDefault(loaded.isDefault);
        }
      },
      () => !cancelled && setState('unavailable'),
    );
    return () => {
      cancelled = true;
    };
  }, [padId]);

  if (state === 'unavailable') {
    return <p>{t('pad.template.unavailable')}</p>;
  }
  if (text === null) {
    return <p>{t('pad.template.loading')}</p>;
  }

  async function save(value: string): Promise<void> {
    setState('saving');
    try {
      const saved = await putTemplate(padId, value);
      setText(saved.template);
      setIsDefault(saved.isDefault);
      setState('saved');
    } catch {
      setState('failed');
    }
  }

  return (
    <form
      className="pad-template"
      onSubmit={(event) => {
        event.preventDefault();
        void save(text);
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('pad.template.label')}</label>
        <p id={hintId} className="hint">
          {t('pad.template.hint', {
            title: '{{title}}',
            hosts: '{{hosts}}',
            room: '{{room}}',
            time: '{{time}}',
            interpolation: { skipOnVariables: true },
          })}
        </p>
        <textarea
          id={id}
          className="input pad-template__text"
          rows={10}
          value={text}
          aria-describedby={hintId}
          onChange={(event) => {
            setText(event.target.value);
            setState('idle');
          }}
        />
      </div>
      <div className="inline-form">
        <button type="submit" className="button button--primary" disabled={state === 'saving'}>
          {t('pad.template.save')}
        </button>
        {!isDefault && (
          <button type="button" className="button button--quiet" onClick={() => void save('')}>
            {t('pad.template.reset')}
          </button>
        )}
      </div>
      <p role="status" className="message-slot">
        {state === 'saved' && t('pad.template.saved')}
        {state === 'failed' && t('pad.template.failed')}
      </p>
    </form>
  );
}
