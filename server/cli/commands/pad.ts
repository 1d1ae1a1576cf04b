import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_IMPORT_BYTES, padFormatSchema, type RemovedContent } from '../../../shared/api/padContract.js';
import { idSchema } from '../../../shared/docs/docName.js';
import { readImportInWorker } from '../../imports/importCalls.js';
import { PadRequestError, applyPadImport, exportPad, formatFromFileName } from '../../pad/padService.js';
import { findPadSession } from '../../pad/padTemplates.js';
import { withPadWorkspace } from '../../pad/padWorkspace.js';
import {
  UsageError,
  commandGroup,
  dataDirFrom,
  requireWorkspace,
  writeExport,
  type CliCommand,
  type CommandUsage,
} from './cliCommand.js';

/** Usage of `pad import`. */
const padImportUsage: CommandUsage = {
  usage: 'mitschrift pad import SESSION FILE --data DIR',
  summary: "Import a .etherpad, .html, .md or .txt file into a session's pad (format from the file name).",
};

/** Usage of `pad export`. */
const padExportUsage: CommandUsage = {
  usage: 'mitschrift pad export SESSION --format etherpad|html|md|txt --data DIR [--out FILE]',
  summary: "Export a session's pad to stdout or FILE (.etherpad with its whole history).",
};

function sessionId(value: string | undefined): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) {
    throw new UsageError(
      `SESSION must be a session id (1 to 64 letters, digits, "-" or "_"), not "${value ?? ''}".`,
    );
  }
  return parsed.data;
}

/**
 * `mitschrift pad import SESSION FILE --data DIR`. The file is read, converted and checked before
 * the pad is touched: a bad file prints why on stderr, changes nothing and exits 1. On success the
 * import replaces the pad's content as new revisions (the old content stays in the history).
 */
async function padImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [session, file, ...extra] = positionals;
  if (!file || extra.length) {
    throw new UsageError('pad import takes a SESSION id and one FILE.');
  }
  const padId = sessionId(session);
  const format = formatFromFileName(file);
  if (!format) {
    throw new UsageError(
      `cannot tell the format of "${basename(file)}": use a file ending in .etherpad, .html, .htm, .md, .markdown or .txt.`,
    );
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new Error(`${file} is not a file.`);
  }
  const size = statSync(file).size;
  if (size > MAX_IMPORT_BYTES) {
    console.error(
      `mitschrift pad import: ${file} has ${size} bytes, more than ${MAX_IMPORT_BYTES}. Nothing was imported.`,
    );
    return 1;
  }
  const bytes = new Uint8Array(readFileSync(file));
  const dataDir = dataDirFrom(values.data);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    const parsed = await readImportInWorker(format, bytes);
    const result = withPadWorkspace(dataDir, padId, { create: true }, (handle) =>
      applyPadImport(handle, parsed, undefined, new Date()),
    );
    console.info(
      `Imported ${basename(file)} (${format}) into pad ${padId}: ${result.revisions} revision${result.revisions === 1 ? '' : 's'}, ` +
        `${result.authors} author${result.authors === 1 ? '' : 's'}, ${result.characters} characters; the pad is at revision ${result.head}.`,
    );
    if (result.removed) {
      console.info(removedLine(result.removed));
    }
    return 0;
  } catch (error) {
    if (error instanceof PadRequestError) {
      console.error(`mitschrift pad import: ${basename(file)}: ${error.message}`);
      for (const detail of error.details ?? []) {
        console.error(`  ${detail}`);
      }
      return 1;
    }
    throw error;
  }
}

/** What an HTML import stripped, as one line (`Removed: 2 scripts, 1 event handler.` or `Removed: nothing.`). */
function removedLine(removed: RemovedContent): string {
  const names: Record<keyof RemovedContent, [string, string]> = {
    scripts: ['script', 'scripts'],
    styles: ['style sheet', 'style sheets'],
    eventHandlers: ['event handler', 'event handlers'],
    unsafeLinks: ['unsafe link', 'unsafe links'],
    frames: ['frame', 'frames'],
    embeds: ['embedded object', 'embedded objects'],
    externalReferences: ['reference to another host', 'references to other hosts'],
  };
  const parts = (Object.keys(names) as (keyof RemovedContent)[])
    .filter((key) => removed[key] > 0)
    .map((key) => `${removed[key]} ${names[key][removed[key] === 1 ? 0 : 1]}`);
  return `Removed: ${parts.length ? parts.join(', ') : 'nothing'}.`;
}

/** `mitschrift pad export SESSION --format etherpad|html|md|txt --data DIR [--out FILE]`. */
async function padExport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [session, ...extra] = positionals;
  if (!session || extra.length) {
    throw new UsageError('pad export takes exactly one SESSION id.');
  }
  const padId = sessionId(session);
  const format = padFormatSchema.safeParse(values.format);
  if (!format.success) {
    throw new UsageError(`--format must be etherpad, html, md or txt, not "${values.format ?? ''}".`);
  }
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  const exported = withPadWorkspace(dataDir, padId, { create: false }, (handle, access) => {
    const title = findPadSession(access, padId)?.session.title.trim() || `Pad ${padId}`;
    return exportPad(handle, format.data, { title });
  });
  writeExport(values.out, exported.body);
  return 0;
}

/**
 * `mitschrift pad <sub-command>`: a session's notes pad, working on a workspace folder directly
 * (refused with the lock's message while a core serves that folder).
 */
export const padCommand: CliCommand = commandGroup({
  import: { usage: padImportUsage, run: padImport },
  export: { usage: padExportUsage, run: padExport },
});
