import { useSyncExternalStore } from 'react';
import type { ConnectionState } from './connectionState.js';
import type { SharedDoc } from './sharedDoc.js';

/** The live connection state of an open document. */
export function useConnectionState(shared: SharedDoc): ConnectionState {
  return useSyncExternalStore(shared.subscribe, shared.getConnection);
}
