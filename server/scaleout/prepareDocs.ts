import type { ServerResponse } from 'node:http';
import { docNameFor, WORKSPACE_DOC, type DocName } from '../../shared/docs/docName.js';
import { listEvents } from '../../shared/docs/workspaceIndex.js';
import type { RouteParams } from '../access/accessCheck.js';
import type { CoreLogger } from '../core/coreTypes.js';
import { describeError } from '../storage/updateLog.js';
import type { DocRegistry } from '../sync/docRegistry.js';

/**
 * Loads, before a request or upgrade is checked and answered, every document it may read
 * synchronously: the workspace index, every event (access checks and templates look a pad's or
 * sketchnote's session up across events), and the pad, sketchnote or event the path names (and the
 * live document an upgrade opens). On a single node this costs nothing (files are read on open).
 */
export async function prepareDocsFor(
  registry: DocRegistry,
  params: RouteParams,
  live?: DocName,
): Promise<void> {
  await registry.prepare([WORKSPACE_DOC]);
  const names: DocName[] = registry
    .read(WORKSPACE_DOC, listEvents)
    .map((event) => docNameFor('event', event.id));
  if (params.eventId !== undefined) {
    names.push(docNameFor('event', params.eventId));
  }
  if (params.padId !== undefined) {
    names.push(docNameFor('pad', params.padId));
  }
  if (params.sessionId !== undefined) {
    // A session's id is its pad's (the access check finds its event through the pad).
    names.push(docNameFor('pad', params.sessionId));
  }
  if (params.sketchId !== undefined) {
    names.push(docNameFor('sketch', params.sketchId));
  }
  if (live !== undefined) {
    names.push(live);
  }
  await registry.prepare(names);
}

/**
 * Holds a response back until every change made so far is durable (scale-out: committed in
 * PostgreSQL), so no HTTP answer acknowledges what a dead node could lose. If that fails the
 * connection is dropped instead of answered: the client sees no success.
 */
export function answerWhenDurable(res: ServerResponse, registry: DocRegistry, logger: CoreLogger): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const held = (...args: unknown[]): ServerResponse => {
    registry.settle().then(
      () => end(...args),
      (error: unknown) => {
        logger.error(`A change could not be committed; the request is not answered: ${describeError(error)}`);
        res.destroy();
      },
    );
    return res;
  };
  res.end = held as ServerResponse['end'];
}
