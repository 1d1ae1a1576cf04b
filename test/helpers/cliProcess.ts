import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** The CLI's source entry, run with tsx's loader in the same node process (so a kill hits the core itself). */
const CLI_ENTRY = resolve(ROOT, 'server/cli/main.ts');
/** The built CLI (`bin/mitschrift.js` on the bundle in out/main that `npm run build` makes). */
const BUILT_CLI = resolve(ROOT, 'bin/mitschrift.js');

/** Which CLI a test runs: the TypeScript source (default) or the built bundle. */
export interface CliOptions {
  built?: boolean;
}

/** A CLI process with its collected output. */
export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `mitschrift <args>` as its own process. */
export function runCli(args: string[], options: CliOptions = {}): CliProcess {
  const entry = options.built ? [BUILT_CLI] : ['--import', 'tsx/esm', CLI_ENTRY];
  const child = spawn(process.execPath, [...entry, ...args], {
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

/** How a CLI run that has ended went: its exit code and everything it printed. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `mitschrift <args>` to its end: the one way tests call a command and read its output. */
export async function runCliToEnd(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const proc = runCli(args, options);
  const { code } = await proc.exited;
  return { code, stdout: proc.stdout(), stderr: proc.stderr() };
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
