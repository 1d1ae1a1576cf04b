import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, LinkRequest } from '../../../shared/api/attachmentContract.js';
import { COMMON_LICENCES } from '../../../shared/event/eventLayout.js';
import { ApiError } from '../api/coreApi.js';
import { useAnnounce } from './Announcer.js';
import {
  addLink,
  attachmentUrl,
  listAttachments,
  removeAttachment,
  uploadAttachment,
  type Upload,
} from './attachmentApi.js';

const LINK_KINDS = ['video', 'stream', 'post', 'other'] as const satisfies readonly LinkRequest['linkKind'][];

/** The refusals the UI explains in its own words (the core's sentence follows as detail). */
const KNOWN_STATUSES = {
  400: 'invalid',
  403: 'forbidden',
  404: 'gone',
  413: 'tooLarge',
  415: 'wrongType',
  422: 'damaged',
  503: 'busy',
} as const;

/** A title from a file name: without its ending, separators as spaces. */
function titleFromName(name: string): string {
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
}

/** A byte count for people. */
function size(bytes: number, language: string): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1
    ? `${mb.toLocaleString(language, { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(language)} KB`;
}

/**
 * A session's attachments in its editor (organisers; the access table also lets recorders use the
 * routes): slides and photos uploaded with progress, links to recordings, streams and posts, each
 * with a title and a licence; removing asks first. Refusals of the core are shown in plain words.
 */
export function SessionAttachments({
  sessionId,
  defaultLicence,
}: {
  sessionId: string;
  defaultLicence: string;
}) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const id = useId();
  const [items, setItems] = useState<Attachment[] | null>(null);
  const [problem, setProblem] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [licence, setLicence] = useState(defaultLicence);
  const [progress, setProgress] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [link, setLink] = useState({ url: '', title: '', kind: 'video' as LinkRequest['linkKind'] });
  const upload = useRef<Upload | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const licences = [...new Set([defaultLicence, ...COMMON_LICENCES])];

  useEffect(() => {
    let live = true;
    listAttachments(sessionId).then(
      (list) => live && setItems(list),
      (error: unknown) => live && setProblem(explain(error)),
    );
    return () => {
      live = false;
      upload.current?.abort();
    };
    // explain only reads t, which is stable for a mounted component.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId]);

  function explain(error: unknown): string {
    if (error instanceof ApiError) {
      const known = (
        KNOWN_STATUSES as Partial<Record<number, (typeof KNOWN_STATUSES)[keyof typeof KNOWN_STATUSES]>>
      )[error.status];
      return t('plan.attachments.refused', {
        reason:
          known === undefined ? t('plan.attachments.status.other') : t(`plan.attachments.status.${known}`),
        detail: error.message,
      });
    }
    if (error instanceof DOMException && error.name === 'AbortError') {
      return t('plan.attachments.stopped');
    }
    return t('plan.attachments.unreachable');
  }

  async function send(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!file) {
      return;
    }
    setProblem('');
    setProgress(0);
    const started = uploadAttachment(sessionId, file, { title: title.trim(), licence }, setProgress);
    upload.current = started;
    try {
      const added = await started.done;
      setItems((list) => [...(list ?? []), added]);
      announce(t('plan.attachments.added', { title: added.title }));
      setFile(null);
      setTitle('');
      if (fileInput.current) {
        fileInput.current.value = '';
      }
    } catch (error) {
      setProblem(explain(error));
    } finally {
      upload.current = null;
      setProgress(null);
    }
  }

  async function sendLink(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setProblem('');
    try {
      const added = await addLink(sessionId, {
        url: link.url.trim(),
        title: link.title.trim(),
        licence,
        linkKind: link.kind,
      });
      setItems((list) => [...(list ?? []), added]);
      announce(t('plan.attachments.added', { title: added.title }));
      setLink({ url: '', title: '', kind: link.kind });
    } catch (error) {
      setProblem(explain(error));
    }
  }

  async function remove(attachment: Attachment): Promise<void> {
    setProblem('');
    try {
      setItems(await removeAttachment(sessionId, attachment.id));
      setConfirming(null);
      announce(t('plan.attachments.removed', { title: attachment.title }));
      heading.current?.focus();
    } catch (error) {
      setProblem(explain(error));
    }
  }

  const busy = progress !== null;
  return (
    <section className="session-attachments" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('plan.attachments.heading')}
      </h4>
      {items === null && problem === '' && <p className="muted">{t('plan.attachments.loading')}</p>}
      {items !== null && items.length === 0 && <p className="muted">{t('plan.attachments.none')}</p>}
      {items !== null && items.length > 0 && (
        <ul className="session-attachments__list">
          {items.map((a) => (
            <li key={a.id}>
              {a.kind === 'file' ? (
                <a href={attachmentUrl(sessionId, a.id)} download>
                  {a.title}
                </a>
              ) : (
                <a href={a.url} target="_blank" rel="noopener noreferrer">
                  {a.title}
                </a>
              )}{' '}
              <span className="muted">
                {a.kind === 'file'
                  ? t('plan.attachments.fileFacts', {
                      type: a.type === 'jpeg' ? 'JPEG' : a.type.toUpperCase(),
                      size: size(a.bytes, i18n.language),
                      licence: a.licence,
                    })
                  : t('plan.attachments.linkFacts', {
                      kind: t(`plan.attachments.kinds.${a.linkKind}`),
                      licence: a.licence,
                    })}
              </span>{' '}
              {confirming === a.id ? (
                <span role="group" aria-label={t('plan.attachments.confirmFor', { title: a.title })}>
                  <button
                    type="button"
                    className="button button--danger"
                    autoFocus
                    onClick={() => void remove(a)}
                  >
                    {t('plan.attachments.removeConfirm')}
                  </button>{' '}
                  <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
                    {t('plan.attachments.keep')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t('plan.attachments.removeFor', { title: a.title })}
                  onClick={() => setConfirming(a.id)}
                >
                  {t('plan.attachments.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {problem !== '' && (
        <p className="message message--error" role="alert">
          {problem}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-licence`}>{t('plan.attachments.licence')}</label>
        <select
          id={`${id}-licence`}
          className="input"
          value={licence}
          onChange={(event) => setLicence(event.target.value)}
        >
          {licences.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <form className="session-attachments__form" onSubmit={(event) => void send(event)}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('plan.attachments.file')}</label>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-describedby={`${id}-file-hint`}
            disabled={busy}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              if (chosen && title.trim() === '') {
                setTitle(titleFromName(chosen.name));
              }
            }}
          />
          <span id={`${id}-file-hint`} className="hint">
            {t('plan.attachments.fileHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('plan.attachments.title')}</label>
          <input
            id={`${id}-title`}
            className="input"
            value={title}
            required
            maxLength={300}
            disabled={busy}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy || file === null}>
            {t('plan.attachments.upload')}
          </button>
          {busy && (
            <>
              <progress
                max={1}
                value={progress}
                aria-label={t('plan.attachments.progress', { title: title.trim() })}
              />
              <span role="status">
                {t('plan.attachments.percent', { percent: Math.round(progress * 100) })}
              </span>
              <button type="button" className="button button--quiet" onClick={() => upload.current?.abort()}>
                {t('plan.attachments.stop')}
              </button>
            </>
          )}
        </div>
      </form>
      <form className="session-attachments__form" onSubmit={(event) => void sendLink(event)}>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('plan.attachments.url')}</label>
          <input
            id={`${id}-url`}
            className="input"
            type="url"
            required
            placeholder="https://"
            value={link.url}
            onChange={(event) => setLink({ ...link, url: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-link-title`}>{t('plan.attachments.linkTitle')}</label>
          <input
            id={`${id}-link-title`}
            className="input"
            required
            maxLength={300}
            value={link.title}
            onChange={(event) => setLink({ ...link, title: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('plan.attachments.kind')}</label>
          <select
            id={`${id}-kind`}
            className="input"
            value={link.kind}
            onChange={(event) =>
              setLink({ ...link, kind: LINK_KINDS.find((k) => k === event.target.value) ?? 'other' })
            }
          >
            {LINK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`plan.attachments.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {t('plan.attachments.addLink')}
          </button>
        </div>
      </form>
    </section>
  );
}
