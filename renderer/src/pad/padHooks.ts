import { useCallback, useEffect, useSyncExternalStore } from 'react';
import {
  hexColourSchema,
  readAuthors,
  readChat,
  setAuthor,
  type ChatMessage,
  type PadAuthor,
} from '../../../shared/pad/padLayout.js';
import type { SharedDoc } from '../sync/sharedDoc.js';
import { versionedReading } from '../sync/versionedReading.js';

/** Someone who has the pad open right now (from awareness). */
export interface PresentUser {
  clientId: number;
  id: string;
  name: string;
  color: string;
  caret: string;
  isSelf: boolean;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

function readPresence(shared: SharedDoc): PresentUser[] {
  const awareness = shared.provider.awareness;
  const self = awareness.clientID;
  const byId = new Map<string, PresentUser>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: Record<string, unknown> | null }).user;
    if (!user || typeof user.id !== 'string') {
      continue;
    }
    const entry: PresentUser = {
      clientId,
      id: user.id.slice(0, 64),
      name: typeof user.name === 'string' ? user.name.slice(0, 60) : '',
      color: typeof user.color === 'string' && HEX.test(user.color) ? user.color : '#dddddd',
      caret: typeof user.caret === 'string' && HEX.test(user.caret) ? user.caret : '#4a5260',
      isSelf: clientId === self,
    };
    const existing = byId.get(entry.id);
    // The same person in two tabs is listed once (as "you" if one of them is this tab).
    if (!existing || entry.isSelf) {
      byId.set(entry.id, entry);
    }
  }
  return [...byId.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name),
  );
}

const presenceCache = new WeakMap<SharedDoc, { key: string; users: PresentUser[] }>();

/** Everyone who has the pad open right now, this tab first. */
export function usePresence(shared: SharedDoc): PresentUser[] {
  const subscribe = useCallback(
    (listener: () => void) => {
      shared.provider.awareness.on('change', listener);
      return () => shared.provider.awareness.off('change', listener);
    },
    [shared],
  );
  const snapshot = useCallback(() => {
    const users = readPresence(shared);
    const key = JSON.stringify(users);
    const cached = presenceCache.get(shared);
    if (cached && cached.key === key) {
      return cached.users;
    }
    presenceCache.set(shared, { key, users });
    return users;
  }, [shared]);
  return useSyncExternalStore(subscribe, snapshot);
}

const authorsOf = versionedReading(readAuthors);
const chatOf = versionedReading(readChat);

/** The pad's authors (id → name and colour), live. */
export function usePadAuthors(shared: SharedDoc): Map<string, PadAuthor> {
  const snapshot = useCallback(() => authorsOf(shared), [shared]);
  return useSyncExternalStore(shared.subscribe, snapshot);
}

/** The pad's chat, live. */
export function usePadChat(shared: SharedDoc): ChatMessage[] {
  const snapshot = useCallback(() => chatOf(shared), [shared]);
  return useSyncExternalStore(shared.subscribe, snapshot);
}

/**
 * Keeps this person's entry in the pad's authors map current (name and colour), so their text
 * stays named after they leave. Written only with edit access and once the pad has synced, and
 * re-checked when the map changes (a concurrent older entry may win a merge).
 */
export function useRegisterAuthor(
  shared: SharedDoc,
  me: { id: string; name: string; color: string },
  enabled: boolean,
  synced: boolean,
): void {
  const authors = usePadAuthors(shared);
  const current = authors.get(me.id);
  const stale = current === undefined || current.name !== me.name || current.colour !== me.color;
  useEffect(() => {
    if (!enabled || !synced || !stale || !hexColourSchema.safeParse(me.color).success) {
      return;
    }
    setAuthor(shared.doc, me.id, { name: me.name, colour: me.color });
  }, [enabled, synced, stale, shared, me.id, me.name, me.color]);
}
