import type { ChatMessage } from '../../../shared/pad/padLayout.js';

/**
 * Unread chat messages: those after the last one this person saw, not written by them. "Seen" is
 * a count of messages (the chat only grows), remembered per pad on this device so a reload does
 * not bring back old ones.
 */
export function unreadCount(messages: readonly ChatMessage[], seen: number, userId: string): number {
  return messages.slice(Math.max(0, seen)).filter((m) => m.author !== userId).length;
}

const KEY = 'mitschrift:chat-seen:';

/** How many messages of this pad's chat this device has seen. */
export function loadSeen(padId: string): number {
  try {
    const value = Number(localStorage.getItem(`${KEY}${padId}`));
    return Number.isInteger(value) && value >= 0 ? value : 0;
  } catch {
    return 0;
  }
}

/** Remembers that this device has seen `count` messages of the pad's chat. */
export function storeSeen(padId: string, count: number): void {
  try {
    localStorage.setItem(`${KEY}${padId}`, String(count));
  } catch {
    // Private mode without storage: the badge just counts from this visit.
  }
}
