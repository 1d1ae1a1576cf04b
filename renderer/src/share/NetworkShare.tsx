import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareStatus } from '../../../shared/api/shareContract.js';
import { ApiError } from '../api/coreApi.js';
import { getShareStatus, startShare, stopShare } from './shareApi.js';

/** How often the panel asks who is connected while it is open. */
const POLL_MS = 2000;

/** The addresses that can be shared: not loopback, not IPv6 link-local; IPv4 first. */
function shareable(status: ShareStatus): { value: string; label: string }[] {
  return status.interfaces
    .flatMap((i) =>
      i.addresses
        .filter((a) => !a.internal && !a.linkLocal)
        .map((a) => ({ value: a.address, label: `${i.name}: ${a.address}`, v4: a.family === 'IPv4' })),
    )
    .sort((a, b) => Number(b.v4) - Number(a.v4))
    .map(({ value, label }) => ({ value, label }));
}

/**
 * The share status, asked now and every few seconds while mounted (for the live count); only for
 * the workspace owner (`enabled`), the only one the core tells.
 */
export function useShareStatus(enabled: boolean): [ShareStatus | null, (next: ShareStatus) => void, string] {
  const [status, setStatus] = useState<ShareStatus | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    let cancelled = false;
    const load = (): void => {
      getShareStatus().then(
        (next) => {
          if (!cancelled) {
            setStatus(next);
            setError('');
          }
        },
        (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
      );
    };
    load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [enabled]);
  return [status, setStatus, error];
}

/**
 * "Im Netzwerk freigeben" (the workspace owner only): choose the interface of the venue's network,
 * start and stop the second listener, and see how many devices are connected per role.
 */
export function NetworkShare({
  status,
  onStatus,
}: {
  status: ShareStatus;
  onStatus: (next: ShareStatus) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const options = shareable(status);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const address = chosen !== '' ? chosen : (status.sharing?.address ?? options[0]?.value ?? '');

  const run = (action: () => Promise<ShareStatus>): void => {
    setBusy(true);
    setProblem('');
    action().then(
      (next) => {
        onStatus(next);
        setBusy(false);
      },
      (e: unknown) => {
        setProblem(e instanceof ApiError ? e.message : t('share.network.failed'));
        setBusy(false);
      },
    );
  };

  const total = Object.values(status.connected).reduce((sum, c) => sum + c.devices, 0);
  return (
    <section className="share-network" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('share.network.heading')}</h3>
      <p className="hint">{t('share.network.intro')}</p>
      {options.length === 0 ? (
        <p className="message message--warning">{t('share.network.noInterface')}</p>
      ) : (
        <div className="share-network__controls">
          <div className="field">
            <label htmlFor={`${id}-address`}>{t('share.network.interface')}</label>
            <select
              id={`${id}-address`}
              className="input"
              value={address}
              onChange={(e) => setChosen(e.target.value)}
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          {status.sharing === null || status.sharing.address !== address ? (
            <button
              type="button"
              className="button button--primary"
              aria-disabled={busy}
              onClick={() => !busy && address !== '' && run(() => startShare(address))}
            >
              {t('share.network.start')}
            </button>
          ) : null}
          {status.sharing !== null && (
            <button
              type="button"
              className="button"
              aria-disabled={busy}
              onClick={() => !busy && run(stopShare)}
            >
              {t('share.network.stop')}
            </button>
          )}
        </div>
      )}
      <p role="status" className="message-slot">
        {status.sharing !== null
          ? t('share.network.sharing', { origin: status.sharing.origin, name: status.sharing.interface })
          : ''}
      </p>
      {problem !== '' && (
        <p role="alert" className="message message--error">
          {problem}
        </p>
      )}
      <h4>{t('share.connected.heading')}</h4>
      <p className="share-connected" aria-live="polite">
        {t('share.connected.total', { count: total })}
      </p>
      <ul className="share-connected__roles">
        {(['organiser', 'recorder', 'edit', 'view'] as const).map((role) => (
          <li key={role}>
            {t(`share.role.${role}.name`)}:{' '}
            {t('share.connected.devices', { count: status.connected[role].devices })}
          </li>
        ))}
      </ul>
    </section>
  );
}
