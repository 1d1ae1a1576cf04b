import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import type { RunningCore } from '../../server/core/coreTypes.js';
import { startLoopbackCore } from './loopbackCore.js';
import { connectSyncClient, waitFor, type SyncClient } from './syncClient.js';
import { makeTempDir } from './tempDir.js';

/** One random edit by a client: `token` names the step (journal it), `user` the client's author id. */
export type SeededEdit = (doc: Y.Doc, token: string, user: string) => void;

/**
 * The seeded convergence harness the pad and sketch tests share: several clients editing one
 * document through a core on loopback, with random disconnects and reconnects, short random pauses,
 * and the core going down in the middle (ten edits made while it is down) and back on the same
 * port. Every step's token is recorded in `issued`; the tests check their own documents.
 */
export class ConvergenceSession {
  readonly clients: SyncClient[] = [];
  readonly issued: string[] = [];
  disconnects = 0;

  private constructor(
    private core: RunningCore,
    private readonly temp: ReturnType<typeof makeTempDir>,
    private readonly docName: string,
  ) {}

  /** Starts a core on a fresh data folder and connects `clients` clients to `docName`. */
  static async start(docName: string, clients: number, tempPrefix: string): Promise<ConvergenceSession> {
    const temp = makeTempDir(tempPrefix);
    const session = new ConvergenceSession(await startLoopbackCore(temp.dir), temp, docName);
    for (let i = 0; i < clients; i++) {
      session.clients.push(connectSyncClient(session.core.origin, session.core.token, docName, new Y.Doc()));
    }
    await Promise.all(session.clients.map((c) => c.synced));
    return session;
  }

  /**
   * Runs `steps` random edits by random clients (tokens `c<client>-<step>`, and `c<client>-down<k>`
   * while the core is down), disconnecting and reconnecting clients at random.
   */
  async run(gen: prng.PRNG, steps: number, edit: SeededEdit): Promise<void> {
    const last = this.clients.length - 1;
    const port = Number(new URL(this.core.origin).port);
    const restartAt = Math.floor(steps / 2);
    for (let step = 0; step < steps; step++) {
      if (step === restartAt) {
        // The core goes down mid-session (flushing as on SIGTERM) and comes back on the same port.
        await this.core.close();
        for (let k = 0; k < 10; k++) {
          const who = prng.uint32(gen, 0, last);
          const token = `c${who}-down${k}`;
          edit(this.clients[who]!.doc, token, `user${who}`);
          this.issued.push(token);
        }
        this.core = await startLoopbackCore(this.temp.dir, { port });
      }
      const who = prng.uint32(gen, 0, last);
      const client = this.clients[who]!;
      const roll = prng.real53(gen);
      if (roll < 0.04 && client.provider.wsconnected) {
        client.provider.disconnect();
        this.disconnects += 1;
      } else if (roll < 0.1 && !client.provider.shouldConnect) {
        client.provider.connect();
      }
      const token = `c${who}-${step}`;
      edit(client.doc, token, `user${who}`);
      this.issued.push(token);
      if (prng.real53(gen) < 0.3) {
        await new Promise((r) => setTimeout(r, prng.uint32(gen, 0, 8)));
      }
    }
  }

  /** Reconnects every client and waits until all are synced with the same state vector. */
  async converge(what: string): Promise<void> {
    for (const c of this.clients) {
      if (!c.provider.shouldConnect) {
        c.provider.connect();
      }
    }
    const vectors = (): string[] =>
      this.clients.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64'));
    await waitFor(
      () => this.clients.every((c) => c.provider.synced) && new Set(vectors()).size === 1,
      20_000,
      what,
    );
  }

  /** Drops the clients, restarts the core on its folder and returns the document as it was stored. */
  async reopen(): Promise<Y.Doc> {
    for (const c of this.clients.splice(0)) {
      c.destroy();
    }
    await new Promise((r) => setTimeout(r, 100));
    await this.core.close();
    this.core = await startLoopbackCore(this.temp.dir);
    const fresh = connectSyncClient(this.core.origin, this.core.token, this.docName, new Y.Doc());
    this.clients.push(fresh);
    await fresh.synced;
    return fresh.doc;
  }

  /** Disconnects everyone, stops the core and removes its folder. */
  async close(): Promise<void> {
    for (const c of this.clients.splice(0)) {
      c.destroy();
    }
    await this.core.close();
    this.temp.cleanup();
  }
}
