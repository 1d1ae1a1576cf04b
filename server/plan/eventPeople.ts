import type * as Y from 'yjs';
import { docNameFor, type DocName } from '../../shared/docs/docName.js';
import { copyPeopleOut, dropPeople, holdsPeople } from '../../shared/event/movePeople.js';
import type { EventPeople } from '../../shared/event/peopleSnapshot.js';
import { mergePeople, readPeople } from '../../shared/event/readPeople.js';
import type { CoreLogger } from '../core/coreTypes.js';
import { describeError } from '../storage/updateLog.js';
import type { DocRegistry } from '../sync/docRegistry.js';

const EVENT_PREFIX = 'event/';

/**
 * Keeps contact details out of the plan that every join link reads: whenever the core loads an
 * event document that still holds people or the organisers' contact (written by an older version),
 * it copies them into the event's people document (`event-people/<eventId>`, organisers only),
 * makes that durable, then deletes them from the event document and compacts its log, so neither
 * what a participant syncs nor the event's file keeps them. This runs before anyone uses the
 * document (a lifecycle hook), so no connection ever receives them. If the copy cannot be written,
 * nothing is deleted and the next load tries again. Returns a function that stops it.
 */
export function separatePeople(registry: DocRegistry, logger: CoreLogger): () => void {
  return registry.observe({
    opened(shared) {
      if (!shared.name.startsWith(EVENT_PREFIX) || !holdsPeople(shared.doc)) {
        return;
      }
      const target = docNameFor('event-people', shared.name.slice(EVENT_PREFIX.length));
      try {
        const copied = registry.change(target, (doc) => copyPeopleOut(shared.doc, doc));
        let dropped = 0;
        shared.doc.transact(() => {
          dropped = dropPeople(shared.doc);
        }, 'core');
        shared.compact();
        logger.info(
          `Moved the people of "${shared.name}" to "${target}" (${dropped} value(s), ${copied} new there): only organisers open it.`,
        );
      } catch (error) {
        logger.error(
          `Moving the people of "${shared.name}" to "${target}" failed; they stay until the next load: ${describeError(error)}`,
        );
      }
    },
  });
}

/** How {@link readEventPeople} reaches documents: the DocRegistry in the core, the locked store in the CLI. */
export interface PeopleAccess {
  read<T>(name: DocName, read: (doc: Y.Doc) => T): T;
  /** Whether a document exists (reading one that does not would create it). */
  exists(name: DocName): boolean;
}

/**
 * An event's people for the bundle's privacy step: those of its people document, and those an event
 * document of an older version still holds (the CLI reads a workspace without moving anything).
 * The event document is read first: in the core, loading it moves its people over (see
 * {@link separatePeople}), and the people document read next has them.
 */
export function readEventPeople(access: PeopleAccess, eventId: string): EventPeople {
  const legacy = access.read(docNameFor('event', eventId), readPeople);
  const name = docNameFor('event-people', eventId);
  const current = access.exists(name)
    ? access.read(name, readPeople)
    : { people: [], organiserContact: '', problems: [] };
  return mergePeople(current, legacy);
}
