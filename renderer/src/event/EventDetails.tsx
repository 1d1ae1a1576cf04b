import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventIndexEntry } from '../../../shared/docs/workspaceLayout.js';
import { restoreEvent } from '../../../shared/event/eventIndexChanges.js';
import { routePatterns } from '../../../shared/routes/deepLinks.js';
import { PageHeading } from '../components/PageHeading.js';
import { formatDateTime } from '../i18n/formatDate.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { Announcer } from './Announcer.js';
import { formatDays } from './formatPlan.js';
import { PadTemplateEditor } from './PadTemplateEditor.js';
import { PlanBoard } from './PlanBoard.js';
import { PlanHistoryProvider } from './PlanHistoryProvider.js';
import { UndoNotice } from './UndoNotice.js';
import { PlanImport } from './PlanImport.js';
import { ProposalsPanel } from './ProposalsPanel.js';
import { printPath } from './routes.js';
import { useEventDoc } from './useEventDoc.js';
import './event.css';
import type { SharedDoc } from '../sync/sharedDoc.js';
import type { SessionInfo } from '../../../shared/api/padContract.js';
import { EventSharePanel } from '../share/EventSharePanel.js';
import { EventActions } from './EventActions.js';
import { EventEntry } from './EventEntry.js';
import { EventSettings } from './EventSettings.js';
import { BundleButton } from './BundleDialog.js';
import { ExportPanel } from './ExportPanel.js';
import { PeopleEditor } from './PeopleEditor.js';
import { PublishPanel } from './PublishPanel.js';
import { ProjectorLink } from './ProjectorLink.js';
import { RoomsEditor } from './RoomsEditor.js';
import { SlotsEditor } from './SlotsEditor.js';

/** The parts of the event page; `?view=` keeps the choice in the address. */
const VIEWS = ['plan', 'proposals', 'setup', 'people', 'files', 'share'] as const;
type View = (typeof VIEWS)[number];

/**
 * Which parts a session sees: the owner all; an organiser all but the workspace's setup; others the
 * plan (never the people, whose document the core refuses them).
 */
function viewsFor(session: SessionInfo): readonly View[] {
  if (session.role === 'owner') {
    return VIEWS;
  }
  if (session.docs.event === 'write') {
    // The people list (contact details) only where the core lets this session open it.
    return session.docs['event-people'] === 'write'
      ? ['plan', 'proposals', 'people', 'files', 'share']
      : ['plan', 'proposals', 'files', 'share'];
  }
  return ['plan'];
}

function viewFromUrl(views: readonly View[]): View {
  const value = new URLSearchParams(window.location.search).get('view');
  return views.find((v) => v === value) ?? 'plan';
}

/**
 * One event: its entry as this session may read it (see EventEntry), its plan from its own live
 * document, editable or watched as the session says.
 */
export function EventDetails({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  return (
    <EventEntry eventId={eventId}>
      {(state) => {
        if (state.kind === 'ready') {
          return (
            <Announcer>
              <EventPage
                key={state.entry.id}
                entry={state.entry}
                workspace={state.workspace}
                session={state.session}
              />
            </Announcer>
          );
        }
        const title = state.kind === 'missing' ? t('event.notFoundTitle') : t('event.loading');
        return (
          <>
            <PageHeading title={title} />
            {state.kind === 'missing' && <p>{t('event.notFound')}</p>}
            {state.kind === 'offline' && <p>{t('event.notYetHere')}</p>}
            <p>
              <Link to={routePatterns.events}>{t('common.backToEvents')}</Link>
            </p>
          </>
        );
      }}
    </EventEntry>
  );
}

function EventPage({
  entry,
  workspace,
  session,
}: {
  entry: EventIndexEntry;
  /** The workspace index; null for a join link (which cannot open it). */
  workspace: SharedDoc | null;
  session: SessionInfo;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { shared, snapshot } = useEventDoc(entry.id);
  const views = viewsFor(session);
  const readOnly = session.docs.event !== 'write';
  const [view, setView] = useState<View>(() => viewFromUrl(views));

  // The view lives in the address (a link can open it) but switching it is not a navigation: focus
  // stays on the chosen link instead of jumping to the page heading.
  const choose = (next: View) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    setView(next);
    const url = new URL(window.location.href);
    url.searchParams.set('view', next);
    window.history.replaceState(window.history.state, '', url.pathname + url.search);
  };
  const showSetup = (): void => {
    setView('setup');
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?view=setup`);
  };

  const facts = [formatDays(snapshot.meta.days, language), snapshot.meta.venue.trim()].filter(Boolean);
  const title = entry.title.trim() || entry.id;

  return (
    <PlanHistoryProvider doc={shared.doc}>
      <div className="event-page">
        {workspace !== null && (
          <p className="breadcrumb">
            <Link to={routePatterns.events}>{t('common.backToEvents')}</Link>
          </p>
        )}
        <div className="event-head">
          <div className="event-head__text">
            <PageHeading title={title} />
            {snapshot.meta.motto.trim() !== '' && <p className="event-head__motto">{snapshot.meta.motto}</p>}
            <p className="muted event-head__facts">
              {facts.length > 0 ? facts.join(' · ') : null}
              {facts.length > 0 ? ' · ' : null}
              <time dateTime={entry.createdAt}>
                {t('common.createdAt', { date: formatDateTime(entry.createdAt, language) })}
              </time>
            </p>
          </div>
          <div className="event-head__tools">
            <ProjectorLink eventId={entry.id} />
            <Link to={printPath(entry.id)} className="button button--quiet">
              {t('plan.print.open')}
            </Link>
          </div>
        </div>
        {readOnly && <p className="message">{t('readOnly.plan')}</p>}
        {entry.deletedAt !== undefined && workspace !== null && (
          <div className="message message--warning event-trashed">
            <p>{t('event.deleted', { date: formatDateTime(entry.deletedAt, language) })}</p>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => restoreEvent(workspace.doc, entry.id)}
            >
              {t('plan.trash.restore')}
            </button>
          </div>
        )}
        {views.length > 1 && (
          <nav className="view-nav" aria-label={t('plan.view.label')}>
            <ul>
              {views.map((v) => (
                <li key={v}>
                  <a href={`?view=${v}`} aria-current={view === v ? 'page' : undefined} onClick={choose(v)}>
                    {v === 'share' ? t('share.tab') : t(`plan.view.${v}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {view === 'plan' && (
          <PlanBoard doc={shared.doc} snapshot={snapshot} onOpenSetup={showSetup} readOnly={readOnly} />
        )}
        {view === 'share' && (
          <div className="event-view--narrow">
            <EventSharePanel eventId={entry.id} eventTitle={title} />
          </div>
        )}
        {view !== 'plan' && view !== 'share' && (
          <div className="event-view--narrow">
            {view === 'proposals' && <ProposalsPanel doc={shared.doc} snapshot={snapshot} />}
            {view === 'setup' && workspace !== null && (
              <>
                <EventSettings entry={entry} workspace={workspace} doc={shared.doc} snapshot={snapshot} />
                <PadTemplateEditor eventId={entry.id} doc={shared.doc} snapshot={snapshot} />
                <RoomsEditor doc={shared.doc} snapshot={snapshot} />
                <SlotsEditor doc={shared.doc} snapshot={snapshot} />
                <EventActions entry={entry} workspace={workspace} snapshot={snapshot} />
              </>
            )}
            {view === 'people' && <PeopleEditor eventId={entry.id} />}
            {view === 'files' && (
              <>
                <ExportPanel eventId={entry.id} />
                <BundleButton
                  eventId={entry.id}
                  sessions={snapshot.sessions.map((s) => ({ id: s.id, title: s.title }))}
                />
                <PublishPanel eventId={entry.id} owner={session.role === 'owner'} />
                <PlanImport target={{ kind: 'merge', eventId: entry.id }} />
              </>
            )}
          </div>
        )}
        <UndoNotice snapshot={snapshot} />
      </div>
    </PlanHistoryProvider>
  );
}
