import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultDataDir } from '../../storage/dataDir.js';

/** One usage line of the help and what it does. */
export interface CommandUsage {
  usage: string;
  summary: string;
}

/** One CLI command: its usage lines (one per sub-command) and what it does; returns the exit code. */
export interface CliCommand {
  usages: readonly CommandUsage[];
  run(args: string[]): Promise<number>;
}

/** A wrong invocation: printed with the usage lines it concerns (all of the command's if none), exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usages?: readonly CommandUsage[],
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** node:util parseArgs throws these for unknown or malformed options: a usage error, not a failure. */
export function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('ERR_PARSE_ARGS')
  );
}

/** The workspace folder of `--data`, or the default one (the same rule as `serve`). */
export function dataDirFrom(value: string | undefined): string {
  return resolve(value ?? defaultDataDir());
}

/** Refuses a workspace folder that does not exist, so reading commands never create one by mistake. */
export function requireWorkspace(dataDir: string): void {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new Error(`There is no workspace at ${dataDir}. Check --data.`);
  }
}
