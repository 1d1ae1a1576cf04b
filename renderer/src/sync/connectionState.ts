/**
 * What the header says about the sync connection of one Yjs document, derived purely from the
 * y-websocket provider's events so it can be unit-tested without a socket.
 *
 * Phases as people see them:
 * - `connecting`: the first connection attempt since the page opened is under way.
 * - `online`: the socket is open and the document has synced with the core.
 * - `offline`: the connection dropped, or attempts keep failing. Local edits still land in the
 *   document (and IndexedDB) and are sent once the connection is back.
 * - `reconnecting`: after having been connected, a new attempt is under way or the socket is open
 *   again but not yet synced.
 *
 * y-websocket retries with a backoff of at most a few seconds, and an attempt against a stopped
 * core fails within milliseconds. If every retry flipped the phase to `reconnecting` and back, the
 * header (and the screen reader's live region) would flicker every few seconds. So once an attempt
 * has failed we stay `offline` until a socket actually opens.
 */

/** The phase the UI shows. */
type ConnectionPhase = 'connecting' | 'online' | 'offline' | 'reconnecting';

/** Everything the reducer remembers about one document's connection. */
export interface ConnectionState {
  phase: ConnectionPhase;
  /** The socket is open (y-websocket's `wsconnected`). */
  socketOpen: boolean;
  /** A socket has been open at least once since the page opened. */
  everConnected: boolean;
  /** The document has synced with the core at least once since the page opened. */
  everSynced: boolean;
  /** The last attempt closed before its socket opened. */
  attemptFailed: boolean;
  /** Local document updates made while not online; they are sent on the next sync. */
  pendingLocalUpdates: number;
}

/** The provider and document events the reducer understands. */
export type ConnectionEvent =
  | { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
  | { type: 'connection-close' }
  | { type: 'sync'; synced: boolean }
  | { type: 'local-update' };

/** The state before the provider has reported anything. */
export const initialConnectionState: ConnectionState = {
  phase: 'connecting',
  socketOpen: false,
  everConnected: false,
  everSynced: false,
  attemptFailed: false,
  pendingLocalUpdates: 0,
};

/** Folds one provider or document event into the connection state. */
export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'status':
      switch (event.status) {
        case 'connecting':
          return {
            ...state,
            socketOpen: false,
            phase: state.attemptFailed ? 'offline' : state.everConnected ? 'reconnecting' : 'connecting',
          };
        case 'connected':
          return {
            ...state,
            socketOpen: true,
            everConnected: true,
            attemptFailed: false,
            // Open is not yet online: the document still has to exchange its state with the core.
            phase: state.everConnected ? 'reconnecting' : 'connecting',
          };
        case 'disconnected':
          return { ...state, socketOpen: false, phase: 'offline' };
      }
      return state;
    case 'connection-close':
      // y-websocket reports every closed socket; one that never opened is a failed attempt, one
      // that was open is a dropped connection (followed by a `disconnected` status).
      return { ...state, socketOpen: false, attemptFailed: !state.socketOpen, phase: 'offline' };
    case 'sync':
      if (event.synced) {
        if (!state.socketOpen) {
          return state;
        }
        return { ...state, phase: 'online', everSynced: true, pendingLocalUpdates: 0 };
      }
      if (state.phase === 'online') {
        return { ...state, phase: state.socketOpen ? 'reconnecting' : 'offline' };
      }
      return state;
    case 'local-update':
      if (state.phase === 'online') {
        return state;
      }
      return { ...state, pendingLocalUpdates: state.pendingLocalUpdates + 1 };
  }
}

/** Whether the header should mention local edits that have not reached the core yet. */
export function hasPendingEdits(state: ConnectionState): boolean {
  return state.phase !== 'online' && state.pendingLocalUpdates > 0;
}
