import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { createEventRequestSchema, type EventSummary } from '../../../shared/api/contract.js';
import { eventPath } from '../../../shared/routes/deepLinks.js';
import { ApiError, createEvent, NetworkError } from '../api/coreApi.js';
import { requestsNewEventFocus } from '../app/focusRequest.js';

/** Same limit as the API contract; checked here too so the message is in the reader's language. */
const TITLE_MAX_LENGTH = 200;

/**
 * Creates an event through `POST /api/events`. The core mints the id and the creation time and
 * writes the workspace index; the list then updates from the synced document like everyone else's.
 */
export function NewEventForm() {
  const { t } = useTranslation();
  const location = useLocation();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const headingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<EventSummary | null>(null);
  const [busy, setBusy] = useState(false);

  // The native menu's "New event" lands here with a focus request.
  useEffect(() => {
    if (requestsNewEventFocus(location.state)) {
      inputRef.current?.focus();
    }
  }, [location.key, location.state]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) {
      return;
    }
    setCreated(null);
    const parsed = createEventRequestSchema.safeParse({ title });
    if (!parsed.success) {
      setError(
        title.trim() === ''
          ? t('events.create.errorEmpty')
          : t('events.create.errorTooLong', { max: TITLE_MAX_LENGTH }),
      );
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const summary = await createEvent(parsed.data);
      setCreated(summary);
      setTitle('');
    } catch (failure) {
      if (failure instanceof NetworkError) {
        setError(t('events.create.errorNetwork'));
      } else if (failure instanceof ApiError) {
        setError(t('events.create.errorRejected', { reason: failure.message }));
      } else {
        console.error('Creating an event failed.', failure);
        setError(t('events.create.errorNetwork'));
      }
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('events.create.heading')}</h2>
      <form className="inline-form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field field--grow">
          <label htmlFor={inputId}>{t('events.create.label')}</label>
          <p id={hintId} className="hint">
            {t('events.create.hint')}
          </p>
          <input
            ref={inputRef}
            id={inputId}
            className="input"
            name="title"
            type="text"
            autoComplete="off"
            value={title}
            aria-invalid={error !== null}
            aria-describedby={error === null ? hintId : `${hintId} ${errorId}`}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        {/* aria-disabled instead of disabled: a disabled button would drop keyboard focus to the page. */}
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? t('events.create.submitting') : t('events.create.submit')}
        </button>
      </form>
      {error !== null && (
        <p id={errorId} className="message message--error" role="alert">
          {error}
        </p>
      )}
      <div role="status">
        {created !== null && (
          <p className="message message--success">
            <Link to={eventPath(created.id)}>{t('events.create.created', { title: created.title })}</Link>
          </p>
        )}
      </div>
    </section>
  );
}
