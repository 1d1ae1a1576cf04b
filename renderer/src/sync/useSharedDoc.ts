import { useEffect } from 'react';
import type { DocName } from '../../../shared/docs/docName.js';
import { getSharedDoc, retainSharedDoc, type SharedDoc } from './sharedDoc.js';

/** The named document, kept open and syncing while the calling component is mounted. */
export function useSharedDoc(name: DocName): SharedDoc {
  const shared = getSharedDoc(name);
  useEffect(() => retainSharedDoc(name), [name]);
  return shared;
}
