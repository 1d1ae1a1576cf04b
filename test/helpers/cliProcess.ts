import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** The CLI's source entry, run with tsx's loader in the same node process (so a kill hits the core itself). */
const CLI_ENTRY = resolve(ROOT, 'server/cli/main.ts');

/** A CLI process with its collected output. */
export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `mitschrift <args>` as its own process. */
export function runCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', CLI_ENTRY, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on('exit', (code, signal) => r({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** The listening line `serve` prints, exactly as other tools parse it. */
export const LISTENING_LINE =
  /^Mitschrift listening on (http:\/\/([^/:]+|\[[^\]]+\]):(\d+))\/\?token=([A-Za-z0-9_-]+)$/m;

/** Starts `mitschrift serve` and waits for its listening line. */
export async function startServe(
  args: string[],
): Promise<CliProcess & { origin: string; token: string; port: number }> {
  const proc = runCli(['serve', ...args]);
  const start = Date.now();
  for (;;) {
    const match = LISTENING_LINE.exec(proc.stdout());
    if (match) {
      return { ...proc, origin: match[1]!, port: Number(match[3]), token: match[4]! };
    }
    if (proc.child.exitCode !== null || Date.now() - start > 30_000) {
      throw new Error(`serve did not start:\n${proc.stdout()}\n${proc.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
