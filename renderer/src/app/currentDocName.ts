import { matchPath } from 'react-router';
import { docNameFor, idSchema, WORKSPACE_DOC, type DocName } from '../../../shared/docs/docName.js';
import { routePatterns } from '../../../shared/routes/deepLinks.js';

/** The document whose connection the header reports on this path: the event, pad or sketch shown, else the workspace. */
export function currentDocName(pathname: string): DocName {
  const event = matchPath(routePatterns.event, pathname)?.params.eventId;
  if (event !== undefined && idSchema.safeParse(event).success) {
    return docNameFor('event', event);
  }
  const pad = matchPath(routePatterns.pad, pathname)?.params.sessionId;
  if (pad !== undefined && idSchema.safeParse(pad).success) {
    return docNameFor('pad', pad);
  }
  const sketch = matchPath(routePatterns.sketch, pathname)?.params.sketchId;
  if (sketch !== undefined && idSchema.safeParse(sketch).success) {
    return docNameFor('sketch', sketch);
  }
  return WORKSPACE_DOC;
}
