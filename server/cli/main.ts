import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { startCore } from '../core/startCore.js';
import { APP_VERSION } from '../core/version.js';
import { defaultDataDir } from '../storage/dataDir.js';
import { normalisePublicUrl, savePublicUrl } from '../storage/publicUrl.js';
import {
  DEFAULT_SYNC_LIMITS,
  SYNC_LIMIT_SPECS,
  SyncLimitError,
  syncLimitsFrom,
  type SyncLimits,
} from '../sync/syncLimits.js';
import { UsageError, isParseArgsError, type CommandUsage } from './commands/cliCommand.js';
import { eventCommand } from './commands/event.js';
import { padCommand } from './commands/pad.js';
import { sketchCommand } from './commands/sketch.js';

/** One CLI command: its usage lines (one per sub-command) and what it does. */
interface Command {
  usages: readonly CommandUsage[];
  run(args: string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  serve: {
    usages: [
      {
        usage: 'mitschrift serve [--host H] [--port P] [--data DIR] [--public-url URL] [--max-… N]',
        summary: 'Start the core and serve the app to browsers (host mode).',
      },
    ],
    run: serve,
  },
  event: eventCommand,
  pad: padCommand,
  sketch: sketchCommand,
  help: {
    usages: [{ usage: 'mitschrift help', summary: 'List the commands.' }],
    run: async () => {
      printHelp();
      return 0;
    },
  },
  version: {
    usages: [{ usage: 'mitschrift version', summary: 'Print the version.' }],
    run: async () => {
      console.info(APP_VERSION);
      return 0;
    },
  },
};

function printHelp(): void {
  const lines = [
    `Mitschrift ${APP_VERSION}: graphic recording and session documentation for civic events.`,
    '',
    'Commands:',
    ...Object.values(commands).flatMap((c) => c.usages.map(usageLine)),
    '',
    'Options of serve:',
    '  --host H     interface to listen on (default 127.0.0.1; 0.0.0.0 lets participants on the LAN join)',
    '  --port P     port (default: a free one; 0 also picks a free one)',
    `  --data DIR   workspace folder (default ${defaultDataDir()})`,
    '  --public-url URL  the address participants reach (http://HOST:PORT), for join links; kept in the',
    '               workspace (MITSCHRIFT_PUBLIC_URL)',
    '  Limits of the sync endpoint (flag, or environment variable; default):',
    ...SYNC_LIMIT_SPECS.map(
      (spec) => `  --${spec.flag} N  ${spec.help} (${spec.env}; default ${DEFAULT_SYNC_LIMITS[spec.key]})`,
    ),
    '',
    'Options of event (the event commands work on the folder directly and refuse while a core serves it;',
    'share, tokens, revoke and rename-token also work beside a running core, which applies them at once):',
    '  --role R           organiser, recorder, edit or view (share)',
    '  --label L          a join link\'s label, e.g. "Projektor" (share, rename-token)',
    "  --url U            the address printed links point at (default: the public URL, else the core's)",
    '  --data DIR         workspace folder (default as for serve)',
    '  --json             print JSON: list as GET /api/events, show as GET /api/events/:id',
    '  --title T          title of the new event (default: the file name)',
    '  --skip-bad-rows    import the rows without errors and list each skipped row (default: any',
    '                     row error stops the import and nothing is written)',
    '  --format F         csv (UTF-8, comma, English headers; re-imports identically),',
    '                     csv-excel-de (for German Excel: BOM, ";", German headers) or ics (iCalendar)',
    '  --out FILE         write the export to FILE instead of stdout',
  ];
  console.info(lines.join('\n'));
}

/** One help line; a usage too long for the column gets its summary on the next line. */
function usageLine({ usage, summary }: CommandUsage): string {
  return usage.length <= 52
    ? `  ${usage.padEnd(52)} ${summary}`
    : `  ${usage}\n  ${' '.repeat(52)} ${summary}`;
}

/** The built renderer next to this bundle (out/main/cli.js → out/renderer). */
function rendererDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidate = join(here, '..', 'renderer');
  return existsSync(join(candidate, 'index.html')) ? candidate : undefined;
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      'public-url': { type: 'string' },
      ...Object.fromEntries(SYNC_LIMIT_SPECS.map((spec) => [spec.flag, { type: 'string' as const }])),
    },
    strict: true,
  });
  let syncLimits: SyncLimits;
  try {
    syncLimits = syncLimitsFrom(values as Record<string, string | undefined>, process.env);
  } catch (error) {
    if (error instanceof SyncLimitError) {
      console.error(`mitschrift serve: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`mitschrift serve: --port must be a number from 0 to 65535, not "${values.port}".`);
    return 2;
  }
  const dataDir = resolve(values.data ?? defaultDataDir());
  const publicUrlValue = values['public-url'] ?? process.env['MITSCHRIFT_PUBLIC_URL'];
  let publicUrl: string | undefined;
  try {
    publicUrl = publicUrlValue === undefined ? undefined : normalisePublicUrl(publicUrlValue);
  } catch (error) {
    console.error(`mitschrift serve: --public-url: ${(error as Error).message}`);
    return 2;
  }
  const ui = rendererDir();
  if (!ui) {
    console.warn(
      'No built renderer found next to the CLI: run `npm run build` to serve the app; API and sync work.',
    );
  }
  const core = await startCore({
    host: values.host ?? '127.0.0.1',
    port,
    dataDir,
    syncLimits,
    ...(publicUrl === undefined ? {} : { publicUrl }),
    ...(ui ? { rendererDir: ui } : {}),
  });
  if (publicUrl !== undefined) {
    // Remembered in the workspace, so `mitschrift event share` prints links on this address too.
    savePublicUrl(dataDir, publicUrl);
  }
  console.info(`Workspace: ${dataDir}`);
  console.info(`Mitschrift listening on ${core.joinUrl}`);
  await new Promise<void>((resolveStop) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolveStop();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await core.close();
  return 0;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    printHelp();
    return 0;
  }
  if (name === '--version' || name === '-v') {
    console.info(APP_VERSION);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`mitschrift: unknown command "${name}". Run \`mitschrift --help\` for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.info(command.usages.map((u) => `${u.usage}\n  ${u.summary}`).join('\n'));
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      console.error(`mitschrift ${name}: ${error.message}`);
      const usages = error instanceof UsageError && error.usages ? error.usages : command.usages;
      console.error(usages.map((u) => `usage: ${u.usage}`).join('\n'));
      return 2;
    }
    console.error(`mitschrift ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
