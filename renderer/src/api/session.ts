import { useEffect, useState } from 'react';
import { sessionInfoSchema, type SessionInfo } from '../../../shared/api/padContract.js';
import { NetworkError, request } from './coreApi.js';

/**
 * Who this browser is to the core (`GET /api/session`): the owner or a join link's role, and per
 * kind of document whether it may change it, only watch it, or not open it. Every view decides
 * from this whether it shows an editor or a viewer, so what the core's access table says is what
 * the screen offers.
 */

/** The owner's session: what the app assumes while the core has never been reached. */
const OWNER_SESSION: SessionInfo = {
  access: 'edit',
  role: 'owner',
  eventId: null,
  label: null,
  tokenId: null,
  docs: {
    workspace: 'write',
    event: 'write',
    'event-people': 'write',
    'event-library': 'write',
    pad: 'write',
    sketch: 'write',
  },
};

const STORAGE_KEY = 'mitschrift.session';

let pending: Promise<SessionInfo> | null = null;
let known: SessionInfo | null = null;

function remembered(): SessionInfo | null {
  try {
    const parsed = sessionInfoSchema.safeParse(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The session, asked once per page load. Offline, the one this tab last saw (so a viewer stays a
 * viewer), else the owner's (the desktop app works offline on its own documents).
 */
function loadSession(): Promise<SessionInfo> {
  pending ??= request('session', sessionInfoSchema).then(
    (session) => {
      known = session;
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
      } catch {
        // Storage may be off (private mode); the session is asked again next load anyway.
      }
      return session;
    },
    (error: unknown) => {
      pending = null;
      if (error instanceof NetworkError) {
        return remembered() ?? OWNER_SESSION;
      }
      throw error;
    },
  );
  return pending;
}

/** The session once known (null while it loads; an unreadable answer counts as read-only). */
export function useSession(): SessionInfo | null {
  const [session, setSession] = useState<SessionInfo | null>(known);
  useEffect(() => {
    let cancelled = false;
    loadSession().then(
      (loaded) => !cancelled && setSession(loaded),
      (error: unknown) => {
        console.error('The session could not be read; showing everything read-only.', error);
        if (!cancelled) {
          setSession({
            ...OWNER_SESSION,
            access: 'view',
            role: 'view',
            docs: {
              workspace: 'none',
              event: 'read',
              'event-people': 'none',
              'event-library': 'none',
              pad: 'read',
              sketch: 'read',
            },
          });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return session;
}
