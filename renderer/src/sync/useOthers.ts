import { useSyncExternalStore } from 'react';
import type { SharedDoc } from './sharedDoc.js';

/** How many other clients have the document open right now. */
export function useOthers(shared: SharedDoc): number {
  return useSyncExternalStore(shared.subscribe, shared.getOthers);
}
