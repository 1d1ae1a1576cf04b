import { z } from 'zod';
import { startCore } from './startCore.js';
import type { RunningCore } from './coreTypes.js';

/** The first message the shell sends: how to start the core (checked, it crosses a process boundary). */
export const coreLaunchSchema = z.object({
  type: z.literal('start'),
  dataDir: z.string().min(1),
  host: z.string().min(1),
  port: z.number().int().min(0).max(65535),
  token: z.string().min(16),
  rendererDir: z.string().min(1).optional(),
  /** The desktop shell keeps the portal token itself (safeStorage) and hands it over after each start. */
  publishTokenStorage: z.enum(['file', 'memory']).optional(),
  /** The portal token the shell kept encrypted (safeStorage), decrypted for this start; `memory` only. */
  publishToken: z.string().min(8).max(2000).optional(),
});

/** What the core process reports to its parent. */
export type CoreProcessReport =
  | { type: 'listening'; origin: string; joinUrl: string }
  | { type: 'failed'; message: string }
  /** The portal token was set (or cleared: null) over the API; the shell keeps it with safeStorage. */
  | { type: 'publish-token'; token: string | null };

/** The two ways a parent talks to us: Electron's utilityProcess (parentPort) or Node's fork (process.send). */
interface ParentChannel {
  send(message: CoreProcessReport): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** Picks the channel of the process that started us; none means we were not started as a child. */
function parentChannel(): ParentChannel | undefined {
  const port = (
    process as {
      parentPort?: {
        postMessage(m: unknown): void;
        on(e: 'message', l: (ev: { data: unknown }) => void): void;
      };
    }
  ).parentPort;
  if (port) {
    return {
      send: (m) => port.postMessage(m),
      onMessage: (l) => port.on('message', (event) => l(event.data)),
    };
  }
  const send = process.send?.bind(process);
  if (send) {
    return { send: (m) => send(m), onMessage: (l) => process.on('message', l) };
  }
  return undefined;
}

const channel = parentChannel();
if (!channel) {
  console.error('coreProcess must be started by the desktop shell (utilityProcess or child_process.fork).');
  process.exit(1);
}
let core: RunningCore | undefined;
let started = false;
channel.onMessage((message) => {
  if (!started) {
    started = true;
    const launch = coreLaunchSchema.safeParse(message);
    if (!launch.success) {
      channel.send({ type: 'failed', message: `bad start message: ${launch.error.message}` });
      process.exitCode = 1;
      setTimeout(() => process.exit(1), 50);
      return;
    }
    const { dataDir, host, port, token, rendererDir, publishTokenStorage, publishToken } = launch.data;
    startCore({
      dataDir,
      host,
      port,
      token,
      ...(rendererDir ? { rendererDir } : {}),
      ...(publishTokenStorage ? { publishTokenStorage } : {}),
      ...(publishTokenStorage === 'memory'
        ? {
            publishTokenKeeper: {
              ...(publishToken ? { token: publishToken } : {}),
              onChange: (changed: string | null) => channel.send({ type: 'publish-token', token: changed }),
            },
          }
        : {}),
    }).then(
      (running) => {
        core = running;
        channel.send({ type: 'listening', origin: running.origin, joinUrl: running.joinUrl });
      },
      (error: unknown) => {
        channel.send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
        setTimeout(() => process.exit(1), 50);
      },
    );
    return;
  }
  if (z.object({ type: z.literal('shutdown') }).safeParse(message).success) {
    void (core ? core.close() : Promise.resolve()).finally(() => process.exit(0));
  }
});
