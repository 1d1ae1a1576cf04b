import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportStatusSchema,
  type ExportRequest,
  type ExportStatus,
} from '../../../shared/api/bundleContract.js';
import { request } from '../api/coreApi.js';
import { downloadBlob, saveBlob } from '../api/download.js';
import { useSession } from '../api/session.js';

/** A session the bundle may include. */
export interface BundleSessionChoice {
  id: string;
  title: string;
}

type BundleProfile = ExportRequest['profile'];

const POLL_MS = 500;

/**
 * The documentation bundle (issue 12) for organisers and the owner: profile, sessions, a progress
 * bar from the core's export status, Cancel, the ZIP download and the list of pseudonymised names.
 */
export function BundleButton({
  eventId,
  sessions,
}: {
  eventId: string;
  sessions: readonly BundleSessionChoice[];
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(false);
  if (session === null || (session.role !== 'owner' && session.role !== 'organiser')) {
    return null;
  }
  return (
    <section className="panel" aria-labelledby="bundle-heading">
      <h2 id="bundle-heading">{t('plan.bundle.heading')}</h2>
      <p>{t('plan.bundle.intro')}</p>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('plan.bundle.open')}
      </button>
      {open && <BundleDialog eventId={eventId} sessions={sessions} onClose={() => setOpen(false)} />}
    </section>
  );
}

function BundleDialog({
  eventId,
  sessions,
  onClose,
}: {
  eventId: string;
  sessions: readonly BundleSessionChoice[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [profile, setProfile] = useState<BundleProfile>('public');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<ExportStatus | null>(null);
  const [message, setMessage] = useState('');
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    dialog.current?.showModal();
    return () => {
      live.current = false;
    };
  }, []);

  const base = `events/${eventId}/exports`;

  async function start() {
    setMessage('');
    try {
      const body = all ? { profile } : { profile, sessions: [...chosen] };
      let current = await request(base, exportStatusSchema, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      setStatus(current);
      // Bounded by the export itself: it ends as done, failed or cancelled.
      while (live.current && current.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        current = await request(`${base}/${current.id}`, exportStatusSchema);
        setStatus(current);
      }
      if (current.state === 'done') {
        const blob = await downloadBlob(
          `${base}/${current.id}/bundle.zip`,
          new AbortController().signal,
          () => {},
        );
        saveBlob(blob, `mitschrift-${eventId}-${current.profile}.zip`);
        setMessage(t('plan.bundle.done'));
      } else if (current.state === 'cancelled') {
        setMessage(t('plan.bundle.cancelled'));
      } else {
        setMessage(t('plan.bundle.failed', { reason: current.error ?? '' }));
      }
    } catch (error) {
      setMessage(t('plan.bundle.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  async function cancel() {
    if (status) {
      setStatus(await request(`${base}/${status.id}/cancel`, exportStatusSchema, { method: 'POST' }));
    }
  }

  const running = status?.state === 'running';
  const noneChosen = !all && chosen.size === 0;

  return (
    <dialog ref={dialog} className="bundle-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('plan.bundle.title')}</h2>
      <fieldset disabled={running}>
        <legend>{t('plan.bundle.profile')}</legend>
        {(['public', 'internal'] as const).map((p) => (
          <label key={p} className="bundle-dialog__choice">
            <input
              type="radio"
              name={`${id}-profile`}
              checked={profile === p}
              onChange={() => setProfile(p)}
              aria-describedby={`${id}-${p}`}
            />
            {t(`plan.bundle.profiles.${p}`)}
            <span id={`${id}-${p}`} className="hint">
              {t(`plan.bundle.profileHints.${p}`)}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset disabled={running}>
        <legend>{t('plan.bundle.sessions')}</legend>
        <label className="bundle-dialog__choice">
          <input type="radio" name={`${id}-scope`} checked={all} onChange={() => setAll(true)} />
          {t('plan.bundle.allSessions')}
        </label>
        <label className="bundle-dialog__choice">
          <input type="radio" name={`${id}-scope`} checked={!all} onChange={() => setAll(false)} />
          {t('plan.bundle.someSessions')}
        </label>
        {!all && (
          <ul className="bundle-dialog__sessions">
            {sessions.map((s) => (
              <li key={s.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(s.id)}
                    onChange={(event) => {
                      const next = new Set(chosen);
                      if (event.target.checked) {
                        next.add(s.id);
                      } else {
                        next.delete(s.id);
                      }
                      setChosen(next);
                    }}
                  />
                  {s.title || s.id}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {status && (
        <div className="bundle-dialog__progress">
          <progress
            max={Math.max(1, status.total)}
            value={status.state === 'running' && status.total === 0 ? undefined : status.done}
            aria-label={t('plan.bundle.progress')}
          />
          <span>{t('plan.bundle.step', { done: status.done, total: status.total, step: status.step })}</span>
        </div>
      )}
      <p role="status">{message}</p>
      {status?.state === 'done' && status.pseudonyms.length > 0 && (
        <>
          <h3>{t('plan.bundle.pseudonyms')}</h3>
          <ul className="bundle-dialog__pseudonyms">
            {status.pseudonyms.map((p) => (
              <li key={p.pseudonym}>
                {t('plan.bundle.pseudonym', { name: p.name, pseudonym: p.pseudonym })}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="bundle-dialog__actions">
        {running ? (
          <button type="button" className="button" onClick={() => void cancel()}>
            {t('plan.bundle.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={noneChosen}
            onClick={() => void start()}
          >
            {t('plan.bundle.start')}
          </button>
        )}
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('plan.bundle.close')}
        </button>
      </div>
    </dialog>
  );
}
