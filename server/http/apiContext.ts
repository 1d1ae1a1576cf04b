import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteParams } from '../access/accessCheck.js';
import type { Principal, RouteId } from '../access/accessTable.js';
import type { ExportJobs } from '../bundle/exportJobs.js';
import type { PublishConfig } from '../publish/publishConfig.js';
import type { PublishJobs } from '../publish/publishJobs.js';
import type { NetworkShare } from '../core/networkShare.js';
import type { EventTokens } from '../access/eventTokens.js';
import type { DocStorage } from '../storage/docStorage.js';
import type { DocRegistry } from '../sync/docRegistry.js';
import type { PadRouteContext } from './padRoutes.js';

/** What the API handlers work on. */
export interface ApiContext {
  registry: DocRegistry;
  store: DocStorage;
  version: string;
  dataDir: string;
  /** What keys the workspace for browsers (`workspaceId`): the data folder, or in scale-out one id all nodes share. */
  workspaceKey?: string;
  /** Notes pads: history, share links (absent in cores started without them). */
  pads?: PadRouteContext;
  /** The network listener ("Im Netzwerk freigeben"); absent in cores started without one. */
  share?: NetworkShare;
  /** The workspace's join links per event (server/access/eventTokens.ts). */
  joins: EventTokens;
  /** The base of join links handed out (`--public-url`), or undefined: the address the request used. */
  publicUrl: string | undefined;
  /** Live figures for `GET /api/health` (absent in cores started without them). */
  live?: LiveFigures;
  /** Documentation bundles being made or ready to download (absent in cores started without them). */
  exports?: ExportJobs;
  /** Publishing to the open-data portal: settings, token and running publications (absent in cores started without them). */
  publish?: { config: PublishConfig; jobs: PublishJobs };
  /** Who sent the request; the access table has already allowed it the route. */
  principal: Principal;
}

/** What `GET /api/health` reports about the running core. */
interface LiveFigures {
  /** False once the core is shutting down. */
  ready(): boolean;
  /** Open sync connections. */
  connections(): number;
}

/** One request, matched to its row of the access table. */
export interface RouteCall {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: RouteParams;
}

/** The API routes: every row of the access table except the renderer's pages. */
export type ApiRouteId = Exclude<RouteId, 'page'>;

/** Answers one API route. */
export type RouteHandler = (ctx: ApiContext, call: RouteCall) => Promise<void> | void;

/** A route parameter the route's pattern guarantees (matchRoute checked it). */
export function param(call: RouteCall, name: keyof RouteParams): string {
  const value = call.params[name];
  if (value === undefined) {
    throw new Error(`Route parameter ${name} is missing; the access table and the handler disagree.`);
  }
  return value;
}
