import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import type { NetworkInterface, ShareStatus, StartShareRequest } from '../../shared/api/shareContract.js';
import type { EventRole, Principal } from '../access/accessTable.js';
import type { CoreLogger } from './coreTypes.js';

/** A share request the core cannot carry out, with the HTTP status that says why. */
export class ShareError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** What the network listener hands its requests and upgrades to (the core's own handlers). */
interface ShareHandlers {
  request(req: IncomingMessage, res: ServerResponse): void;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

/** How the share is set up. */
export interface NetworkShareOptions {
  handlers: ShareHandlers;
  /** The main listener's interface and port (`serve --host`; the desktop app's is loopback). */
  mainHost: string;
  mainPort: () => number;
  /** `serve --public-url`: the address others reach the core under (a host name, a proxy). */
  publicUrl?: string | undefined;
  logger: CoreLogger;
  /** The computer's interfaces; tests pass their own. */
  listInterfaces?: () => NetworkInterface[];
}

const ROLES: readonly EventRole[] = ['organiser', 'recorder', 'edit', 'view'];

/** The interfaces the operating system reports, named and marked (loopback, link-local). */
function systemInterfaces(): NetworkInterface[] {
  return Object.entries(networkInterfaces()).map(([name, list]) => ({
    name,
    addresses: (list ?? []).map((info) => ({
      address: info.address,
      family: info.family === 'IPv6' ? ('IPv6' as const) : ('IPv4' as const),
      internal: info.internal,
      linkLocal: info.family === 'IPv6' && /^fe[89ab]/i.test(info.address),
    })),
  }));
}

/** `http://host:port`, with an IPv6 address in brackets. */
function originOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

interface Live {
  role: EventRole | 'owner';
  address: string;
}

/**
 * "Im Netzwerk freigeben": a second HTTP listener on one chosen interface that serves the same
 * requests as the core's private (loopback) listener, except that the owner's token is refused
 * there; it counts who is connected, and stopping it closes its port and every connection that
 * came through it.
 */
export class NetworkShare {
  private server: Server | null = null;
  private current: { interface: string; address: string; port: number; origin: string } | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly live = new Set<Live>();

  constructor(private readonly options: NetworkShareOptions) {}

  /** Whether a socket came in through the network listener (its requests may not act as the owner). */
  isShared(socket: Socket | Duplex): boolean {
    return this.sockets.has(socket as Socket);
  }

  /** Counts a live WebSocket until its socket closes. */
  track(principal: Principal, address: string, socket: Duplex): void {
    const entry: Live = { role: principal.kind === 'owner' ? 'owner' : principal.role, address };
    this.live.add(entry);
    socket.once('close', () => this.live.delete(entry));
  }

  /** The interfaces, the listener, the base of join links and who is connected. */
  status(): ShareStatus {
    const interfaces = (this.options.listInterfaces ?? systemInterfaces)();
    const connected = Object.fromEntries(
      ROLES.map((role) => {
        const mine = [...this.live].filter((entry) => entry.role === role);
        return [role, { connections: mine.length, devices: new Set(mine.map((e) => e.address)).size }];
      }),
    ) as ShareStatus['connected'];
    return {
      sharing: this.current,
      interfaces,
      joinBase: this.joinBase(interfaces),
      connected,
    };
  }

  private joinBase(interfaces: NetworkInterface[]): string | null {
    if (this.options.publicUrl !== undefined) {
      return this.options.publicUrl;
    }
    if (this.current) {
      return this.current.origin;
    }
    const host = this.options.mainHost;
    if (isLoopbackHost(host)) {
      return null;
    }
    if (host === '0.0.0.0' || host === '::') {
      const lan = interfaces
        .flatMap((i) => i.addresses)
        .find((a) => a.family === 'IPv4' && !a.internal && !a.linkLocal);
      return lan ? originOf(lan.address, this.options.mainPort()) : null;
    }
    return originOf(host, this.options.mainPort());
  }

  /** Starts the network listener on `address` (moving it if it runs elsewhere). */
  async start(request: StartShareRequest): Promise<ShareStatus> {
    const interfaces = (this.options.listInterfaces ?? systemInterfaces)();
    const found = interfaces
      .flatMap((i) => i.addresses.map((a) => ({ name: i.name, ...a })))
      .find((a) => a.address === request.address);
    if (!found) {
      throw new ShareError(
        `No network interface of this computer has the address "${request.address}" (GET /api/share lists them).`,
        400,
      );
    }
    if (found.internal) {
      throw new ShareError(
        `"${found.address}" (${found.name}) is reachable from this computer only; choose the interface of the venue's network.`,
        400,
      );
    }
    if (found.linkLocal) {
      throw new ShareError(
        `"${found.address}" (${found.name}) is an IPv6 link-local address, which browsers cannot open from a link; choose an IPv4 or global IPv6 address.`,
        400,
      );
    }
    if (this.current?.address === found.address && (request.port ?? 0) === 0) {
      return this.status();
    }
    await this.stop();
    const server = createServer((req, res) => this.options.handlers.request(req, res));
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.options.handlers.upgrade(req, socket, head),
    );
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolvePromise, reject) => {
      const refused = (error: NodeJS.ErrnoException): void =>
        reject(
          new ShareError(
            error.code === 'EADDRINUSE'
              ? `Port ${request.port} on ${found.address} is in use; choose another or leave it empty.`
              : `Cannot listen on ${found.address}: ${error.message}`,
            409,
          ),
        );
      server.once('error', refused);
      server.listen(request.port ?? 0, found.address, () => {
        server.off('error', refused);
        resolvePromise();
      });
    });
    server.on('error', (error) => this.options.logger.error(`Network share listener: ${error.message}`));
    const port = (server.address() as AddressInfo).port;
    this.server = server;
    this.current = {
      interface: found.name,
      address: found.address,
      port,
      origin: originOf(found.address, port),
    };
    this.options.logger.info(`Shared on the network: ${this.current.origin} (${found.name})`);
    return this.status();
  }

  /** "Freigabe beenden": closes the network port and every connection that came through it. */
  async stop(): Promise<ShareStatus> {
    const server = this.server;
    if (server) {
      this.server = null;
      const origin = this.current?.origin ?? '';
      this.current = null;
      await new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        for (const socket of this.sockets) {
          socket.destroy();
        }
        this.sockets.clear();
      });
      this.options.logger.info(`Network share ended: ${origin} closed with its connections`);
    }
    return this.status();
  }
}
