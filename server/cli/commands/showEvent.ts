import { parseArgs } from 'node:util';
import type { EventDetail } from '../../../shared/api/eventContract.js';
import { readEventDetail } from '../../plan/eventService.js';
import { withWorkspace } from '../../plan/storeAccess.js';
import { UsageError, dataDirFrom, requireWorkspace, type CommandUsage } from './cliCommand.js';

/** Usage of `event show`. */
export const showEventUsage: CommandUsage = {
  usage: 'mitschrift event show EVENT --data DIR [--json]',
  summary: "Show an event's rooms, slots, sessions and conflicts.",
};

/** `mitschrift event show EVENT --data DIR [--json]`: the plan as text, or as EventDetail JSON. */
export async function showEventCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [id, ...extra] = positionals;
  if (!id || extra.length) {
    throw new UsageError('show takes exactly one EVENT id.');
  }
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  const detail = withWorkspace(dataDir, (access) => readEventDetail(access, id));
  if (!detail) {
    console.error(
      `mitschrift event show: there is no event "${id}" in ${dataDir}. \`mitschrift event list\` shows the ids.`,
    );
    return 1;
  }
  console.info(values.json ? JSON.stringify(detail, null, 2) : describe(detail));
  return 0;
}

function describe(detail: EventDetail): string {
  const lines = [
    `${detail.title} (${detail.id}), created ${detail.createdAt}, time zone ${detail.timeZone}`,
    `Rooms: ${detail.rooms.map((r) => r.name).join(', ') || 'none'}`,
    `Sessions: ${detail.sessions.length}`,
  ];
  for (const s of detail.sessions) {
    const place =
      s.start && s.end
        ? `${s.start.slice(0, 16).replace('T', ' ')}-${s.end.slice(11, 16)}  ${s.room ?? ''}`
        : '(not scheduled)';
    const votes = s.votes === null ? '' : `  [${s.votes} votes]`;
    const status = s.status === 'cancelled' ? '  CANCELLED' : '';
    const sketch = s.sketchId === null ? '' : `  [sketch ${s.sketchId}]`;
    lines.push(
      `  ${place}  ${s.title}${s.hosts.length ? ` (${s.hosts.join(', ')})` : ''}${votes}${status}${sketch}`,
    );
  }
  for (const c of detail.conflicts) {
    lines.push(`conflict: ${c.message}`);
  }
  for (const p of detail.problems) {
    lines.push(`problem in the document: ${p.path}: ${p.message}`);
  }
  return lines.join('\n');
}
