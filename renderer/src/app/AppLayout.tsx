import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { eventPath, routePatterns } from '../../../shared/routes/deepLinks.js';
import { useSession } from '../api/session.js';
import { ConnectionStatus } from '../components/ConnectionStatus.js';
import { LanguageToggle } from '../components/LanguageToggle.js';
import { useSharedDoc } from '../sync/useSharedDoc.js';
import { currentDocName } from './currentDocName.js';
import { requestsNewEventFocus } from './focusRequest.js';

const MAIN_ID = 'main';

// A fragment link would also work, but would add "#main" to the address and to the history.
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById(MAIN_ID)?.focus();
}

/** The app chrome around every view except the wall: skip link, header, navigation, main area. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const shared = useSharedDoc(currentDocName(location.pathname));
  const focusedFor = useRef(location.key);
  // A join link opens one event, not the workspace's list of events: "home" is that event.
  const session = useSession();
  const joined = session !== null && session.docs.workspace === 'none' && session.eventId !== null;
  const home = joined && session.eventId !== null ? eventPath(session.eventId) : routePatterns.events;

  useEffect(() => {
    // On the first load focus stays at the top, where the skip link is. After an in-app navigation
    // it moves to the new view's heading, as a full page load would announce the new page.
    // Keyed by location so a re-run of the effect (StrictMode, re-render) does not steal focus.
    if (focusedFor.current === location.key) {
      return;
    }
    focusedFor.current = location.key;
    if (requestsNewEventFocus(location.state)) {
      return;
    }
    document.querySelector<HTMLElement>(`#${MAIN_ID} h1`)?.focus();
  }, [location.key, location.state]);

  return (
    <div className="app">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToMain}>
        {t('skipLink')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to={home} className="brand">
            {t('app.name')}
          </Link>
          <nav className="app-nav" aria-label={t('nav.label')}>
            <ul>
              <li>
                <NavLink to={home} end>
                  {joined ? t('nav.event') : t('nav.events')}
                </NavLink>
              </li>
              <li>
                <NavLink to={routePatterns.settings}>{t('nav.settings')}</NavLink>
              </li>
            </ul>
          </nav>
          <div className="app-header__tools">
            <ConnectionStatus shared={shared} />
            <LanguageToggle />
          </div>
        </div>
      </header>
      <main id={MAIN_ID} className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
