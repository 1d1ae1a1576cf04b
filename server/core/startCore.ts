import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { API_PREFIX, SYNC_PREFIX } from '../../shared/routes/deepLinks.js';
import { TOKEN_QUERY_PARAM } from '../../shared/api/contract.js';
import { docNameFor, docNameSchema, type DocName } from '../../shared/docs/docName.js';
import { allows, docAccess, sessionAccess, type EventLookup } from '../access/accessCheck.js';
import type { Principal } from '../access/accessTable.js';
import { matchRoute, safeDecode } from '../access/routeMatch.js';
import { ExportJobs } from '../bundle/exportJobs.js';
import { PublishConfig } from '../publish/publishConfig.js';
import { PublishJobs } from '../publish/publishJobs.js';
import type { ApiContext } from '../http/apiContext.js';
import { handleApi } from '../http/apiRoutes.js';
import { EventTokens } from '../access/eventTokens.js';
import {
  cookieNameFor,
  cookieValueFor,
  identify,
  joinCookieValue,
  linkTokenKind,
  presentedToken,
  type CoreTokens,
} from '../http/auth.js';
import { padEventOf } from '../http/padRoutes.js';
import { isJsonBody, originAllowed, parseTarget, sameOriginLocation } from '../http/requestChecks.js';
import { sketchEventOf } from '../http/sketchRoutes.js';
import { sendError } from '../http/responses.js';
import { setSecurityHeaders } from '../http/securityHeaders.js';
import { serveRenderer } from '../http/staticFiles.js';
import { PadHistory } from '../pad/padHistory.js';
import { separatePeople } from '../plan/eventPeople.js';
import { savedToken, savedViewToken } from '../storage/accessToken.js';
import type { DocStorage } from '../storage/docStorage.js';
import { DocStore } from '../storage/docStore.js';
import { normalisePublicUrl, readPublicUrl } from '../storage/publicUrl.js';
import { answerWhenDurable, prepareDocsFor } from '../scaleout/prepareDocs.js';
import { PgJoinLinks } from '../scaleout/pgJoinLinks.js';
import { ScaleOutStorage } from '../scaleout/scaleOutStorage.js';
import { lockWorkspace } from '../storage/workspaceLock.js';
import { DocRegistry } from '../sync/docRegistry.js';
import { SyncEndpoint } from '../sync/syncEndpoint.js';
import type { CoreLogger, CoreOptions, RunningCore } from './coreTypes.js';
import { NetworkShare } from './networkShare.js';
import { APP_VERSION } from './version.js';

const consoleLogger: CoreLogger = {
  info: (m) => console.info(m),
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

const OWNER_ON_SHARE =
  "The workspace owner's token works only on this computer's own address, not through the network share.";

const UNAUTHORIZED_PAGE = `<!doctype html><html lang="de"><meta charset="utf-8"><title>Mitschrift: Zugang nötig</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>Zugang nur mit Einladungslink</h1>
<p>Öffnen Sie Mitschrift über den vollständigen Link oder QR-Code, den Sie von der Veranstaltung erhalten haben.</p>
<p lang="en">Access needs the invitation link. Open Mitschrift with the full link or QR code you were given.</p>
</body></html>`;

/**
 * Starts the core: locks the workspace, checks its store files, and serves the renderer, the HTTP
 * API and the y-websocket endpoint. The desktop app and `mitschrift serve` both call this.
 */
export async function startCore(options: CoreOptions): Promise<RunningCore> {
  const logger = options.logger ?? consoleLogger;
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const lock = lockWorkspace(options.dataDir);
  let scaleOut: ScaleOutStorage | undefined;
  let startedJoins: EventTokens | undefined;
  try {
    // Scale-out: every node shares PostgreSQL's documents and tokens; the folder keeps pad histories.
    scaleOut = options.scaleOut ? await ScaleOutStorage.connect({ ...options.scaleOut, logger }) : undefined;
    const shared = await scaleOut?.shared();
    const token = options.token ?? shared?.edit ?? savedToken(options.dataDir);
    const viewToken = options.viewToken ?? shared?.view ?? savedViewToken(options.dataDir);
    const fileStore = scaleOut ? undefined : new DocStore(options.dataDir);
    const store: DocStorage = scaleOut ?? (fileStore as DocStore);
    const problems = fileStore?.scan() ?? [];
    for (const problem of problems) {
      logger.warn(`Store problem: ${problem.message}`);
    }
    const registry = new DocRegistry(store, { logger });
    // Before anyone opens an event: people and contact details an older version kept in the plan move out.
    separatePeople(registry, logger);
    const padHistory = new PadHistory(registry, options.dataDir, logger);
    const sync = new SyncEndpoint(registry, logger, options.syncLimits);
    const tokens: CoreTokens = { edit: token, view: viewToken };
    // Revoking a join link (here, on another node, or by the CLI) closes its connections at once.
    const closeRevoked = (ended: readonly string[]): void => {
      const closed = sync.closeToken(ended);
      if (closed > 0) {
        logger.info(`Closed ${closed} connection(s) of revoked join link(s) ${ended.join(', ')}.`);
      }
    };
    // Scale-out: the join links are every node's, in PostgreSQL; else the workspace folder's file.
    const joins = options.scaleOut
      ? await EventTokens.overPostgres(
          await PgJoinLinks.connect(options.scaleOut.postgres, logger),
          options.dataDir,
          logger,
          closeRevoked,
        )
      : new EventTokens(options.dataDir, logger, closeRevoked);
    startedJoins = joins;
    const publicUrl =
      options.publicUrl === undefined
        ? readPublicUrl(options.dataDir)
        : normalisePublicUrl(options.publicUrl);
    let port = 0;
    let origin = '';
    let closing: Promise<void> | undefined;
    const exports = new ExportJobs(options.dataDir);
    const publishConfig = new PublishConfig(
      options.dataDir,
      options.publishTokenStorage ?? 'file',
      process.env,
      options.publishTokenKeeper,
    );
    const publications = new PublishJobs(
      publishConfig,
      join(options.dataDir, 'publish-spool'),
      options.publishClient,
    );
    const api: Omit<ApiContext, 'principal'> & { share?: NetworkShare } = {
      registry,
      store,
      exports,
      publish: { config: publishConfig, jobs: publications },
      version: APP_VERSION,
      dataDir: options.dataDir,
      joins,
      publicUrl,
      live: { ready: () => closing === undefined, connections: () => sync.connectionCount },
      ...(shared ? { workspaceKey: shared.workspaceKey } : {}),
      pads: {
        history: padHistory,
        listenHost: options.host,
        origin: () => origin,
      },
    };
    const lookup: EventLookup = {
      padEvent: (padId) => padEventOf(api, padId, docNameFor('pad', padId)),
      sketchEvent: (sketchId) => sketchEventOf(registry, sketchId),
    };
    const docExists = (name: DocName): boolean => registry.exists(name);
    // Cookies are named after the port the browser sees. Behind a load balancer that is the
    // balancer's (from Host), so every node reads the cookie another node set.
    const cookiePort = (req: IncomingMessage): number => (scaleOut ? (hostPort(req) ?? port) : port);
    const share = new NetworkShare({
      handlers: {
        request: (req, res) => onRequest(req, res),
        upgrade: (req, socket, head) => onUpgrade(req, socket, head),
      },
      mainHost: options.host,
      mainPort: () => port,
      publicUrl,
      logger,
      ...(options.networkInterfaces ? { listInterfaces: options.networkInterfaces } : {}),
    });
    api.share = share;

    // Neither handler may throw: a request the core cannot read gets a 4xx, and the core keeps running.
    const server = createServer((req, res) => onRequest(req, res));

    function onRequest(req: IncomingMessage, res: ServerResponse): void {
      handleRequest(req, res).catch((error: unknown) => {
        logger.error(
          `Request ${req.method} ${req.url} failed: ${error instanceof Error ? error.stack : String(error)}`,
        );
        if (!res.headersSent) {
          sendError(res, 500, 'Internal error; the core logged the details.');
        } else {
          res.end();
        }
      });
    }

    async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
      setSecurityHeaders(res, req.headers.host ?? '');
      const url = parseTarget(req.url);
      if (url === undefined) {
        sendError(res, 400, 'The request target is not a path on this core.');
        return;
      }
      const method = req.method ?? 'GET';
      const presented = presentedToken(req, url, cookiePort(req));
      const linkKind =
        method === 'GET' || method === 'HEAD' ? linkTokenKind(presented, tokens, joins) : undefined;
      const who = identify(presented, tokens, joins);
      if (share.isShared(req.socket) && (linkKind === 'edit' || (who.ok && who.principal.kind === 'owner'))) {
        sendError(res, 403, OWNER_ON_SHARE);
        return;
      }
      if (linkKind !== undefined) {
        // Trade the token in the link for a cookie (derived from it), and drop it from the address bar.
        const join = linkKind === 'join' ? joins.bySecret(presented.query) : undefined;
        const value = join?.ok
          ? joinCookieValue(join.record.id, join.record.secret)
          : cookieValueFor(linkKind === 'view' ? tokens.view : tokens.edit, linkKind);
        url.searchParams.delete(TOKEN_QUERY_PARAM);
        res.writeHead(303, {
          'Set-Cookie': `${cookieNameFor(cookiePort(req), linkKind)}=${value}; HttpOnly; SameSite=Strict; Path=/`,
          Location: sameOriginLocation(url),
          'Cache-Control': 'no-store',
        });
        res.end();
        return;
      }
      if (!who.ok) {
        if (url.pathname.startsWith(API_PREFIX)) {
          sendError(
            res,
            401,
            who.reason === 'revoked'
              ? 'This join link was revoked; ask the organiser for a new one.'
              : 'A valid access token is required (link ?token=, cookie or Authorization: Bearer).',
          );
        } else {
          res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end(UNAUTHORIZED_PAGE);
        }
        return;
      }
      const principal = who.principal;
      const match = matchRoute(method, url.pathname);
      if (!match.ok) {
        if (match.status === 405 && !url.pathname.startsWith(API_PREFIX)) {
          res.setHeader('Allow', [...new Set(match.allowed)].join(', '));
          sendError(res, 405, `Method ${method} is not allowed on ${url.pathname}.`);
        } else {
          sendError(res, 404, `No API route ${method} ${url.pathname}.`);
        }
        return;
      }
      if (method !== 'GET' && method !== 'HEAD' && !originAllowed(req)) {
        sendError(res, 403, 'Requests from another site are refused (the Origin is not this core).');
        return;
      }
      if (scaleOut) {
        try {
          await prepareDocsFor(registry, match.params);
        } catch (error) {
          logger.error(`Reading documents for ${method} ${url.pathname} failed: ${String(error)}`);
          sendError(res, 503, 'The documents cannot be read right now (PostgreSQL); try again shortly.');
          return;
        }
        answerWhenDurable(res, registry, logger);
      }
      if (!allows(principal, match.spec.need, match.params, lookup)) {
        sendError(res, 403, forbiddenMessage(principal));
        return;
      }
      if (match.spec.body === 'json' && !isJsonBody(req)) {
        sendError(res, 415, 'The request body must be sent as Content-Type: application/json.');
        return;
      }
      if (match.id !== 'page') {
        await handleApi({ ...api, principal }, match.id, { req, res, url, params: match.params });
        return;
      }
      if (!options.rendererDir) {
        sendError(res, 404, 'This core serves no user interface (started without a renderer folder).');
        return;
      }
      serveRenderer(options.rendererDir, url.pathname, res);
    }

    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      onUpgrade(req, socket, head),
    );

    function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on('error', () => socket.destroy());
      handleUpgrade(req, socket, head).catch((error: unknown) => {
        logger.error(`Upgrade ${req.url} failed: ${error instanceof Error ? error.stack : String(error)}`);
        refuseUpgrade(socket, scaleOut ? 503 : 400, scaleOut ? 'Service Unavailable' : 'Bad Request');
      });
    }

    async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
      const url = parseTarget(req.url);
      if (url === undefined) {
        refuseUpgrade(socket, 400, 'Bad Request');
        return;
      }
      const who = identify(presentedToken(req, url, cookiePort(req)), tokens, joins);
      if (!who.ok) {
        refuseUpgrade(socket, 401, 'Unauthorized');
        return;
      }
      const principal = who.principal;
      if (principal.kind === 'owner' && share.isShared(req.socket)) {
        refuseUpgrade(socket, 403, 'Forbidden');
        return;
      }
      if (!originAllowed(req)) {
        refuseUpgrade(socket, 403, 'Forbidden');
        return;
      }
      if (!url.pathname.startsWith(SYNC_PREFIX + '/')) {
        refuseUpgrade(socket, 404, 'Not Found');
        return;
      }
      const parsed = docNameSchema.safeParse(safeDecode(url.pathname.slice(SYNC_PREFIX.length + 1)));
      if (!parsed.success) {
        refuseUpgrade(socket, 400, 'Bad Request');
        return;
      }
      if (scaleOut) {
        await prepareDocsFor(registry, {}, parsed.data);
        if (socket.destroyed) {
          return;
        }
      }
      const access = docAccess(principal, parsed.data, lookup);
      if (access === 'none') {
        refuseUpgrade(socket, 403, 'Forbidden');
        return;
      }
      if (access === 'read' && !docExists(parsed.data)) {
        // A read-only connection never creates a document; it may retry once someone has written it.
        refuseUpgrade(socket, 404, 'Not Found');
        return;
      }
      share.track(principal, req.socket.remoteAddress ?? '', socket);
      const tokenId = principal.kind === 'role' ? principal.tokenId : undefined;
      sync.handleUpgrade(req, socket, head, parsed.data, {
        readOnly: access === 'read',
        ...(tokenId === undefined ? {} : { tokenId }),
      });
    }

    await new Promise<void>((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolvePromise();
      });
    });
    port = (server.address() as AddressInfo).port;
    const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
    origin = `http://${hostForUrl}:${port}`;
    lock.setOrigin(origin);

    // Keep power-cut losses within the fdatasync window even when appends stop, and write failed
    // documents again once the disk takes them (neither call throws).
    const flushTimer = setInterval(() => {
      registry.flushAll();
      padHistory.flushAll();
      // Catches a change of the join links that the folder watch missed.
      joins.refresh();
    }, 1000).unref();

    return {
      origin,
      token,
      viewToken,
      joinUrl: `${origin}/?${TOKEN_QUERY_PARAM}=${token}`,
      dataDir: options.dataDir,
      problems,
      close() {
        closing ??= (async () => {
          clearInterval(flushTimer);
          await share.stop();
          await joins.close();
          exports.close();
          publications.close();
          sync.close();
          await new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          });
          registry.closeAll();
          padHistory.close();
          await scaleOut?.close();
          lock.release();
        })();
        return closing;
      },
    };
  } catch (error) {
    await startedJoins?.close().catch(() => undefined);
    await scaleOut?.close().catch(() => undefined);
    lock.release();
    throw error;
  }
}

/** Why a known token may not use a route: read-along links change nothing; others stay in their event. */
function forbiddenMessage(principal: Principal): string {
  if (sessionAccess(principal) === 'view') {
    return 'This is a read-only link: it can look along but not change anything.';
  }
  return principal.kind === 'role'
    ? `Your ${principal.role} link does not give access to this (it opens only its own event, and only what its role may).`
    : 'Your link does not give access to this.';
}

/** The port of the request's Host header (80 when it names none), or undefined when it is unreadable. */
function hostPort(req: IncomingMessage): number | undefined {
  const match = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/.exec(req.headers.host ?? '');
  if (!match) {
    return undefined;
  }
  const port = match[1] === undefined ? 80 : Number(match[1]);
  return port > 0 && port < 65536 ? port : undefined;
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed || socket.writableEnded) {
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
