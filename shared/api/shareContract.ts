import { z } from 'zod';

/**
 * Sharing the core on the network ("Im Netzwerk freigeben"): a second listener on one chosen
 * network interface beside the private loopback one, and who is connected. Owner only
 * (server/access/accessTable.ts); routes in server/http/shareRoutes.ts.
 *
 *   GET  /api/share        → ShareStatus
 *   POST /api/share        body StartShareRequest → ShareStatus (starts, or moves to another address)
 *   POST /api/share/stop   → ShareStatus ("Freigabe beenden": closes the port and its connections)
 */

/** One address of a network interface. */
const interfaceAddressSchema = z.object({
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  /** Loopback or otherwise reachable from this computer only. */
  internal: z.boolean(),
  /** An IPv6 link-local address (fe80::/10): reachable on the local link only, not offered for sharing. */
  linkLocal: z.boolean(),
});

/** A network interface of this computer, as the operating system names it. */
const networkInterfaceSchema = z.object({
  name: z.string(),
  addresses: z.array(interfaceAddressSchema),
});
/** A network interface. */
export type NetworkInterface = z.infer<typeof networkInterfaceSchema>;

/** Live connections of one role: WebSockets, and distinct devices (remote addresses) behind them. */
const roleConnectionsSchema = z.object({
  devices: z.number().int().nonnegative(),
  connections: z.number().int().nonnegative(),
});

/** `GET /api/share` */
export const shareStatusSchema = z.object({
  /** The network listener, or null while the core is not shared. */
  sharing: z
    .object({
      interface: z.string(),
      address: z.string(),
      port: z.number().int().min(1).max(65535),
      /** `http://address:port` (IPv6 in brackets). */
      origin: z.string(),
    })
    .nullable(),
  interfaces: z.array(networkInterfaceSchema),
  /**
   * What join links start with: the public URL given to `serve`, the network listener's origin,
   * or the main listener's when it listens beyond loopback; null while only this computer can
   * reach the core (then the panel says so instead of showing a dead link).
   */
  joinBase: z.string().nullable(),
  /** Live connections per role, over every listener (the owner's own windows are not counted). */
  connected: z.object({
    organiser: roleConnectionsSchema,
    recorder: roleConnectionsSchema,
    edit: roleConnectionsSchema,
    view: roleConnectionsSchema,
  }),
});
/** Response of the share routes. */
export type ShareStatus = z.infer<typeof shareStatusSchema>;

/** `POST /api/share` */
export const startShareRequestSchema = z.object({
  /** One of the addresses `GET /api/share` lists (not loopback, not link-local). */
  address: z.string().min(1).max(100),
  /** Port of the network listener; 0 or absent picks a free one. */
  port: z.number().int().min(0).max(65535).optional(),
});
/** Body of starting the share. */
export type StartShareRequest = z.infer<typeof startShareRequestSchema>;
