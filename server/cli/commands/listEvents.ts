import { parseArgs } from 'node:util';
import type { EventListResponse } from '../../../shared/api/contract.js';
import { listEventSummaries } from '../../plan/eventService.js';
import { withWorkspace } from '../../plan/storeAccess.js';
import { UsageError, dataDirFrom, requireWorkspace, type CommandUsage } from './cliCommand.js';

/** Usage of `event list`. */
export const listEventsUsage: CommandUsage = {
  usage: 'mitschrift event list --data DIR [--json]',
  summary: 'List the events of a workspace, newest first.',
};

/** `mitschrift event list --data DIR [--json]`: one event per line (id, created, title), or JSON. */
export async function listEventsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length) {
    throw new UsageError(`list takes no arguments, not "${positionals.join(' ')}".`);
  }
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  const events = withWorkspace(dataDir, listEventSummaries);
  if (values.json) {
    const body: EventListResponse = { events };
    console.info(JSON.stringify(body, null, 2));
  } else if (events.length === 0) {
    console.info('No events.');
  } else {
    for (const event of events) {
      console.info(`${event.id}  ${event.createdAt}  ${event.title}`);
    }
  }
  return 0;
}
