import type { WebsocketProvider } from 'y-websocket';

/** Longest wait between two reconnect attempts. */
export const MAX_RECONNECT_DELAY_MS = 5_000;
/** y-websocket's first wait; it doubles with every failed attempt. */
const FIRST_DELAY_MS = 200;

/**
 * The wait before reconnect attempt `attempt` (1 = the first after a close): exponential backoff
 * from 200 ms up to {@link MAX_RECONNECT_DELAY_MS}, of which a random half is dropped ("equal
 * jitter"), so 250 phones that lost the core at the same moment do not all come back in the same
 * millisecond after a restart.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_RECONNECT_DELAY_MS);
  return base / 2 + random() * (base / 2);
}

/**
 * Gives a y-websocket provider jittered reconnects. y-websocket waits
 * `min(2^attempts × 100 ms, maxBackoffTime)` and has no jitter of its own; it announces each
 * close with `connection-close` just before it counts the attempt and sets the timer, so the
 * jittered wait (never above its own) is put into `maxBackoffTime` there. Returns a function that
 * removes the hook.
 */
export function jitterReconnects(
  provider: WebsocketProvider,
  random: () => number = Math.random,
): () => void {
  const onClose = (): void => {
    provider.maxBackoffTime = reconnectDelayMs(provider.wsUnsuccessfulReconnects + 1, random);
  };
  provider.maxBackoffTime = MAX_RECONNECT_DELAY_MS;
  provider.on('connection-close', onClose);
  return () => provider.off('connection-close', onClose);
}
