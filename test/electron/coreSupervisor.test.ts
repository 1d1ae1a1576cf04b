import { afterEach, describe, expect, it, vi } from 'vitest';
import { superviseCore, type CoreChild } from '../../electron/main/coreSupervisor.js';

/** A fake core process: records what the shell sends, and lets the test answer or crash it. */
class FakeCore implements CoreChild {
  readonly sent: unknown[] = [];
  private readonly listeners = {
    message: [] as ((m: unknown) => void)[],
    exit: [] as ((c: number) => void)[],
  };
  killed = false;

  constructor(private readonly behaviour: (core: FakeCore, message: unknown) => void) {}

  postMessage(message: unknown): void {
    this.sent.push(message);
    queueMicrotask(() => this.behaviour(this, message));
  }
  on(event: 'message' | 'exit', listener: ((m: unknown) => void) & ((c: number) => void)): this {
    this.listeners[event].push(listener);
    return this;
  }
  kill(): boolean {
    this.killed = true;
    this.exit(137);
    return true;
  }
  report(message: unknown): void {
    this.listeners.message.forEach((l) => l(message));
  }
  exit(code: number): void {
    this.listeners.exit.forEach((l) => l(code));
  }
}

/** A core that listens on the port it is given (a fresh one for port 0) and exits on shutdown. */
const listeningCore = (core: FakeCore, message: unknown): void => {
  const m = message as { type: string; port?: number; token?: string };
  if (m.type === 'start') {
    const port = m.port === 0 ? 43210 : m.port;
    core.report({
      type: 'listening',
      origin: `http://127.0.0.1:${port}`,
      joinUrl: `http://127.0.0.1:${port}/?token=${m.token}`,
    });
  } else if (m.type === 'shutdown') {
    core.exit(0);
  }
};

const launch = { dataDir: '/tmp/ws', host: '127.0.0.1', port: 0, token: 'a'.repeat(43) };

afterEach(() => {
  vi.useRealTimers();
});

describe('the core supervisor', () => {
  it('starts the core, and restarts it after a crash on the same port with the same token', async () => {
    vi.useFakeTimers();
    const forks: FakeCore[] = [];
    const restarted: string[] = [];
    const core = await superviseCore({
      fork: () => {
        const fake = new FakeCore(listeningCore);
        forks.push(fake);
        return fake;
      },
      launch,
      onRestarted: (origin) => restarted.push(origin),
      onFatal: () => expect.fail('not fatal'),
      log: () => undefined,
    });
    expect(core.origin).toBe('http://127.0.0.1:43210');
    forks[0]!.exit(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(forks).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(forks).toHaveLength(2);
    expect(forks[1]!.sent[0]).toEqual({ type: 'start', ...launch, port: 43210 });
    expect(restarted).toEqual(['http://127.0.0.1:43210']);
  });

  it('hands the portal token the core reports to the shell, and to every restart', async () => {
    vi.useFakeTimers();
    const forks: FakeCore[] = [];
    const kept: (string | null)[] = [];
    await superviseCore({
      fork: () => {
        const fake = new FakeCore(listeningCore);
        forks.push(fake);
        return fake;
      },
      launch: { ...launch, publishTokenStorage: 'memory', publishToken: 'old-token-1234' },
      onPublishToken: (token) => kept.push(token),
      onFatal: () => expect.fail('not fatal'),
      log: () => undefined,
    });
    expect(forks[0]!.sent[0]).toMatchObject({
      publishTokenStorage: 'memory',
      publishToken: 'old-token-1234',
    });
    forks[0]!.report({ type: 'publish-token', token: 'new-token-5678' });
    // Malformed reports change nothing.
    forks[0]!.report({ type: 'publish-token', token: 42 });
    forks[0]!.report({ type: 'publish-token', token: 'short' });
    expect(kept).toEqual(['new-token-5678']);
    forks[0]!.exit(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(forks[1]!.sent[0]).toMatchObject({ publishToken: 'new-token-5678' });
    forks[1]!.report({ type: 'publish-token', token: null });
    expect(kept).toEqual(['new-token-5678', null]);
    forks[1]!.exit(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(forks[2]!.sent[0]).not.toHaveProperty('publishToken');
  });

  it('backs off between restarts and gives up after too many in a minute', async () => {
    vi.useFakeTimers();
    const forks: FakeCore[] = [];
    const fatal: string[] = [];
    await superviseCore({
      fork: () => {
        // The first start works; every restart crashes straight after start.
        const fake = new FakeCore(forks.length === 0 ? listeningCore : (c) => c.exit(3));
        forks.push(fake);
        return fake;
      },
      launch,
      restartDelaysMs: [100, 200, 400],
      maxRestarts: 3,
      onFatal: (message) => fatal.push(message),
      log: () => undefined,
    });
    forks[0]!.exit(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(forks).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(forks).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(forks).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(400);
    expect(forks).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(forks).toHaveLength(4);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatch(/gives up/);
  });

  it('reports a failed first start and does not restart it', async () => {
    vi.useFakeTimers();
    let forks = 0;
    const start = superviseCore({
      fork: () => {
        forks += 1;
        return new FakeCore((c) => {
          c.report({ type: 'failed', message: 'Der Arbeitsbereich wird schon benutzt (pid 4711).' });
          c.exit(1);
        });
      },
      launch,
      onFatal: () => expect.fail('not fatal'),
      log: () => undefined,
    });
    await expect(start).rejects.toThrow(/schon benutzt/);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(forks).toBe(1);
  });

  it('shuts down cleanly without restarting, and kills a core that does not stop in time', async () => {
    let forks = 0;
    const polite = await superviseCore({
      fork: () => {
        forks += 1;
        return new FakeCore(listeningCore);
      },
      launch,
      onFatal: () => expect.fail('not fatal'),
      log: () => undefined,
    });
    await polite.close();
    expect(forks).toBe(1);

    let stubborn: FakeCore | undefined;
    const hanging = await superviseCore({
      fork: () => {
        stubborn = new FakeCore((c, m) => {
          if ((m as { type: string }).type === 'start') {
            listeningCore(c, m);
          }
        });
        return stubborn;
      },
      launch,
      shutdownTimeoutMs: 50,
      onFatal: () => expect.fail('not fatal'),
      log: () => undefined,
    });
    await hanging.close();
    expect(stubborn?.killed).toBe(true);
  });
});
