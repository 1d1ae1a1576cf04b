import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  MAX_EXCALIDRAW_FILE_BYTES,
  pngScaleOf,
  sketchExportFormatSchema,
  sketchRenderOptionsSchema,
  type SketchRenderFormat,
} from '../../../shared/api/sketchContract.js';
import { docNameFor, idSchema } from '../../../shared/docs/docName.js';
import type { ExcalidrawImportResult } from '../../../shared/sketch/excalidraw/excalidrawImport.js';
import { APP_VERSION } from '../../core/version.js';
import { readExcalidrawInWorker } from '../../imports/importCalls.js';
import { ImportBudgetError } from '../../imports/importPool.js';
import { exportSize, exportSketch as renderSketch, readExportScene } from '../../export/exportSketch.js';
import { readEventDetail } from '../../plan/eventService.js';
import { eventSketchFileName, eventSketchesOf } from '../../export/eventSketches.js';
import { withWorkspace } from '../../plan/storeAccess.js';
import { readDocSnapshot } from '../../storage/docSnapshot.js';
import { createSessionSketch, exportSketch, reportLines, sketchExists } from '../../sketch/sketchService.js';
import { DocStore } from '../../storage/docStore.js';
import {
  UsageError,
  commandGroup,
  dataDirFrom,
  requireWorkspace,
  writeExport,
  type CliCommand,
  type CommandUsage,
} from './cliCommand.js';

/** Usage of `sketch import`. */
const sketchImportUsage: CommandUsage = {
  usage: 'mitschrift sketch import SESSION FILE --data DIR',
  summary: 'Make a new sketchnote for a session from an .excalidraw file; prints its id last.',
};

/** Usage of `sketch export`. */
const sketchExportUsage: CommandUsage = {
  usage:
    'mitschrift sketch export SKETCH --format png|svg|pdf [--dpi N] [--scale S] --data DIR --out FILE\n' +
    '       mitschrift sketch export SKETCH --format excalidraw --data DIR [--out FILE]',
  summary:
    'Export a sketchnote as PNG (default 300 dpi; --scale: pixels per 1/96 inch), SVG or PDF (vector, fonts embedded), or as an .excalidraw file (to stdout without --out). Works while a core serves the folder.',
};

/** Usage of `sketch export-event`. */
const sketchExportEventUsage: CommandUsage = {
  usage:
    'mitschrift sketch export-event EVENT --format png|svg|pdf [--dpi N] [--scale S] --data DIR --out DIR',
  summary:
    'Export every sketchnote of an event into a folder (one file per session, named after the session), with a progress line per sketchnote.',
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * `mitschrift sketch import SESSION FILE --data DIR`. Reads the file first (refusing it, with the
 * reason on stderr and exit 1, before the workspace is touched), then under the workspace lock
 * writes a new sketch document and links it to the session. Output on stdout: what was read, the
 * counts per element type, skipped types and notes, a summary, then the new sketch id alone on
 * the last line.
 */
async function sketchImportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [sessionId, file, ...extra] = positionals;
  if (!sessionId || !file || extra.length) {
    throw new UsageError('import takes a SESSION id and one FILE.');
  }
  if (!idSchema.safeParse(sessionId).success) {
    throw new UsageError(`"${sessionId}" is not a session id (1 to 64 letters, digits, "-" or "_").`);
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new Error(`${file} is not a file.`);
  }
  const size = statSync(file).size;
  if (size > MAX_EXCALIDRAW_FILE_BYTES) {
    console.error(
      `mitschrift sketch import: ${file}: the file is ${mb(size)}; Excalidraw files may be at most ${mb(MAX_EXCALIDRAW_FILE_BYTES)}. Nothing was imported.`,
    );
    return 1;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch {
    console.error(
      `mitschrift sketch import: ${file}: the file is not UTF-8 text, so it is not an Excalidraw drawing. Nothing was imported.`,
    );
    return 1;
  }
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  let imported: ExcalidrawImportResult;
  try {
    // A new sketchnote: no ids to avoid, nothing below the imported items.
    imported = await readExcalidrawInWorker(text, { now: Date.now(), usedIds: [], zBase: {} });
  } catch (error) {
    if (error instanceof ImportBudgetError) {
      console.error(`mitschrift sketch import: ${basename(file)}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  if (!imported.ok) {
    console.error(`mitschrift sketch import: ${basename(file)}: ${imported.reason} Nothing was imported.`);
    return 1;
  }
  const created = withWorkspace(dataDir, (access) =>
    createSessionSketch(access, sessionId, imported.value, { random: randomBytes }),
  );
  if (!created) {
    console.error(
      `mitschrift sketch import: there is no session "${sessionId}" in the events of ${dataDir}. \`mitschrift event show EVENT --json\` lists the sessions with their ids.`,
    );
    return 1;
  }
  const { report } = imported.value;
  console.info(
    `Read ${basename(file)}: Excalidraw drawing${report.version === null ? '' : `, version ${report.version}`}, ${report.elements} element${report.elements === 1 ? '' : 's'}.`,
  );
  for (const line of reportLines(report)) {
    console.info(line);
  }
  console.info(
    `Made ${report.strokes} stroke${report.strokes === 1 ? '' : 's'}, ${report.objects} object${report.objects === 1 ? '' : 's'} and ` +
      `${report.images} image${report.images === 1 ? '' : 's'} in a new sketchnote for the session "${created.session.sessionTitle}" ` +
      `of the event "${created.session.eventTitle}".`,
  );
  if (created.previousSketchId) {
    console.info(
      `note: the session's previous sketchnote ${created.previousSketchId} stays in the workspace but is no longer linked to the session.`,
    );
  }
  console.info(created.sketchId);
  return 0;
}

/**
 * `mitschrift sketch export SKETCH --format png|svg|pdf [--dpi N] [--scale S] --data DIR --out FILE`
 * and `… --format excalidraw --data DIR [--out FILE]`.
 */
async function sketchExportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      dpi: { type: 'string' },
      scale: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [sketchId, ...extra] = positionals;
  if (!sketchId || extra.length) {
    throw new UsageError('export takes exactly one SKETCH id.');
  }
  const format = sketchExportFormatSchema.safeParse(values.format);
  if (!format.success) {
    throw new UsageError(`--format must be png, svg, pdf or excalidraw, not "${values.format ?? ''}".`);
  }
  if (format.data !== 'excalidraw') {
    return renderExport(sketchId, { ...values, format: format.data });
  }
  if (values.dpi !== undefined || values.scale !== undefined) {
    throw new UsageError('--dpi and --scale apply to --format png only.');
  }
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  if (!idSchema.safeParse(sketchId).success || !sketchExists(new DocStore(dataDir), sketchId)) {
    console.error(`mitschrift sketch export: there is no sketchnote "${sketchId}" in ${dataDir}.`);
    return 1;
  }
  const exported = withWorkspace(dataDir, (access) =>
    exportSketch(access, sketchId, { source: `mitschrift ${APP_VERSION}` }),
  );
  for (const entry of exported.skipped) {
    console.error(
      `warning: left out the malformed ${entry.map === 'strokes' ? 'stroke' : 'object'} ${entry.id}: ${entry.reason}`,
    );
  }
  writeExport(values.out, exported.body, `${exported.elements} element${exported.elements === 1 ? '' : 's'}`);
  return 0;
}

/** A number flag as given (so "300dpi" or "" is refused, not read as NaN or 0). */
function numberFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!/^\s*[0-9]+(\.[0-9]+)?\s*$/.test(value)) {
    throw new UsageError(`--${name} must be a number, not "${value}".`);
  }
  return Number(value);
}

/** `sketch export --format png|svg|pdf`: renders from a read-only snapshot of the sketch's log. */
async function renderExport(
  sketchId: string,
  values: { format: SketchRenderFormat; data?: string; out?: string; dpi?: string; scale?: string },
): Promise<number> {
  const parsed = sketchRenderOptionsSchema.safeParse({
    format: values.format,
    dpi: numberFlag('dpi', values.dpi),
    scale: numberFlag('scale', values.scale),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = issue?.path[0] === 'scale' ? '--scale' : issue?.path[0] === 'dpi' ? '--dpi' : '--format';
    throw new UsageError(`${flag}: ${issue?.message ?? 'invalid'}.`);
  }
  if (!values.out) {
    throw new UsageError(`--out FILE is needed for --format ${values.format}.`);
  }
  const out = values.out;
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  const doc = idSchema.safeParse(sketchId).success
    ? readDocSnapshot(dataDir, docNameFor('sketch', sketchId))
    : undefined;
  if (!doc) {
    console.error(`mitschrift sketch export: there is no sketchnote "${sketchId}" in ${dataDir}.`);
    return 1;
  }
  const scene = readExportScene(doc);
  doc.destroy();
  for (const entry of scene.rejected) {
    console.error(
      `warning: left out the malformed ${entry.map === 'strokes' ? 'stroke' : 'object'} ${entry.id}: ${entry.reason}`,
    );
  }
  const options = parsed.data;
  const temp = `${out}.tmp-${process.pid}`;
  try {
    const result = await renderSketch(scene, options, createWriteStream(temp));
    renameSync(temp, out);
    const size = exportSize(scene, options);
    const detail =
      options.format === 'png'
        ? `PNG ${result.width ?? size.widthPx} x ${result.height ?? size.heightPx} px at ${Math.round(pngScaleOf(options) * 96 * 100) / 100} dpi`
        : `${options.format.toUpperCase()} ${size.widthMm} x ${size.heightMm} mm`;
    console.error(`Wrote ${out} (${detail}, ${size.items} item${size.items === 1 ? '' : 's'}).`);
    return 0;
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof RangeError) {
      console.error(`mitschrift sketch export: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/**
 * `mitschrift sketch export-event EVENT --format png|svg|pdf … --data DIR --out DIR`: every session
 * of the event that has a sketchnote, exported one after the other (one render in memory at a time)
 * as `<session-slug>-<sketch id>.<format>`. Exit 1 if the event is unknown or any export failed.
 */
async function sketchExportEventCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      dpi: { type: 'string' },
      scale: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [eventId, ...extra] = positionals;
  if (!eventId || extra.length) {
    throw new UsageError('export-event takes exactly one EVENT id.');
  }
  const format = sketchExportFormatSchema.safeParse(values.format);
  if (!format.success || format.data === 'excalidraw') {
    throw new UsageError(`--format must be png, svg or pdf, not "${values.format ?? ''}".`);
  }
  if (!values.out) {
    throw new UsageError('--out DIR is needed: the folder the files are written to.');
  }
  const outDir = values.out;
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  const detail = withWorkspace(dataDir, (access) => readEventDetail(access, eventId));
  if (!detail) {
    console.error(
      `mitschrift sketch export-event: there is no event "${eventId}" in ${dataDir}. \`mitschrift event list\` shows the ids.`,
    );
    return 1;
  }
  const store = new DocStore(dataDir);
  const sketches = eventSketchesOf(detail, (id) => sketchExists(store, id));
  if (sketches.length === 0) {
    console.error(`mitschrift sketch export-event: the event "${detail.title}" has no sketchnotes yet.`);
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  let failed = 0;
  for (const [index, sketch] of sketches.entries()) {
    const out = join(outDir, eventSketchFileName(sketch, format.data));
    console.error(`[${index + 1}/${sketches.length}] ${sketch.sessionTitle}`);
    const code = await renderExport(sketch.sketchId, { ...values, format: format.data, out });
    failed += code === 0 ? 0 : 1;
  }
  console.error(
    `Exported ${sketches.length - failed} of ${sketches.length} sketchnote${sketches.length === 1 ? '' : 's'} of "${detail.title}" to ${outDir}.`,
  );
  return failed === 0 ? 0 : 1;
}

/**
 * `mitschrift sketch <sub-command>`: sketchnotes to and from Excalidraw files, working on a
 * workspace folder directly (refused with the lock's message while a core serves that folder).
 */
export const sketchCommand: CliCommand = commandGroup({
  import: { usage: sketchImportUsage, run: sketchImportCommand },
  export: { usage: sketchExportUsage, run: sketchExportCommand },
  'export-event': { usage: sketchExportEventUsage, run: sketchExportEventCommand },
});
