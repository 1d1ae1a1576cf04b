import { useEffect, useState, type ReactNode } from 'react';
import { eventDetailSchema } from '../../../shared/api/eventContract.js';
import type { SessionInfo } from '../../../shared/api/padContract.js';
import type { EventIndexEntry } from '../../../shared/docs/workspaceLayout.js';
import { request } from '../api/coreApi.js';
import { useSession } from '../api/session.js';
import type { SharedDoc } from '../sync/sharedDoc.js';
import { useConnectionState } from '../sync/useConnectionState.js';
import { useEventIndex } from '../sync/useEventIndex.js';

/**
 * What a screen about one event knows of the event's entry (id, title, creation time) before it can
 * show it. The owner reads it from the workspace index; a join link may not open the workspace, so
 * it asks the core (`GET /api/events/:id`) instead. Every event screen (the page, the wall, the
 * printout) goes through here, so each works for every role that may read the event.
 */
export type EventEntryState =
  | { kind: 'loading' }
  /** Never synced and offline: the event may exist, this device has not seen it yet. */
  | { kind: 'offline' }
  /** The index or the core said: no such event (or not for this link). */
  | { kind: 'missing' }
  /** Known; `workspace` is the owner's index, null for a join link. */
  | { kind: 'ready'; entry: EventIndexEntry; session: SessionInfo; workspace: SharedDoc | null };

/** Renders `children` with the state of the event's entry, read the way this session may read it. */
export function EventEntry({
  eventId,
  children,
}: {
  eventId: string;
  children: (state: EventEntryState) => ReactNode;
}) {
  const session = useSession();
  if (session === null) {
    return children({ kind: 'loading' });
  }
  if (session.docs.workspace === 'none') {
    return (
      <JoinedEntry eventId={eventId} session={session}>
        {children}
      </JoinedEntry>
    );
  }
  return (
    <OwnedEntry eventId={eventId} session={session}>
      {children}
    </OwnedEntry>
  );
}

interface EntryProps {
  eventId: string;
  session: SessionInfo;
  children: (state: EventEntryState) => ReactNode;
}

function JoinedEntry({ eventId, session, children }: EntryProps) {
  const [state, setState] = useState<EventEntryState>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    request(`events/${encodeURIComponent(eventId)}`, eventDetailSchema).then(
      (detail) =>
        !cancelled &&
        setState({
          kind: 'ready',
          entry: { id: detail.id, title: detail.title, createdAt: detail.createdAt },
          session,
          workspace: null,
        }),
      () => !cancelled && setState({ kind: 'missing' }),
    );
    return () => {
      cancelled = true;
    };
  }, [eventId, session]);
  return children(state);
}

function OwnedEntry({ eventId, session, children }: EntryProps) {
  const { workspace, entries } = useEventIndex();
  const connection = useConnectionState(workspace);
  const entry = entries.find((candidate) => candidate.id === eventId);
  if (entry) {
    return children({ kind: 'ready', entry, session, workspace });
  }
  if (connection.everSynced) {
    return children({ kind: 'missing' });
  }
  return children({ kind: connection.phase === 'offline' ? 'offline' : 'loading' });
}
