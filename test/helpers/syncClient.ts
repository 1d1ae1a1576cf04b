import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A Node y-websocket client connected to a core, as a browser would connect. */
export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the core is done. */
  synced: Promise<void>;
  destroy(): void;
}

/** Connects a new Y.Doc to `docName` on the core at `origin` with the given token. */
export function connectSyncClient(
  origin: string,
  token: string,
  docName: string,
  doc = new Y.Doc(),
): SyncClient {
  const provider = new WebsocketProvider(origin.replace(/^http/, 'ws') + '/yjs', docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) {
      resolve();
      return;
    }
    const onSync = (isSynced: boolean): void => {
      if (isSynced) {
        provider.off('sync', onSync);
        resolve();
      }
    };
    provider.on('sync', onSync);
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `predicate` holds, checking every 10 ms, or fails after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Waits until the core itself holds what `predicate` looks for in `docName`, read through a second,
 * fresh client (a writer's own copy says nothing about what reached the core).
 */
export async function waitForCoreDoc(
  origin: string,
  token: string,
  docName: string,
  predicate: (doc: Y.Doc) => boolean,
  what: string,
): Promise<void> {
  const reader = connectSyncClient(origin, token, docName);
  try {
    await reader.synced;
    await waitFor(() => predicate(reader.doc), 20_000, `${what} to reach the core`);
  } finally {
    reader.destroy();
  }
}
