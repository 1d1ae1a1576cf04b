import { describe, expect, it } from 'vitest';
import {
  hasPendingEdits,
  initialConnectionState,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionState,
} from '../../../renderer/src/sync/connectionState.js';

/** Folds a sequence of provider events, the way the shared document feeds them in. */
function run(events: ConnectionEvent[], from: ConnectionState = initialConnectionState): ConnectionState {
  return events.reduce(reduceConnection, from);
}

// The sequences below are the ones y-websocket 3 emits (see closeWebsocketConnection and setupWS).
const connect: ConnectionEvent[] = [
  { type: 'status', status: 'connecting' },
  { type: 'status', status: 'connected' },
  { type: 'sync', synced: true },
];
const drop: ConnectionEvent[] = [
  { type: 'connection-close' },
  { type: 'sync', synced: false },
  { type: 'status', status: 'disconnected' },
];
const failedAttempt: ConnectionEvent[] = [
  { type: 'status', status: 'connecting' },
  { type: 'connection-close' },
];

describe('reduceConnection', () => {
  it('starts as connecting and is online only once connected and synced', () => {
    expect(initialConnectionState.phase).toBe('connecting');
    expect(run(connect.slice(0, 1)).phase).toBe('connecting');
    const open = run(connect.slice(0, 2));
    expect(open.phase).toBe('connecting');
    expect(open.socketOpen).toBe(true);
    const online = run(connect);
    expect(online.phase).toBe('online');
    expect(online.everSynced).toBe(true);
  });

  it('goes offline when the connection drops', () => {
    const state = run([...connect, ...drop]);
    expect(state.phase).toBe('offline');
    expect(state.socketOpen).toBe(false);
    expect(state.attemptFailed).toBe(false);
  });

  it('is reconnecting while a new attempt runs after having been connected', () => {
    const attempt = run([...connect, ...drop, { type: 'status', status: 'connecting' }]);
    expect(attempt.phase).toBe('reconnecting');
    const open = reduceConnection(attempt, { type: 'status', status: 'connected' });
    expect(open.phase).toBe('reconnecting');
    expect(reduceConnection(open, { type: 'sync', synced: true }).phase).toBe('online');
  });

  it('stays offline through repeated failed attempts instead of flickering', () => {
    const afterFailure = run([...connect, ...drop, ...failedAttempt]);
    expect(afterFailure.phase).toBe('offline');
    expect(afterFailure.attemptFailed).toBe(true);
    const retrying = run(
      [...failedAttempt, ...failedAttempt, { type: 'status', status: 'connecting' }],
      afterFailure,
    );
    expect(retrying.phase).toBe('offline');
    // Once a socket opens again it is a reconnection in progress, then online.
    const open = reduceConnection(retrying, { type: 'status', status: 'connected' });
    expect(open.phase).toBe('reconnecting');
    expect(reduceConnection(open, { type: 'sync', synced: true }).phase).toBe('online');
  });

  it('shows offline when the very first attempt fails, without ever claiming to reconnect', () => {
    const state = run(failedAttempt);
    expect(state.phase).toBe('offline');
    expect(state.everConnected).toBe(false);
    expect(run([{ type: 'status', status: 'connecting' }], state).phase).toBe('offline');
    expect(run([{ type: 'status', status: 'connected' }], state).phase).toBe('connecting');
  });

  it('counts local edits made while not online and clears them on the next sync', () => {
    const offline = run([...connect, ...drop, { type: 'local-update' }, { type: 'local-update' }]);
    expect(offline.pendingLocalUpdates).toBe(2);
    expect(hasPendingEdits(offline)).toBe(true);

    const reconnecting = run([{ type: 'status', status: 'connecting' }, { type: 'local-update' }], offline);
    expect(reconnecting.pendingLocalUpdates).toBe(3);
    expect(hasPendingEdits(reconnecting)).toBe(true);

    const online = run(
      [
        { type: 'status', status: 'connected' },
        { type: 'sync', synced: true },
      ],
      reconnecting,
    );
    expect(online.pendingLocalUpdates).toBe(0);
    expect(hasPendingEdits(online)).toBe(false);
  });

  it('does not count edits made while online: they are sent at once', () => {
    const online = run(connect);
    const state = reduceConnection(online, { type: 'local-update' });
    expect(state).toBe(online);
    expect(state.pendingLocalUpdates).toBe(0);
  });

  it('ignores a sync report while no socket is open', () => {
    const offline = run([...connect, ...drop]);
    expect(reduceConnection(offline, { type: 'sync', synced: true })).toBe(offline);
  });

  it('leaves online when the document reports it is no longer synced', () => {
    const online = run(connect);
    expect(reduceConnection(online, { type: 'sync', synced: false }).phase).toBe('reconnecting');
  });
});
