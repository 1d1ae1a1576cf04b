import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthResponse } from '../../../shared/api/contract.js';
import { getHealth } from '../api/coreApi.js';

type Health = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; health: HealthResponse };

/**
 * The core's version and the store files it could not read whole, so an organiser notices damage
 * before an event rather than during it.
 */
export function WorkspaceInfo() {
  const { t } = useTranslation();
  const headingId = useId();
  const [health, setHealth] = useState<Health>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    getHealth().then(
      (result) => current && setHealth({ state: 'ready', health: result }),
      (error: unknown) => {
        console.warn('Could not load the workspace health.', error);
        if (current) {
          setHealth({ state: 'failed' });
        }
      },
    );
    return () => {
      current = false;
    };
  }, []);

  let body;
  if (health.state === 'loading') {
    body = <p className="muted">{t('settings.workspace.loading')}</p>;
  } else if (health.state === 'failed') {
    body = <p className="message message--warning">{t('settings.workspace.unavailable')}</p>;
  } else {
    const { version, problems } = health.health;
    body = (
      <>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('settings.workspace.version')}</dt>
            <dd>{version}</dd>
          </div>
        </dl>
        {problems.length === 0 ? (
          <p>{t('settings.workspace.noProblems')}</p>
        ) : (
          <>
            <h3>{t('settings.workspace.problemsHeading')}</h3>
            <ul className="problem-list">
              {problems.map((problem) => (
                <li key={problem.file}>
                  <code>{problem.file}</code> ({t(`settings.workspace.${problem.kind}`)}): {problem.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('settings.workspace.heading')}</h2>
      {body}
    </section>
  );
}
