import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import {
  eventJoinUrl,
  eventRoleSchema,
  tokenLabelSchema,
  type EventTokenList,
} from '../../../shared/api/eventTokenContract.js';
import { WORKSPACE_DOC } from '../../../shared/docs/docName.js';
import { listEvents } from '../../../shared/docs/workspaceIndex.js';
import { tokenInfo } from '../../http/tokenRoutes.js';
import { DocStore } from '../../storage/docStore.js';
import {
  createEventToken,
  readEventTokens,
  renameEventToken,
  revokeEventToken,
  type TokenRecord,
} from '../../storage/eventTokenStore.js';
import { normalisePublicUrl, readPublicUrl } from '../../storage/publicUrl.js';
import { readLogFile } from '../../storage/updateLog.js';
import { workspaceHolder } from '../../storage/workspaceLock.js';
import { UsageError, dataDirFrom, requireWorkspace, type CommandUsage } from './cliCommand.js';

/**
 * `mitschrift event share|tokens|revoke|rename-token`: an event's join links. Unlike the other event
 * commands these work beside a running core: they change only the join-link store
 * (server/storage/eventTokenStore.ts, with its own short lock), which the core re-reads at once, so a
 * link revoked here stops working in the core and its live connections are closed.
 */

/** Usage of `event share`. */
export const shareUsage: CommandUsage = {
  usage: 'mitschrift event share EVENT --role organiser|recorder|edit|view [--label L] [--url U] --data DIR',
  summary: 'Make a join link for a role on an event; prints the link on its last line.',
};
/** Usage of `event tokens`. */
export const tokensUsage: CommandUsage = {
  usage: 'mitschrift event tokens EVENT --data DIR [--url U] [--json]',
  summary: "List an event's join links (id, role, created, revoked, label, link).",
};
/** Usage of `event revoke`. */
export const revokeUsage: CommandUsage = {
  usage: 'mitschrift event revoke EVENT TOKEN --data DIR',
  summary: 'Revoke a join link; a running core closes its connections at once.',
};
/** Usage of `event rename-token`. */
export const renameTokenUsage: CommandUsage = {
  usage: 'mitschrift event rename-token EVENT TOKEN --label L --data DIR',
  summary: 'Give a join link a new label.',
};

/** `event share`: makes the link and prints it last (a warning first if it only works on this machine). */
export async function shareCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      label: { type: 'string', default: '' },
      url: { type: 'string' },
      data: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const eventId = oneEvent(positionals, 'share');
  const role = eventRoleSchema.safeParse(values.role);
  if (!role.success) {
    throw new UsageError(
      values.role === undefined
        ? '--role is missing (organiser, recorder, edit or view).'
        : `--role must be organiser, recorder, edit or view, not "${values.role}".`,
    );
  }
  const label = checkedLabel(values.label);
  const dataDir = existingEvent(values.data, eventId);
  const base = joinBase(dataDir, values.url);
  const record = createEventToken(dataDir, eventId, role.data, label);
  console.info(
    `Made join link ${record.id} for role ${record.role} on event ${eventId}${label ? ` ("${label}")` : ''}.`,
  );
  if (base.warning) {
    console.warn(base.warning);
  }
  console.info(eventJoinUrl(base.url, eventId, record.secret));
  return 0;
}

/** `event tokens`: one line per link, oldest first, or the API's JSON. */
export async function tokensCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      url: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const eventId = oneEvent(positionals, 'tokens');
  const dataDir = existingEvent(values.data, eventId);
  const base = joinBase(dataDir, values.url);
  const tokens = readEventTokens(dataDir).filter((t) => t.eventId === eventId);
  if (values.json) {
    const body: EventTokenList = { eventId, tokens: tokens.map((t) => tokenInfo(t, base.url)) };
    console.info(JSON.stringify(body, null, 2));
    return 0;
  }
  if (tokens.length === 0) {
    console.info(`Event ${eventId} has no join links. Make one with \`mitschrift event share\`.`);
    return 0;
  }
  if (base.warning) {
    console.warn(base.warning);
  }
  console.info(['id', 'role', 'created', 'revoked', 'label', 'link'].join('\t'));
  for (const t of tokens) {
    const info = tokenInfo(t, base.url);
    console.info([t.id, t.role, t.created, t.revoked ?? '-', t.label || '-', info.url ?? '-'].join('\t'));
  }
  return 0;
}

/** `event revoke`: revokes for good; the running core (if any) notices and closes its connections. */
export async function revokeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [eventId, tokenId] = eventAndToken(positionals, 'revoke');
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  const record = revokeEventToken(dataDir, eventId, tokenId);
  const holder = workspaceHolder(dataDir);
  console.info(
    `Revoked join link ${record.id} (${describe(record)}) of event ${eventId} at ${record.revoked ?? ''}.` +
      (holder?.origin ? ` The core at ${holder.origin} closes its connections now.` : ''),
  );
  return 0;
}

/** `event rename-token`: a new label. */
export async function renameTokenCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' }, label: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [eventId, tokenId] = eventAndToken(positionals, 'rename-token');
  if (values.label === undefined) {
    throw new UsageError('--label is missing.');
  }
  const label = checkedLabel(values.label);
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  const record = renameEventToken(dataDir, eventId, tokenId, label);
  console.info(`Join link ${record.id} of event ${eventId} is now ${describe(record)}.`);
  return 0;
}

function describe(record: TokenRecord): string {
  return `role ${record.role}${record.label ? `, "${record.label}"` : ', no label'}`;
}

function oneEvent(positionals: string[], name: string): string {
  const [eventId, ...rest] = positionals;
  if (eventId === undefined || rest.length > 0) {
    throw new UsageError(`${name} takes one EVENT id${rest.length ? `, not also "${rest.join(' ')}"` : ''}.`);
  }
  return eventId;
}

function eventAndToken(positionals: string[], name: string): [string, string] {
  const [eventId, tokenId, ...rest] = positionals;
  if (eventId === undefined || tokenId === undefined || rest.length > 0) {
    throw new UsageError(`${name} takes an EVENT id and a TOKEN id.`);
  }
  return [eventId, tokenId];
}

function checkedLabel(value: string): string {
  const parsed = tokenLabelSchema.safeParse(value);
  if (!parsed.success) {
    throw new UsageError(`--label: ${parsed.error.issues[0]?.message ?? 'not a label'}`);
  }
  return parsed.data;
}

/**
 * The workspace folder, after checking that the event exists. The workspace's event index is read
 * from its log without taking the workspace lock (reading only), so this works beside a running core.
 */
function existingEvent(data: string | undefined, eventId: string): string {
  const dataDir = dataDirFrom(data);
  requireWorkspace(dataDir);
  const doc = new Y.Doc();
  try {
    const file = new DocStore(dataDir).fileFor(WORKSPACE_DOC);
    let updates: Uint8Array[] = [];
    try {
      updates = readLogFile(file).updates;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw error;
      }
    }
    for (const update of updates) {
      Y.applyUpdate(doc, update);
    }
    if (!listEvents(doc).some((e) => e.id === eventId)) {
      throw new Error(
        `There is no event "${eventId}" in ${dataDir}. \`mitschrift event list\` shows the ids.`,
      );
    }
  } finally {
    doc.destroy();
  }
  return dataDir;
}

const LOOPBACK = /^(127\.|localhost$|\[::1\]$|::1$)/;

/**
 * Where printed links point: `--url`, else the workspace's public URL (`serve --public-url`), else
 * the running core's address (on 0.0.0.0: this machine's first network address), else loopback. A
 * link only this machine can open comes with a warning.
 */
function joinBase(dataDir: string, url: string | undefined): { url: string; warning?: string } {
  if (url !== undefined) {
    try {
      return { url: normalisePublicUrl(url) };
    } catch (error) {
      throw new UsageError(`--url: ${(error as Error).message}`);
    }
  }
  const configured = readPublicUrl(dataDir);
  if (configured !== undefined) {
    return { url: configured };
  }
  const origin = workspaceHolder(dataDir)?.origin;
  if (origin === undefined) {
    return {
      url: 'http://127.0.0.1',
      warning:
        'Warning: no core serves this workspace and it has no public URL, so the link below points at ' +
        'this machine only and has no port. Pass --url http://HOST:PORT (the address participants reach).',
    };
  }
  const parsed = new URL(origin);
  if (parsed.hostname === '0.0.0.0' || parsed.hostname === '[::]') {
    const lan = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .find((info) => info.family === 'IPv4' && !info.internal);
    if (lan) {
      return { url: `http://${lan.address}:${parsed.port}` };
    }
  }
  if (LOOPBACK.test(parsed.hostname) || parsed.hostname === '0.0.0.0' || parsed.hostname === '[::]') {
    return {
      url: origin,
      warning:
        `Warning: the core listens on ${origin}, which other devices cannot reach; the link below works ` +
        'on this machine only. Start serve with --host 0.0.0.0 (or pass --url http://HOST:PORT).',
    };
  }
  return { url: origin };
}
