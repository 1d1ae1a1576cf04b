import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventJoinUrl } from '../../../shared/api/eventTokenContract.js';
import { useSession } from '../api/session.js';
import { useShareStatus } from '../share/NetworkShare.js';
import { createToken, listTokens } from '../share/shareApi.js';

/** What the wall's QR code can carry. */
export type WallJoin =
  | { kind: 'loading' }
  /** A participant join link (role `edit`) at an address other devices reach. */
  | { kind: 'ready'; url: string }
  /** Only this computer reaches the core: the organiser has to share it on the network first. */
  | { kind: 'unreachable' }
  /** This session may not hand out links (only the workspace owner does), or asking failed. */
  | { kind: 'unavailable' };

/**
 * The participants' join link for the wall's QR code: the event's participant link labelled for
 * the wall (made on first use, so revoking it in the share panel takes the wall's code off too),
 * on the address phones can reach. Never the owner's token, never a read-only one; where nothing
 * but loopback is reachable there is no link, and the wall says so instead of showing a dead code.
 */
export function useWallJoinUrl(eventId: string): WallJoin {
  const { t } = useTranslation();
  const session = useSession();
  const owner = session?.role === 'owner';
  const [status] = useShareStatus(owner);
  const joinBase = status?.joinBase;
  const label = t('wallDay.joinLabel');
  // Only the link itself is state (it comes from the core); the rest follows from the session and
  // the share status. Keyed, so a link made for another address is never shown.
  const key = `${eventId} ${joinBase ?? ''}`;
  const [made, setMade] = useState<{ key: string; url: string | null } | null>(null);

  useEffect(() => {
    if (!owner || joinBase === undefined || joinBase === null) {
      return undefined;
    }
    let cancelled = false;
    void (async () => {
      const { tokens } = await listTokens(eventId);
      const existing = tokens.find(
        (token) =>
          token.role === 'edit' && token.revoked === null && token.token !== null && token.label === label,
      );
      const token = existing ?? (await createToken(eventId, 'edit', label));
      if (!cancelled) {
        setMade({ key, url: token.token === null ? null : eventJoinUrl(joinBase, eventId, token.token) });
      }
    })().catch(() => {
      if (!cancelled) {
        setMade({ key, url: null });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [owner, joinBase, eventId, label, key]);

  if (session === null || (owner && joinBase === undefined)) {
    return { kind: 'loading' };
  }
  if (!owner) {
    return { kind: 'unavailable' };
  }
  if (joinBase === null) {
    return { kind: 'unreachable' };
  }
  if (made === null || made.key !== key) {
    return { kind: 'loading' };
  }
  return made.url === null ? { kind: 'unavailable' } : { kind: 'ready', url: made.url };
}
