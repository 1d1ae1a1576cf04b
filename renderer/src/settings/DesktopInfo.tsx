import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/contract.js';
import { getDesktop } from '../platform/desktop.js';

type Info = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; info: AppInfo };

/** Version and data folder of the desktop app, or a note that this is the browser. */
export function DesktopInfo() {
  const { t } = useTranslation();
  const headingId = useId();
  const desktop = getDesktop();
  const [info, setInfo] = useState<Info>({ state: 'loading' });

  useEffect(() => {
    if (!desktop) {
      return;
    }
    let current = true;
    desktop.getAppInfo().then(
      (result) => current && setInfo({ state: 'ready', info: result }),
      (error: unknown) => {
        console.warn('Could not load the desktop app info.', error);
        if (current) {
          setInfo({ state: 'failed' });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [desktop]);

  let body;
  if (!desktop) {
    body = <p>{t('settings.desktop.browser')}</p>;
  } else if (info.state === 'loading') {
    body = <p className="muted">{t('settings.desktop.loading')}</p>;
  } else if (info.state === 'failed') {
    body = <p className="message message--warning">{t('settings.desktop.failed')}</p>;
  } else {
    const rows = [
      [t('settings.desktop.version'), info.info.version],
      [t('settings.desktop.electron'), info.info.electron],
      [t('settings.desktop.platform'), info.info.platform],
      [t('settings.desktop.dataDir'), info.info.dataDir],
    ] as const;
    body = (
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd>
              <code>{value}</code>
            </dd>
          </div>
        ))}
      </dl>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('settings.desktop.heading')}</h2>
      {body}
    </section>
  );
}
