import { getHealth } from '../api/coreApi.js';

/**
 * IndexedDB is per origin, but one origin (say 127.0.0.1:4711) can serve different workspaces over
 * time. Keyed by document name alone, a cached `workspace` document from one workspace would be
 * merged into another on the next sync. So local copies are namespaced by the core's data folder
 * (the owner sees it), or by the workspace's opaque id (read-along links do not).
 */

let pending: Promise<string | null> | null = null;

/** The namespace for local copies, or null when the core could not say which workspace it serves. */
export function storageNamespace(): Promise<string | null> {
  pending ??= getHealth().then(
    (health) => health.dataDir ?? health.workspaceId,
    (error: unknown) => {
      console.warn('No local copies this time: the workspace could not be identified.', error);
      // Ask again next time a document opens; the core may just have been unreachable.
      pending = null;
      return null;
    },
  );
  return pending;
}
