import { useParams } from 'react-router';
import { idSchema } from '../../../shared/docs/docName.js';
import { InvalidLink } from '../components/InvalidLink.js';
import { EventDetails } from './EventDetails.js';

/** The `/e/:eventId` route: checks the id, then shows the event. */
export function EventView() {
  const { eventId = '' } = useParams();
  if (!idSchema.safeParse(eventId).success) {
    return <InvalidLink />;
  }
  return <EventDetails eventId={eventId} />;
}
