import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ActingUser,
  RevisionContent,
  RevisionList,
  RevisionSummary,
} from '../../../shared/api/padContract.js';
import type { Language } from '../../../shared/ipc/contract.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { getRevision, getRevisions, recordRevisions, restoreRevision, saveRevision } from './padApi.js';
import { PadJsonView } from './PadJsonView.js';

/** How often the open timeslider asks for new revisions. */
const REFRESH_MS = 5_000;

/** A revision time with seconds, in the UI language. */
function formatRevisionTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date);
}

/**
 * The timeslider: scrubs through the pad's revisions (a range input, so arrow keys, Page Up/Down,
 * Home and End work), shows each revision read-only with its time and authors, brings one back as
 * a new revision, and names revisions. Revisions come from the core (server/pad): the browser's
 * own copy of the pad keeps no history.
 */
export function HistoryPanel({
  padId,
  user,
  canEdit,
  unnamed,
  onClose,
  onRestored,
}: {
  padId: string;
  user: ActingUser;
  canEdit: boolean;
  unnamed: string;
  onClose: () => void;
  onRestored: (rev: number, fromRev: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const sliderId = useId();
  const labelInputId = useId();
  const [list, setList] = useState<RevisionList | null>(null);
  const [index, setIndex] = useState(0);
  const [shown, setShown] = useState<RevisionContent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const cache = useRef(new Map<number, RevisionContent>());

  const reload = (selectLast: boolean, record = false): void => {
    // An editor opening the timeslider records what is pending first, so the newest revision is now.
    (record ? recordRevisions(padId) : getRevisions(padId)).then(
      (loaded) => {
        setList(loaded);
        if (selectLast) {
          setIndex(Math.max(0, loaded.revisions.length - 1));
        }
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };

  useEffect(() => {
    reload(true, canEdit);
    // Load once when the panel opens; later reloads happen after a restore or save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [padId]);

  // While the panel is open, new revisions keep coming in; whoever looks at the newest keeps doing so.
  const view = useRef({ index: 0, count: 0 });
  useEffect(() => {
    view.current = { index, count: list?.revisions.length ?? 0 };
  });
  useEffect(() => {
    const timer = setInterval(() => {
      getRevisions(padId).then(
        (loaded) => {
          const follow = view.current.index >= view.current.count - 1;
          setList(loaded);
          if (follow) {
            setIndex(Math.max(0, loaded.revisions.length - 1));
          }
        },
        () => undefined,
      );
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [padId]);

  const revision: RevisionSummary | undefined = list?.revisions[index];

  useEffect(() => {
    if (revision === undefined) {
      return;
    }
    const cached = cache.current.get(revision.rev);
    if (cached) {
      setShown(cached);
      return;
    }
    let cancelled = false;
    // Scrubbing fires many changes: fetch only where the slider rests.
    const timer = setTimeout(() => {
      getRevision(padId, revision.rev).then(
        (content) => {
          cache.current.set(revision.rev, content);
          if (!cancelled) {
            setShown(content);
          }
        },
        (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
      );
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [padId, revision]);

  const count = list?.revisions.length ?? 0;
  const names = (r: RevisionSummary): string =>
    r.authors.length === 0 ? t('pad.history.nobody') : r.authors.map((a) => a.name || unnamed).join(', ');
  const describe = (r: RevisionSummary): string =>
    t('pad.history.describe', {
      rev: r.rev,
      count,
      time: formatRevisionTime(r.time, language),
      authors: names(r),
    }) + (r.source === 'edit' ? '' : ` (${t(`pad.history.source.${r.source}`, { rev: r.fromRev ?? 0 })})`);

  async function restore(): Promise<void> {
    if (revision === undefined) {
      return;
    }
    setBusy(true);
    try {
      const result = await restoreRevision(padId, revision.rev, user);
      cache.current.clear();
      setStatus(t('pad.history.restored', { rev: result.fromRev, newRev: result.rev }));
      onRestored(result.rev, result.fromRev);
      reload(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function save(): Promise<void> {
    if (revision === undefined || label.trim() === '') {
      return;
    }
    setBusy(true);
    try {
      await saveRevision(padId, revision.rev, label.trim(), user);
      setStatus(t('pad.history.saved', { label: label.trim(), rev: revision.rev }));
      setLabel('');
      reload(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="pad-history" aria-labelledby={headingId}>
      <div className="pad-history__head">
        <h2 id={headingId}>{t('pad.history.panelHeading')}</h2>
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('pad.history.close')}
        </button>
      </div>
      {list === null && error === null && <p>{t('pad.history.loading')}</p>}
      {list !== null && count === 0 && <p>{t('pad.history.empty')}</p>}
      {list !== null && count > 0 && revision !== undefined && (
        <>
          <div className="pad-history__slider">
            <button
              type="button"
              className="button button--quiet"
              disabled={index === 0}
              onClick={() => setIndex((i) => Math.max(0, i - 1))}
            >
              {t('pad.history.older')}
            </button>
            <label htmlFor={sliderId} className="visually-hidden">
              {t('pad.history.slider')}
            </label>
            <input
              id={sliderId}
              type="range"
              min={0}
              max={count - 1}
              step={1}
              value={index}
              aria-valuetext={describe(revision)}
              onChange={(event) => setIndex(Number(event.target.value))}
            />
            <button
              type="button"
              className="button button--quiet"
              disabled={index === count - 1}
              onClick={() => setIndex((i) => Math.min(count - 1, i + 1))}
            >
              {t('pad.history.newer')}
            </button>
          </div>
          <p className="pad-history__info" aria-live="polite">
            {describe(revision)}
          </p>
          {list.saved.length > 0 && (
            <div className="pad-history__saved">
              <h3>{t('pad.history.savedHeading')}</h3>
              <ul>
                {list.saved.map((s) => (
                  <li key={`${s.rev}-${s.time}`}>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-current={s.rev === revision.rev || undefined}
                      onClick={() =>
                        setIndex(
                          Math.max(
                            0,
                            list.revisions.findIndex((r) => r.rev === s.rev),
                          ),
                        )
                      }
                    >
                      ★ {s.label} <span className="muted">({t('pad.history.revShort', { rev: s.rev })})</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {canEdit && (
            <div className="pad-history__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={busy || index === count - 1}
                onClick={() => void restore()}
              >
                {t('pad.history.restore')}
              </button>
              <form
                className="inline-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  void save();
                }}
              >
                <div className="field">
                  <label htmlFor={labelInputId}>{t('pad.history.labelField')}</label>
                  <input
                    id={labelInputId}
                    className="input"
                    value={label}
                    maxLength={200}
                    onChange={(event) => setLabel(event.target.value)}
                  />
                </div>
                <button type="submit" className="button button--quiet" disabled={busy || label.trim() === ''}>
                  {t('pad.history.saveLabel')}
                </button>
              </form>
            </div>
          )}
          {shown !== null && (
            <PadJsonView
              doc={shown.content}
              label={t('pad.history.previewLabel', { rev: shown.rev })}
              labels={{ done: t('pad.task.done'), open: t('pad.task.open') }}
            />
          )}
        </>
      )}
      <p role="status" className="message-slot">
        {status}
      </p>
      {error !== null && (
        <p className="message message--error" role="alert">
          {t('pad.history.error', { reason: error })}
        </p>
      )}
    </section>
  );
}
