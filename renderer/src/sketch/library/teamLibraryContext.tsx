import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { docNameFor } from '../../../../shared/docs/docName.js';
import type { LibraryEntry } from '../../../../shared/sketch/library/savedLibrary.js';
import {
  readTeamLibrary,
  removeFromTeam,
  shareWithTeam,
  type ShareRefusal,
} from '../../../../shared/sketch/library/teamLibrary.js';
import { getSharedDoc, retainSharedDoc } from '../../sync/sharedDoc.js';
import { versionedReading } from '../../sync/versionedReading.js';

/** The event's team library as the library panel uses it. */
export interface TeamLibrary {
  /** The event's title, for the section's heading. */
  readonly eventTitle: string;
  /** The valid entries, newest first. */
  readonly entries: readonly LibraryEntry[];
  /** Entries left out because they are malformed. */
  readonly skipped: number;
  /** Shares an entry from this device; why not, or null when it is shared. */
  share(entry: LibraryEntry): ShareRefusal | null;
  /** Removes an entry from the team library. */
  remove(id: string): void;
}

const TeamLibraryContext = createContext<TeamLibrary | null>(null);

/** The team library of the sketchnote's event, or null when there is none (or this session may not use it). */
export function useTeamLibrary(): TeamLibrary | null {
  return useContext(TeamLibraryContext);
}

/** The team library, read once per document version. */
const readingOf = versionedReading(readTeamLibrary);

const NOTHING = { entries: [], skipped: 0 };
const noSubscription = (): (() => void) => () => undefined;

/**
 * Opens the event's team library (`event-library/<eventId>`) live for the panel below it, when
 * there is an event (`null`: none, or this session may not use it; the core refuses the document
 * to everyone but the event's organisers and recorders). The tree below stays mounted either way.
 */
export function TeamLibraryProvider({
  event,
  children,
}: {
  event: { id: string; title: string } | null;
  children: ReactNode;
}) {
  const name = event === null ? null : docNameFor('event-library', event.id);
  const shared = name === null ? null : getSharedDoc(name);
  useEffect(() => (name === null ? undefined : retainSharedDoc(name)), [name]);
  const getReading = useCallback(() => (shared ? readingOf(shared) : NOTHING), [shared]);
  const reading = useSyncExternalStore(shared?.subscribe ?? noSubscription, getReading);
  const title = event?.title ?? '';
  const value = useMemo<TeamLibrary | null>(
    () =>
      shared && {
        eventTitle: title,
        entries: reading.entries,
        skipped: reading.skipped,
        share: (entry) => shareWithTeam(shared.doc, entry),
        remove: (id) => removeFromTeam(shared.doc, id),
      },
    [title, reading, shared],
  );
  return <TeamLibraryContext.Provider value={value}>{children}</TeamLibraryContext.Provider>;
}
