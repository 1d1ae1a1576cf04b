import { useEffect, useState } from 'react';
import { sessionInfoSchema, type SessionInfo } from '../../../shared/api/padContract.js';
import { request } from '../api/coreApi.js';

/** Roles that take part in an event rather than run it: their join link lands on "Jetzt / Als Nächstes". */
export const PARTICIPANT_ROLES: ReadonlySet<SessionInfo['role']> = new Set(['edit', 'view']);

/**
 * Who this browser is (`GET /api/session`): undefined while asking, null when the core cannot be
 * reached (offline: the page shows what it has).
 */
export function useSessionInfo(): SessionInfo | null | undefined {
  const [info, setInfo] = useState<SessionInfo | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    request('session', sessionInfoSchema).then(
      (loaded) => !cancelled && setInfo(loaded),
      () => !cancelled && setInfo(null),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return info;
}
