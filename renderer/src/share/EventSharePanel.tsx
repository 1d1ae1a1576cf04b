import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  eventJoinUrl,
  eventRoleSchema,
  type EventRole,
  type EventTokenInfo,
} from '../../../shared/api/eventTokenContract.js';
import { ApiError } from '../api/coreApi.js';
import { useSession } from '../api/session.js';
import { NetworkShare, useShareStatus } from './NetworkShare.js';
import { CopyField } from '../components/CopyField.js';
import { FullscreenQr, QrImage } from '../components/QrCode.js';
import { createToken, listTokens, renameToken, revokeToken } from './shareApi.js';
import './share.css';

/** One join link: its label (renamable), address, QR code and the revoke button. */
function TokenRow({
  token,
  url,
  eventTitle,
  onChanged,
  onError,
}: {
  token: EventTokenInfo;
  url: string | null;
  eventTitle: string;
  onChanged: () => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [label, setLabel] = useState(token.label);
  const roleName = t(`share.role.${token.role}.name`);
  const name = token.label !== '' ? token.label : roleName;
  const alt = t('share.qr.alt', { role: roleName, label: name, event: eventTitle });
  const fail = (e: unknown): void => onError(e instanceof ApiError ? e.message : String(e));

  const rename = (event: FormEvent): void => {
    event.preventDefault();
    if (label.trim() === token.label) {
      return;
    }
    renameToken(token.eventId, token.id, label.trim()).then(onChanged, fail);
  };

  return (
    <li className="share-token">
      <form className="share-token__label" onSubmit={rename}>
        <div className="field">
          <label htmlFor={`${id}-label`}>{t('share.token.label')}</label>
          <input
            id={`${id}-label`}
            className="input"
            value={label}
            maxLength={100}
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--quiet">
          {t('share.token.rename')}
        </button>
      </form>
      {url !== null && (
        <>
          <CopyField label={t('share.token.link', { name })} value={url} />
          <QrImage text={url} alt={alt} className="share-qr" />
          <div className="share-token__actions">
            <FullscreenQr url={url} title={`${eventTitle}: ${name}`} alt={alt} />
          </div>
        </>
      )}
      <button
        type="button"
        className="button button--quiet share-token__revoke"
        onClick={() => {
          if (window.confirm(t('share.token.revokeConfirm', { name }))) {
            revokeToken(token.eventId, token.id).then(onChanged, fail);
          }
        }}
      >
        {t('share.token.revoke', { name })}
      </button>
    </li>
  );
}

/** The form that makes a new join link for a role. */
function NewToken({
  eventId,
  role,
  onCreated,
  onError,
}: {
  eventId: string;
  role: EventRole;
  onCreated: () => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [label, setLabel] = useState('');
  return (
    <form
      className="share-new"
      onSubmit={(event) => {
        event.preventDefault();
        createToken(eventId, role, label.trim()).then(
          () => {
            setLabel('');
            onCreated();
          },
          (e: unknown) => onError(e instanceof ApiError ? e.message : String(e)),
        );
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('share.new.label')}</label>
        <input
          id={`${id}-label`}
          className="input"
          value={label}
          maxLength={100}
          placeholder={t(`share.role.${role}.example`)}
          onChange={(e) => setLabel(e.target.value)}
        />
      </div>
      <button type="submit" className="button">
        {t('share.new.create', { role: t(`share.role.${role}.name`) })}
      </button>
    </form>
  );
}

/**
 * Sharing one event: for the workspace owner the network share first ("Im Netzwerk freigeben"),
 * then per role (organiser, recorder, participants, read along) its join links with QR codes, made,
 * renamed and revoked here. The owner's own token is never among them. While only this computer
 * can reach the core, the panel says so instead of showing links nobody else can open.
 */
export function EventSharePanel({ eventId, eventTitle }: { eventId: string; eventTitle: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const owner = session?.role === 'owner';
  const [status, setStatus, statusError] = useShareStatus(owner);
  const [tokens, setTokens] = useState<EventTokenInfo[] | null>(null);
  const [problem, setProblem] = useState('');

  const reload = useCallback(() => {
    listTokens(eventId).then(
      (list) => setTokens(list.tokens),
      (e: unknown) => setProblem(e instanceof ApiError ? e.message : t('share.loadFailed')),
    );
  }, [eventId, t]);
  useEffect(reload, [reload]);

  if (session === null || (owner && status === null)) {
    return <p>{statusError !== '' ? statusError : t('share.loading')}</p>;
  }
  return (
    <div className="share-panel">
      <h2>{t('share.heading')}</h2>
      {owner && status !== null && <NetworkShare status={status} onStatus={setStatus} />}
      {problem !== '' && (
        <p role="alert" className="message message--error">
          {problem}
        </p>
      )}
      {owner && status?.joinBase === null && (
        <p className="message message--warning share-loopback">{t('share.loopbackOnly')}</p>
      )}
      {tokens === null ? (
        <p>{t('share.loading')}</p>
      ) : (
        <RoleLinks
          eventId={eventId}
          eventTitle={eventTitle}
          tokens={tokens}
          // The owner's links start with the reachable address (none while only loopback); a
          // remote organiser's are the core's answer for the address they use.
          links={owner ? { base: status?.joinBase ?? null } : 'as-answered'}
          reload={reload}
          onError={setProblem}
        />
      )}
    </div>
  );
}

/**
 * Per role its working links, made, renamed and revoked here. `links`: where they start (the
 * owner's reachable address, none while only loopback), or as the core answered for the address
 * this browser uses.
 */
function RoleLinks({
  eventId,
  eventTitle,
  tokens,
  links,
  reload,
  onError,
}: {
  eventId: string;
  eventTitle: string;
  tokens: EventTokenInfo[];
  links: { base: string | null } | 'as-answered';
  reload: () => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const urlOf = (token: EventTokenInfo): string | null => {
    if (token.token === null) {
      return null;
    }
    if (links === 'as-answered') {
      return token.url;
    }
    return links.base === null ? null : eventJoinUrl(links.base, token.eventId, token.token);
  };
  const revoked = tokens.filter((tk) => tk.revoked !== null);
  return (
    <>
      {eventRoleSchema.options.map((role) => {
        const mine = tokens.filter((tk) => tk.role === role && tk.revoked === null);
        return (
          <section key={role} className="share-role" aria-labelledby={`share-role-${role}`}>
            <h3 id={`share-role-${role}`}>{t(`share.role.${role}.name`)}</h3>
            <p className="hint">{t(`share.role.${role}.what`)}</p>
            {mine.length === 0 ? (
              <p className="muted">{t('share.none')}</p>
            ) : (
              <ul className="share-tokens">
                {mine.map((token) => (
                  <TokenRow
                    key={token.id}
                    token={token}
                    url={urlOf(token)}
                    eventTitle={eventTitle}
                    onChanged={reload}
                    onError={onError}
                  />
                ))}
              </ul>
            )}
            <NewToken eventId={eventId} role={role} onCreated={reload} onError={onError} />
          </section>
        );
      })}
      {revoked.length > 0 && (
        <details className="share-revoked">
          <summary>{t('share.revoked.heading', { count: revoked.length })}</summary>
          <ul>
            {revoked.map((token) => (
              <li key={token.id}>
                {t(`share.role.${token.role}.name`)}
                {token.label !== '' ? `: ${token.label}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
