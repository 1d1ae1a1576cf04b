import { Navigate, useLocation, useParams } from 'react-router';
import { idSchema } from '../../../shared/docs/docName.js';
import { eventNowPath } from '../../../shared/routes/deepLinks.js';
import { InvalidLink } from '../components/InvalidLink.js';
import { PARTICIPANT_ROLES, useSessionInfo } from '../participant/useSessionRole.js';
import { EventDetails } from './EventDetails.js';

/**
 * The `/e/:eventId` route: checks the id, then shows the event. A participant's join link (role
 * `edit` or `view`) lands here too; they get "Jetzt / Als Nächstes" instead of the planning view.
 */
export function EventView() {
  const { eventId = '' } = useParams();
  const { search } = useLocation();
  const info = useSessionInfo();
  if (!idSchema.safeParse(eventId).success) {
    return <InvalidLink />;
  }
  if (info === undefined) {
    return null;
  }
  // `?view=` is an explicit choice (the finder's "Ganzer Plan" link): the read-only plan.
  if (info !== null && PARTICIPANT_ROLES.has(info.role) && !new URLSearchParams(search).has('view')) {
    const at = new URLSearchParams(search).get('at') ?? undefined;
    return <Navigate to={eventNowPath(eventId, at)} replace />;
  }
  return <EventDetails eventId={eventId} />;
}
