import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
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

/** One sub-command of a command group: its usage line and what it does; returns the exit code. */
export interface Subcommand {
  usage: CommandUsage;
  run(args: string[]): Promise<number>;
}

/**
 * A command made of sub-commands (`mitschrift pad import …`): runs the one the first argument names
 * and gives its usage errors (and node:util parseArgs errors) that sub-command's usage line.
 */
export function commandGroup(subcommands: Record<string, Subcommand>): CliCommand {
  return {
    usages: Object.values(subcommands).map((sub) => sub.usage),
    async run(args) {
      const [name, ...rest] = args;
      const sub = name ? subcommands[name] : undefined;
      if (!sub) {
        throw new UsageError(
          name
            ? `unknown sub-command "${name}"; use one of ${Object.keys(subcommands).join(', ')}.`
            : 'a sub-command is missing.',
        );
      }
      try {
        return await sub.run(rest);
      } catch (error) {
        if (error instanceof UsageError) {
          throw new UsageError(error.message, [sub.usage]);
        }
        if (isParseArgsError(error)) {
          throw new UsageError(`${name ?? ''}: ${error.message}`, [sub.usage]);
        }
        throw error;
      }
    },
  };
}

/**
 * Writes an export to `out` (saying `Wrote FILE (detail).` on stderr) or, without `out`, to stdout.
 * The file is written next to the target and renamed, so a half-written file never replaces a good one.
 */
export function writeExport(out: string | undefined, body: string, detail?: string): void {
  if (out) {
    const temp = `${out}.tmp-${process.pid}`;
    writeFileSync(temp, body);
    renameSync(temp, out);
    console.error(`Wrote ${out}${detail === undefined ? '' : ` (${detail})`}.`);
  } else {
    process.stdout.write(body);
  }
}
