import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addChatMessage, type PadAuthor } from '../../../shared/pad/padLayout.js';
import { useLanguage } from '../i18n/useLanguage.js';
import type { SharedDoc } from '../sync/sharedDoc.js';
import { usePadChat } from './padHooks.js';

/** The pad's chat (a Y.Array in the pad document, so it syncs and works offline like the text). */
export function ChatPanel({
  shared,
  userId,
  authors,
  canWrite,
  unnamed,
}: {
  shared: SharedDoc;
  userId: string;
  authors: Map<string, PadAuthor>;
  canWrite: boolean;
  unnamed: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const inputId = useId();
  const messages = usePadChat(shared);
  const [text, setText] = useState('');
  const time = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { timeStyle: 'short' });
  return (
    <div className="pad-chat">
      {messages.length === 0 ? (
        <p className="muted">{t('pad.chat.empty')}</p>
      ) : (
        <div role="log" aria-live="polite" aria-label={t('pad.chat.log')}>
          <ol className="pad-chat__list">
            {messages.map((m, i) => (
              <li key={i}>
                <span className="pad-chat__who">
                  <span
                    className="pad-swatch"
                    style={{ backgroundColor: authors.get(m.author)?.colour }}
                    aria-hidden="true"
                  />
                  {authors.get(m.author)?.name || unnamed}
                </span>{' '}
                <time className="muted" dateTime={new Date(m.time).toISOString()}>
                  {time.format(m.time)}
                </time>
                <p className="pad-chat__text">{m.text}</p>
              </li>
            ))}
          </ol>
        </div>
      )}
      {canWrite && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = text.trim();
            if (trimmed === '') {
              return;
            }
            addChatMessage(shared.doc, { author: userId, text: trimmed.slice(0, 2000), time: Date.now() });
            setText('');
          }}
        >
          <div className="field field--grow">
            <label htmlFor={inputId}>{t('pad.chat.message')}</label>
            <input
              id={inputId}
              className="input"
              maxLength={2000}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--quiet">
            {t('pad.chat.send')}
          </button>
        </form>
      )}
    </div>
  );
}
