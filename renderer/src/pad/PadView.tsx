import { useParams } from 'react-router';
import { idSchema } from '../../../shared/docs/docName.js';
import { InvalidLink } from '../components/InvalidLink.js';
import { PadPage } from './PadPage.js';

/** The `/pad/:sessionId` route: checks the id, then shows the session's notes pad. */
export function PadView() {
  const { sessionId = '' } = useParams();
  if (!idSchema.safeParse(sessionId).success) {
    return <InvalidLink />;
  }
  // Keyed by id, so moving to another pad starts with fresh state.
  return <PadPage key={sessionId} padId={sessionId} />;
}
