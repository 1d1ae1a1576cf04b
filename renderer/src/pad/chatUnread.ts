import type { ChatMessage } from '../../../shared/pad/padLayout.js';

/**
 * Unread chat messages: those after the last one this person saw, not written by them. "Seen" is
 * a count of messages (the chat only grows).
 */
export function unreadCount(messages: readonly ChatMessage[], seen: number, userId: string): number {
  return messages.slice(Math.max(0, seen)).filter((m) => m.author !== userId).length;
}
