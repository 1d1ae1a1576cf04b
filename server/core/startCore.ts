import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { API_PREFIX, SYNC_PREFIX } from '../../shared/routes/deepLinks.js';
import { TOKEN_QUERY_PARAM } from '../../shared/api/contract.js';
import { docNameSchema } from '../../shared/docs/docName.js';
import { handleApi, type ApiContext } from '../http/apiRoutes.js';
import { cookieNameFor, isAuthorized, presentedToken, tokensMatch } from '../http/auth.js';
import { sendError } from '../http/responses.js';
import { setSecurityHeaders } from '../http/securityHeaders.js';
import { serveRenderer } from '../http/staticFiles.js';
import type { Access } from '../../shared/api/padContract.js';
import { PadHistory } from '../pad/padHistory.js';
import { savedToken, savedViewToken } from '../storage/accessToken.js';
import { DocStore } from '../storage/docStore.js';
import { lockWorkspace } from '../storage/workspaceLock.js';
import { DocRegistry } from '../sync/docRegistry.js';
import { SyncEndpoint } from '../sync/syncEndpoint.js';
import type { CoreLogger, CoreOptions, RunningCore } from './coreTypes.js';
import { APP_VERSION } from './version.js';

const consoleLogger: CoreLogger = {
  info: (m) => console.info(m),
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

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
  try {
    const token = options.token ?? savedToken(options.dataDir);
    const viewToken = options.viewToken ?? savedViewToken(options.dataDir);
    const store = new DocStore(options.dataDir);
    const problems = store.scan();
    for (const problem of problems) {
      logger.warn(`Store problem: ${problem.message}`);
    }
    const registry = new DocRegistry(store, { logger });
    const padHistory = new PadHistory(registry, options.dataDir, logger);
    const sync = new SyncEndpoint(registry, logger);
    let cookieName = '';
    let origin = '';
    const api: ApiContext = {
      registry,
      store,
      version: APP_VERSION,
      dataDir: options.dataDir,
      pads: {
        history: padHistory,
        tokens: { edit: token, view: viewToken },
        listenHost: options.host,
        origin: () => origin,
      },
    };

    /** What the request's token allows: everything, read-only pads (the view token), or nothing. */
    const accessOf = (presented: ReturnType<typeof presentedToken>): Access | null => {
      if (isAuthorized(presented, token)) {
        return 'edit';
      }
      return isAuthorized(presented, viewToken) ? 'view' : null;
    };

    const server = createServer((req, res) => {
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
    });

    async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const host = req.headers.host ?? '';
      const url = new URL(req.url ?? '/', 'http://core.invalid');
      setSecurityHeaders(res, host);
      const presented = presentedToken(req, url, cookieName);
      const linkToken =
        presented.query === undefined
          ? undefined
          : [token, viewToken].find((candidate) => tokensMatch(presented.query, candidate));
      if (linkToken !== undefined) {
        // Trade the token in the link for a cookie, and drop it from the address bar.
        url.searchParams.delete(TOKEN_QUERY_PARAM);
        res.writeHead(303, {
          'Set-Cookie': `${cookieName}=${linkToken}; HttpOnly; SameSite=Strict; Path=/`,
          Location: url.pathname + url.search,
          'Cache-Control': 'no-store',
        });
        res.end();
        return;
      }
      const access = accessOf(presented);
      if (access === null) {
        if (url.pathname.startsWith(API_PREFIX)) {
          sendError(
            res,
            401,
            'A valid access token is required (link ?token=, cookie or Authorization: Bearer).',
          );
        } else {
          res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end(UNAUTHORIZED_PAGE);
        }
        return;
      }
      if (url.pathname.startsWith(API_PREFIX)) {
        if (access === 'view' && req.method !== 'GET' && req.method !== 'HEAD') {
          sendError(res, 403, 'This is a read-only link: it can look at pads but not change anything.');
          return;
        }
        await handleApi({ ...api, access }, req, res, url);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(res, 405, `Method ${req.method} is not allowed here.`);
        return;
      }
      if (!options.rendererDir) {
        sendError(res, 404, 'This core serves no user interface (started without a renderer folder).');
        return;
      }
      serveRenderer(options.rendererDir, url.pathname, res);
    }

    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      const url = new URL(req.url ?? '/', 'http://core.invalid');
      const access = accessOf(presentedToken(req, url, cookieName));
      if (access === null) {
        refuseUpgrade(socket, 401, 'Unauthorized');
        return;
      }
      if (!url.pathname.startsWith(SYNC_PREFIX + '/')) {
        refuseUpgrade(socket, 404, 'Not Found');
        return;
      }
      const parsed = docNameSchema.safeParse(decodeURIComponent(url.pathname.slice(SYNC_PREFIX.length + 1)));
      if (!parsed.success) {
        refuseUpgrade(socket, 400, 'Bad Request');
        return;
      }
      if (access === 'view' && !parsed.data.startsWith('pad/')) {
        // Read-only links are for notes pads; the workspace and events stay private.
        refuseUpgrade(socket, 403, 'Forbidden');
        return;
      }
      sync.handleUpgrade(req, socket, head, parsed.data, { readOnly: access === 'view' });
    });

    await new Promise<void>((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolvePromise();
      });
    });
    const port = (server.address() as AddressInfo).port;
    cookieName = cookieNameFor(port);
    const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
    origin = `http://${hostForUrl}:${port}`;
    lock.setOrigin(origin);

    // Keep power-cut losses within the fdatasync window even when appends stop, and write failed
    // documents again once the disk takes them (neither call throws).
    const flushTimer = setInterval(() => {
      registry.flushAll();
      padHistory.flushAll();
    }, 1000).unref();
    let closing: Promise<void> | undefined;

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
          sync.close();
          await new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          });
          registry.closeAll();
          padHistory.close();
          lock.release();
        })();
        return closing;
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
