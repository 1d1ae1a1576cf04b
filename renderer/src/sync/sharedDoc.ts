import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { DocName } from '../../../shared/docs/docName.js';
import { SYNC_PREFIX } from '../../../shared/routes/deepLinks.js';
import { caretColourFor, colourForUser } from '../../../shared/pad/authorColours.js';
import { getDisplayName, getUserId } from '../platform/preferences.js';
import {
  initialConnectionState,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionState,
} from './connectionState.js';
import { jitterReconnects } from './reconnectJitter.js';
import { storageNamespace } from './storageNamespace.js';

/**
 * One open Yjs document: synced with the core over y-websocket, copied to IndexedDB so edits
 * survive a reload while offline, and observable from React through `subscribe` plus the
 * snapshot getters (for useSyncExternalStore).
 */
export interface SharedDoc {
  readonly name: DocName;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Connection state, tracked from the moment the document opened. */
  getConnection(): ConnectionState;
  /** Grows with every change to the document, so derived data knows when to recompute. */
  getVersion(): number;
  /** How many other clients currently have this document open. */
  getOthers(): number;
  /** Calls `listener` after any change to the connection, the document or who is present. */
  subscribe(listener: () => void): () => void;
}

/** Keep an unused document open this long, so moving between views does not reconnect. */
const IDLE_CLOSE_MS = 5_000;

interface Entry {
  shared: SharedDoc;
  refs: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
  destroy(): void;
}

const open = new Map<DocName, Entry>();

function syncServerUrl(): string {
  // Same origin as the page, so the session cookie goes along with the WebSocket handshake.
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${SYNC_PREFIX}`;
}

/** Who this device is to others: stable id, display name (may be empty) and colours. */
export interface PresenceUser {
  id: string;
  name: string;
  /** The pastel authorship colour (`#rrggbb`), also used for selections. */
  color: string;
  /** A dark shade of it for carets and outlines. */
  caret: string;
}

/** This device's presence, as it is shown in every open document. */
export function localPresenceUser(name = getDisplayName()): PresenceUser {
  const id = getUserId();
  const color = colourForUser(id);
  return { id, name: name.trim(), color, caret: caretColourFor(color) };
}

function applyName(provider: WebsocketProvider, name: string): void {
  provider.awareness.setLocalStateField('user', localPresenceUser(name));
}

function create(name: DocName): Entry {
  const doc = new Y.Doc();
  // Not connected yet: the listeners below must see the provider's very first status.
  const provider = new WebsocketProvider(syncServerUrl(), name, doc, { connect: false });
  // After a core restart every open tab reconnects: spread them out.
  jitterReconnects(provider);
  const listeners = new Set<() => void>();
  let connection = initialConnectionState;
  let version = 0;
  let others = 0;
  let persistence: IndexeddbPersistence | null = null;
  let destroyed = false;

  const notify = (): void => {
    for (const listener of listeners) {
      listener();
    }
  };
  const dispatch = (event: ConnectionEvent): void => {
    const next = reduceConnection(connection, event);
    if (next !== connection) {
      connection = next;
      notify();
    }
  };

  provider.on('status', ({ status }) => dispatch({ type: 'status', status }));
  provider.on('connection-close', () => dispatch({ type: 'connection-close' }));
  provider.on('sync', (synced) => dispatch({ type: 'sync', synced }));
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    version += 1;
    // Updates from the core (or another tab, relayed by the provider) and those loaded from the
    // local copy are not edits waiting to be sent; everything else was made here.
    if (origin !== provider && (persistence === null || origin !== persistence)) {
      dispatch({ type: 'local-update' });
    }
    notify();
  });
  provider.awareness.on('change', () => {
    const count = Math.max(0, provider.awareness.getStates().size - 1);
    if (count !== others) {
      others = count;
      notify();
    }
  });
  applyName(provider, getDisplayName());
  provider.connect();

  void storageNamespace().then((namespace) => {
    if (namespace !== null && !destroyed) {
      persistence = new IndexeddbPersistence(`mitschrift:${namespace}:${name}`, doc);
    }
  });

  const shared: SharedDoc = {
    name,
    doc,
    provider,
    getConnection: () => connection,
    getVersion: () => version,
    getOthers: () => others,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    shared,
    refs: 0,
    idleTimer: null,
    destroy() {
      destroyed = true;
      listeners.clear();
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
    },
  };
}

function scheduleClose(name: DocName, entry: Entry): void {
  if (entry.idleTimer !== null) {
    clearTimeout(entry.idleTimer);
  }
  entry.idleTimer = setTimeout(() => {
    if (entry.refs === 0 && open.get(name) === entry) {
      open.delete(name);
      entry.destroy();
    }
  }, IDLE_CLOSE_MS);
}

/** The open document with this name, opening it if needed. Closes by itself unless retained. */
export function getSharedDoc(name: DocName): SharedDoc {
  let entry = open.get(name);
  if (!entry) {
    entry = create(name);
    open.set(name, entry);
    // Opened during a render that React may throw away; without a retain it closes again.
    scheduleClose(name, entry);
  }
  return entry.shared;
}

/** Keeps a document open until the returned release function is called. */
export function retainSharedDoc(name: DocName): () => void {
  getSharedDoc(name);
  const entry = open.get(name);
  if (!entry) {
    return () => undefined;
  }
  entry.refs += 1;
  if (entry.idleTimer !== null) {
    clearTimeout(entry.idleTimer);
    entry.idleTimer = null;
  }
  let released = false;
  return () => {
    if (released) {
      return;
    }
    released = true;
    entry.refs -= 1;
    if (entry.refs === 0) {
      scheduleClose(name, entry);
    }
  };
}

/** Shows a new display name to everyone in the currently open documents. */
export function broadcastDisplayName(name: string): void {
  for (const entry of open.values()) {
    applyName(entry.shared.provider, name.trim());
  }
}
