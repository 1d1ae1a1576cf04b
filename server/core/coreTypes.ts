import type { ShellTokenKeeper } from '../publish/publishConfig.js';
import type { StoreProblem } from '../../shared/api/contract.js';
import type { NetworkInterface } from '../../shared/api/shareContract.js';
import type { SyncLimits } from '../sync/syncLimits.js';

/** Where the core writes its log lines; the CLI prints them, Electron forwards them to its log. */
export interface CoreLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How to start the core. */
export interface CoreOptions {
  /** Interface to listen on; the desktop app always uses 127.0.0.1. */
  host: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** The workspace folder. Created if missing; locked while the core runs. */
  dataDir: string;
  /** The access token. Without one the core uses the workspace's saved token (made on first start). */
  token?: string;
  /** The read-only token (pads only). Without one the core uses the workspace's saved view token. */
  viewToken?: string;
  /**
   * The address other devices reach this core by (`http://host:port`), for join links. Without it,
   * the workspace's saved public URL (`<data>/public-url`), else the address each request used.
   */
  publicUrl?: string;
  /** Folder with the built renderer (`out/renderer`). Without one, only the API and sync are served. */
  rendererDir?: string;
  logger?: CoreLogger;
  /** The computer's network interfaces for the network share; tests pass their own. */
  networkInterfaces?: () => NetworkInterface[];
  /** Limits of the sync endpoint (connections, message and document sizes, rates); defaults without. */
  syncLimits?: SyncLimits;
  /**
   * Scale-out: documents and tokens in PostgreSQL, updates between nodes through Redis, so several
   * cores behind a load balancer serve the same workspace. Without it, the workspace folder holds all.
   */
  scaleOut?: { postgres: string; redis: string };
  /**
   * Where the portal's API token is kept when set over the API: `file` (`<data>/ckan-token`, mode
   * 0600; `serve`, the default) or `memory` (the desktop app, whose shell keeps it with safeStorage).
   */
  publishTokenStorage?: 'file' | 'memory';
  /** With `memory`: the token the shell kept (safeStorage) and who to tell when it changes. */
  publishTokenKeeper?: ShellTokenKeeper;
  /** Client settings of publications (tests: fast retries). */
  publishClient?: { attempts?: number; backoffMs?: number; timeoutMs?: number };
}

/** A running core. */
export interface RunningCore {
  /** `http://host:port` */
  origin: string;
  token: string;
  /** The read-only token: links with it open notes pads read-only (see startCore). */
  viewToken?: string;
  /** The URL to open: `http://host:port/?token=TOKEN`. */
  joinUrl: string;
  dataDir: string;
  /** Store files that could not be read whole when the core started. */
  problems: StoreProblem[];
  /** Flushes every document to disk, closes connections and releases the workspace lock. */
  close(): Promise<void>;
}
