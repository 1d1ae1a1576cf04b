import { useEffect, useState, type ReactNode } from 'react';
import { sketchSessionSchema } from '../../../shared/api/sketchContract.js';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { DocName } from '../../../shared/docs/docName.js';
import { eventPath, routePatterns } from '../../../shared/routes/deepLinks.js';
import { request } from '../api/coreApi.js';
import { useSession } from '../api/session.js';
import { ConnectionStatus } from '../components/ConnectionStatus.js';
import { LanguageToggle } from '../components/LanguageToggle.js';
import { useSharedDoc } from '../sync/useSharedDoc.js';
import { readSketchLinkState } from './sketchLinkState.js';

/**
 * The sketchnote's window: the canvas fills it, as in Excalidraw or Procreate, under one slim title
 * bar that keeps the way back, the session's title, the connection and the language in view. No
 * site header or page title above it; in focus mode (`focus`) the title bar goes too.
 */
export function SketchWindow({
  docName,
  focus = false,
  actions,
  children,
}: {
  /** The sketchnote's document, for the connection status; null while access is unknown or refused. */
  docName: DocName | null;
  focus?: boolean;
  /** The document's own actions (projector, export, panels, focus), at the title bar's end. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const link = readSketchLinkState(location.state);
  const session = useSession();
  const joined = session !== null && session.docs.workspace === 'none' && session.eventId !== null;
  const home = joined && session.eventId !== null ? eventPath(session.eventId) : routePatterns.events;
  const back = link.from ?? home;
  const planned = usePlannedTitle(link.title === undefined ? docName : null);
  const title = link.title ?? planned ?? t('sketch.title');

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  return (
    <div className={`sketch-window${focus ? ' sketch-window--focus' : ''}`}>
      {!focus && (
        <header className="sketch-window__head">
          <Link to={back} className="sketch-window__back">
            <span aria-hidden="true">← </span>
            {link.from ? t('sketch.window.back') : joined ? t('nav.event') : t('nav.events')}
          </Link>
          <h1 className="sketch-window__title" title={title}>
            {title}
          </h1>
          <div className="sketch-window__tools">
            {actions}
            {docName && <DocStatus name={docName} />}
            <LanguageToggle />
          </div>
        </header>
      )}
      <main id="main" className="sketch-window__main" tabIndex={-1}>
        {focus && <h1 className="visually-hidden">{title}</h1>}
        {children}
      </main>
    </div>
  );
}

/** The connection of the sketchnote's document (shared with the canvas: one connection per name). */
function DocStatus({ name }: { name: DocName }) {
  return <ConnectionStatus shared={useSharedDoc(name)} />;
}

/**
 * The title of the planned session a sketchnote documents, for a sketchnote opened by a deep link
 * (QR code, bookmark) that brought no title along; null while unknown or outside the plan.
 */
function usePlannedTitle(docName: DocName | null): string | null {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    if (docName === null || !docName.startsWith('sketch/')) {
      return;
    }
    let live = true;
    const sketchId = docName.slice('sketch/'.length);
    request(`sketches/${encodeURIComponent(sketchId)}/session`, sketchSessionSchema).then(
      (found) => live && setTitle(found.session?.title ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [docName]);
  return title;
}
