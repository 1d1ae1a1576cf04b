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
import type { CoreLogger } from '../../core/coreTypes.js';
import { PgDocs, redactUrl } from '../../scaleout/pgDocs.js';
import { PgJoinLinks } from '../../scaleout/pgJoinLinks.js';
import {
  changeEventTokensIn,
  readEventTokens,
  tokenEdits,
  type TokenEdit,
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
 * link revoked here stops working in the core and its live connections are closed. With
 * `--postgres URL` they work on a scaled-out workspace's links in PostgreSQL
 * (server/scaleout/pgJoinLinks.ts), and every node hears of the change at once.
 */

/** Usage of `event share`. */
export const shareUsage: CommandUsage = {
  usage:
    'mitschrift event share EVENT --role organiser|recorder|edit|view [--label L] [--url U] --data DIR | --postgres URL',
  summary: 'Make a join link for a role on an event; prints the link on its last line.',
};
/** Usage of `event tokens`. */
export const tokensUsage: CommandUsage = {
  usage: 'mitschrift event tokens EVENT --data DIR | --postgres URL [--url U] [--json]',
  summary: "List an event's join links (id, role, created, revoked, label, link).",
};
/** Usage of `event revoke`. */
export const revokeUsage: CommandUsage = {
  usage: 'mitschrift event revoke EVENT TOKEN --data DIR | --postgres URL',
  summary: 'Revoke a join link; a running core closes its connections at once.',
};
/** Usage of `event rename-token`. */
export const renameTokenUsage: CommandUsage = {
  usage: 'mitschrift event rename-token EVENT TOKEN --label L --data DIR | --postgres URL',
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
      postgres: { type: 'string' },
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
  // The address first: a bad --url makes no link.
  const base = joinBase(values.data, values.url, values.postgres);
  const record = await withLinks(values, eventId, (links) =>
    links.change(tokenEdits.create(eventId, role.data, label)),
  );
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
      postgres: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const eventId = oneEvent(positionals, 'tokens');
  const tokens = (await withLinks(values, eventId, (links) => links.read())).filter(
    (t) => t.eventId === eventId,
  );
  const base = joinBase(values.data, values.url, values.postgres);
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
    options: { data: { type: 'string' }, postgres: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [eventId, tokenId] = eventAndToken(positionals, 'revoke');
  const record = await withLinks(values, null, (links) => links.change(tokenEdits.revoke(eventId, tokenId)));
  const holder = postgresUrl(values.postgres) ? undefined : workspaceHolder(dataDirFrom(values.data));
  console.info(
    `Revoked join link ${record.id} (${describe(record)}) of event ${eventId} at ${record.revoked ?? ''}.` +
      (holder?.origin ? ` The core at ${holder.origin} closes its connections now.` : '') +
      (postgresUrl(values.postgres) ? ' Every node closes its connections now.' : ''),
  );
  return 0;
}

/** `event rename-token`: a new label. */
export async function renameTokenCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' }, label: { type: 'string' }, postgres: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [eventId, tokenId] = eventAndToken(positionals, 'rename-token');
  if (values.label === undefined) {
    throw new UsageError('--label is missing.');
  }
  const label = checkedLabel(values.label);
  const record = await withLinks(values, null, (links) =>
    links.change(tokenEdits.rename(eventId, tokenId, label)),
  );
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

/** Where the CLI changes join links: the workspace file, or PostgreSQL for a scaled-out workspace. */
interface CliLinks {
  read(): Promise<TokenRecord[]>;
  change(edit: TokenEdit<TokenRecord>): Promise<TokenRecord>;
}

/** The `--postgres` URL (or MITSCHRIFT_POSTGRES_URL), checked; undefined for a workspace folder. */
function postgresUrl(flag: string | undefined): string | undefined {
  const raw = (flag ?? process.env.MITSCHRIFT_POSTGRES_URL ?? '').trim();
  if (raw === '') {
    return undefined;
  }
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new UsageError('--postgres must be a postgres:// or postgresql:// URL.');
  }
  return raw;
}

/** Messages of the CLI's PostgreSQL connections (nothing to log beyond the errors it throws). */
const quietLogger: CoreLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Runs `fn` on the join links of the workspace the flags name: with `--postgres` (or
 * MITSCHRIFT_POSTGRES_URL) the scaled-out workspace's, shared by every node, which hear of the change
 * at once; else the folder's (`--data`). When `eventId` is given, the event must exist first.
 */
async function withLinks<T>(
  values: { data?: string; postgres?: string },
  eventId: string | null,
  fn: (links: CliLinks) => Promise<T>,
): Promise<T> {
  const url = postgresUrl(values.postgres);
  if (url === undefined) {
    const dataDir = dataDirFrom(values.data);
    requireWorkspace(dataDir);
    if (eventId !== null) {
      requireEvent(readFolderWorkspace(dataDir), eventId, dataDir);
    }
    return fn({
      read: () => Promise.resolve(readEventTokens(dataDir)),
      change: (edit) => Promise.resolve(changeEventTokensIn(dataDir, edit)),
    });
  }
  const links = await PgJoinLinks.connect(url, quietLogger);
  try {
    if (eventId !== null) {
      const docs = await PgDocs.connect(url, quietLogger);
      try {
        requireEvent(await docs.load(WORKSPACE_DOC), eventId, redactUrl(url));
      } finally {
        await docs.close();
      }
    }
    return await fn({
      read: () => links.read(),
      change: async (edit) => (await links.change(edit)).result,
    });
  } finally {
    await links.close();
  }
}

/**
 * The workspace document's stored updates, read from its log without taking the workspace lock
 * (reading only), so this works beside a running core.
 */
function readFolderWorkspace(dataDir: string): Uint8Array[] {
  try {
    return readLogFile(new DocStore(dataDir).fileFor(WORKSPACE_DOC)).updates;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}

/** Refuses an event id the workspace (its stored updates) does not list. */
function requireEvent(updates: readonly Uint8Array[], eventId: string, where: string): void {
  const doc = new Y.Doc();
  try {
    for (const update of updates) {
      Y.applyUpdate(doc, update);
    }
    if (!listEvents(doc).some((e) => e.id === eventId)) {
      throw new Error(`There is no event "${eventId}" in ${where}. \`mitschrift event list\` shows the ids.`);
    }
  } finally {
    doc.destroy();
  }
}

const LOOPBACK = /^(127\.|localhost$|\[::1\]$|::1$)/;

/**
 * Where printed links point: `--url`, else the workspace's public URL (`serve --public-url`), else
 * the running core's address (on 0.0.0.0: this machine's first network address), else loopback. A
 * link only this machine can open comes with a warning.
 */
function joinBase(
  data: string | undefined,
  url: string | undefined,
  postgres: string | undefined,
): { url: string; warning?: string } {
  if (url !== undefined) {
    try {
      return { url: normalisePublicUrl(url) };
    } catch (error) {
      throw new UsageError(`--url: ${(error as Error).message}`);
    }
  }
  if (postgresUrl(postgres) !== undefined && data === undefined) {
    return {
      url: 'http://127.0.0.1',
      warning:
        'Warning: a scaled-out workspace has no one address; the link below points at this machine only. ' +
        'Pass --url https://HOST (the load balancer participants reach).',
    };
  }
  const dataDir = dataDirFrom(data);
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
