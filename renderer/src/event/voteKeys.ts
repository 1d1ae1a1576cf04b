/**
 * Keys of the vote counter during the session pitch: one hand on the keyboard, eyes on the room.
 * `+`/`-` and the arrow keys count by one, Page Up/Down by five, Home resets, digits type the count.
 */

/** What a key press does to the count. */
export type VoteKeyAction =
  { kind: 'add'; delta: number } | { kind: 'set'; value: number } | { kind: 'digit'; digit: number };

/** The action of a key (KeyboardEvent.key), or null if the counter does not handle it. */
export function voteKeyAction(key: string): VoteKeyAction | null {
  switch (key) {
    case '+':
    case 'ArrowUp':
      return { kind: 'add', delta: 1 };
    case '-':
    case '−':
    case 'ArrowDown':
      return { kind: 'add', delta: -1 };
    case 'PageUp':
      return { kind: 'add', delta: 5 };
    case 'PageDown':
      return { kind: 'add', delta: -5 };
    case 'Home':
      return { kind: 'set', value: 0 };
    default:
      return /^[0-9]$/.test(key) ? { kind: 'digit', digit: Number(key) } : null;
  }
}

/** Digits typed within this time form one number ("2", "3" → 23). */
const DIGIT_WINDOW_MS = 1200;

/** The count after typing a digit: appended to a number typed just before, else a new number. */
export function typedCount(
  previous: { value: number; at: number } | null,
  digit: number,
  now: number,
): number {
  if (previous !== null && now - previous.at <= DIGIT_WINDOW_MS && previous.value < 1000) {
    return previous.value * 10 + digit;
  }
  return digit;
}
