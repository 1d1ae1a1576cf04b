import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  licenceListSchema,
  organisationListSchema,
  publishSettingsInfoSchema,
  publishStatusSchema,
  type PublishSettingsInfo,
  type PublishStatus,
} from '../../../shared/api/publishContract.js';
import { ApiError, request } from '../api/coreApi.js';

/** How often a running publication is asked for its progress. */
const POLL_MS = 500;

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/**
 * "Veröffentlichen": the event's documentation on the city's open-data portal (CKAN). The owner
 * sets the portal, the organisation (from the portal, for the token's user), the profile and the
 * API token, which goes into the core and never comes back (the panel only learns whether one is
 * set). Publishing runs in the core: progress per file, "Abbrechen", the dataset's link at the end,
 * failures in plain words. A dry run shows what would change.
 */
export function PublishPanel({ eventId, owner }: { eventId: string; owner: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [settings, setSettings] = useState<PublishSettingsInfo | null>(null);
  const [status, setStatus] = useState<PublishStatus | null>(null);
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!owner) {
      return undefined;
    }
    let live = true;
    request('publish/settings', publishSettingsInfoSchema).then(
      (loaded) => live && setSettings(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [owner]);

  useEffect(
    () => () => {
      if (timer.current !== null) {
        clearTimeout(timer.current);
      }
    },
    [],
  );

  const explain = (error: unknown): string =>
    error instanceof ApiError && error.code?.startsWith('ckan-')
      ? t('plan.publish.refused', { reason: error.message })
      : t('plan.publish.failed', { reason: error instanceof Error ? error.message : String(error) });

  const follow = (publishId: string): void => {
    timer.current = setTimeout(() => {
      request(`events/${encodeURIComponent(eventId)}/publications/${publishId}`, publishStatusSchema).then(
        (next) => {
          setStatus(next);
          if (next.state === 'running') {
            follow(publishId);
          }
        },
        (error: unknown) => setMessage(explain(error)),
      );
    }, POLL_MS);
  };

  const start = async (dryRun: boolean): Promise<void> => {
    setMessage('');
    try {
      const started = await request(
        `events/${encodeURIComponent(eventId)}/publications`,
        publishStatusSchema,
        json('POST', { dryRun }),
      );
      setStatus(started);
      follow(started.id);
    } catch (error) {
      setMessage(explain(error));
    }
  };

  const cancel = async (): Promise<void> => {
    if (!status) {
      return;
    }
    await request(
      `events/${encodeURIComponent(eventId)}/publications/${status.id}/cancel`,
      publishStatusSchema,
      json('POST'),
    ).then(setStatus, (error: unknown) => setMessage(explain(error)));
  };

  const running = status?.state === 'running';
  const sent = status?.files.filter((f) => f.state === 'sent' || f.state === 'skipped').length ?? 0;
  const configured = !owner || (settings !== null && settings.portal !== '' && settings.token === 'set');

  return (
    <section className="panel publish-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('plan.publish.title')}</h2>
      <p className="hint">{t('plan.publish.intro')}</p>
      {owner && settings && (
        <PublishSettingsForm
          settings={settings}
          onSaved={setSettings}
          onError={(e) => setMessage(explain(e))}
        />
      )}
      <div className="publish-panel__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={running || !configured}
          onClick={() => void start(false)}
        >
          {t('plan.publish.start')}
        </button>
        <button
          type="button"
          className="button"
          disabled={running || !configured}
          onClick={() => void start(true)}
        >
          {t('plan.publish.dryRun')}
        </button>
        {running && (
          <button type="button" className="button" onClick={() => void cancel()}>
            {t('plan.publish.cancel')}
          </button>
        )}
      </div>
      {!configured && <p className="hint">{t('plan.publish.notConfigured')}</p>}
      {status && (
        <div className="publish-panel__status">
          <progress
            max={Math.max(1, status.phase === 'bundle' ? status.total : status.files.length)}
            value={status.phase === 'bundle' ? status.done : sent}
            aria-label={t('plan.publish.progress')}
          />
          <p role="status">
            {status.state === 'running'
              ? status.phase === 'bundle'
                ? t('plan.publish.making', { done: status.done, total: status.total })
                : t('plan.publish.sending', { done: sent, total: status.files.length })
              : t(`plan.publish.state.${status.state}`, {
                  sent: status.files.filter((f) => f.state === 'sent').length,
                  skipped: status.files.filter((f) => f.state === 'skipped' || f.action === 'unchanged')
                    .length,
                })}
          </p>
          {status.error && (
            <p className="message message--error" role="alert">
              {t(`plan.publish.errors.${status.error.kind}`)} ({status.error.message})
            </p>
          )}
          {status.datasetUrl && status.state === 'done' && !status.dryRun && (
            <p>
              <a href={status.datasetUrl} target="_blank" rel="noreferrer">
                {t('plan.publish.datasetLink')}
              </a>
            </p>
          )}
        </div>
      )}
      {message !== '' && (
        <p className="message message--error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}

/** The owner's portal settings and token (the token field is write-only). */
function PublishSettingsForm({
  settings,
  onSaved,
  onError,
}: {
  settings: PublishSettingsInfo;
  onSaved: (next: PublishSettingsInfo) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [portal, setPortal] = useState(settings.portal);
  const [organisation, setOrganisation] = useState(settings.organisation);
  const [profile, setProfile] = useState(settings.profile);
  const [token, setToken] = useState('');
  const [organisations, setOrganisations] = useState<Array<{ name: string; title: string }>>([]);
  const [licence, setLicence] = useState(settings.licence);
  const [licences, setLicences] = useState<Array<{ id: string; title: string }>>([]);
  const [saved, setSaved] = useState('');

  const save = async (): Promise<void> => {
    setSaved('');
    try {
      let next = await request(
        'publish/settings',
        publishSettingsInfoSchema,
        json('PUT', { portal, organisation, licence, profile, maxMb: settings.maxMb }),
      );
      if (token.trim() !== '') {
        next = await request('publish/token', publishSettingsInfoSchema, json('PUT', { token }));
        setToken('');
      }
      onSaved(next);
      setSaved(t('plan.publish.saved'));
    } catch (error) {
      onError(error);
    }
  };

  const loadOrganisations = async (): Promise<void> => {
    try {
      setOrganisations((await request('publish/organisations', organisationListSchema)).organisations);
      setLicences((await request('publish/licences', licenceListSchema)).licences);
    } catch (error) {
      onError(error);
    }
  };

  return (
    <form
      className="publish-panel__settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`${id}-portal`}>{t('plan.publish.portal')}</label>
      <input
        id={`${id}-portal`}
        type="url"
        className="input"
        value={portal}
        placeholder="https://daten.stadt.example"
        onChange={(event) => setPortal(event.target.value)}
      />
      <label htmlFor={`${id}-token`}>
        {t('plan.publish.token')} (
        {settings.token === 'set' ? t('plan.publish.tokenSet') : t('plan.publish.tokenNotSet')})
      </label>
      <input
        id={`${id}-token`}
        type="password"
        className="input"
        autoComplete="off"
        value={token}
        onChange={(event) => setToken(event.target.value)}
      />
      <label htmlFor={`${id}-org`}>{t('plan.publish.organisation')}</label>
      <div className="publish-panel__org">
        {organisations.length > 0 ? (
          <select
            className="input input--select"
            id={`${id}-org`}
            value={organisation}
            onChange={(event) => setOrganisation(event.target.value)}
          >
            <option value="">{t('plan.publish.chooseOrganisation')}</option>
            {organisations.map((o) => (
              <option key={o.name} value={o.name}>
                {o.title || o.name}
              </option>
            ))}
          </select>
        ) : (
          <input
            className="input"
            id={`${id}-org`}
            value={organisation}
            onChange={(event) => setOrganisation(event.target.value)}
          />
        )}
        <button
          type="button"
          className="button"
          disabled={settings.token !== 'set'}
          onClick={() => void loadOrganisations()}
        >
          {t('plan.publish.loadOrganisations')}
        </button>
      </div>
      <label htmlFor={`${id}-licence`}>{t('plan.publish.licence')}</label>
      <select
        className="input input--select"
        id={`${id}-licence`}
        value={licence}
        onChange={(event) => setLicence(event.target.value)}
      >
        <option value="">{t('plan.publish.eventLicence')}</option>
        {licence !== '' && !licences.some((l) => l.id === licence) ? (
          <option value={licence}>{licence}</option>
        ) : null}
        {licences.map((l) => (
          <option key={l.id} value={l.id}>
            {l.title === l.id ? l.id : `${l.title} (${l.id})`}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-profile`}>{t('plan.publish.profile')}</label>
      <select
        className="input input--select"
        id={`${id}-profile`}
        value={profile}
        onChange={(event) => setProfile(event.target.value === 'internal' ? 'internal' : 'public')}
      >
        <option value="public">{t('plan.publish.profiles.public')}</option>
        <option value="internal">{t('plan.publish.profiles.internal')}</option>
      </select>
      <button type="submit" className="button">
        {t('plan.publish.save')}
      </button>
      <p role="status" className="hint">
        {saved}
      </p>
    </form>
  );
}
