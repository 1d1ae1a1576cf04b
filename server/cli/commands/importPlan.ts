import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_PLAN_FILE_BYTES } from '../../../shared/api/eventContract.js';
import type { PlanPreview } from '../../../shared/event/importedPlan.js';
import { DEFAULT_TIME_ZONE } from '../../../shared/event/localTime.js';
import { createEventFromPlan } from '../../plan/eventService.js';
import { previewPlanInWorker } from '../../imports/importCalls.js';
import { ImportBudgetError } from '../../imports/importPool.js';
import { hintFrom, tooLargeMessage } from '../../plan/planFile.js';
import { badRowLines, importable } from '../../plan/planPreview.js';
import { withWorkspace } from '../../plan/storeAccess.js';
import { UsageError, dataDirFrom, type CommandUsage } from './cliCommand.js';

/** Usage of `event import-plan`. */
export const importPlanUsage: CommandUsage = {
  usage: 'mitschrift event import-plan FILE --data DIR [--title T] [--skip-bad-rows]',
  summary: 'Create an event from a plan file (CSV or Sessionize JSON); prints its id last.',
};

/**
 * `mitschrift event import-plan FILE --data DIR [--title T] [--skip-bad-rows]`. Output on stdout:
 * how the file was read, its warnings, a summary, then the new event's id alone on the last line.
 * With row errors (and no --skip-bad-rows) or file errors it prints them on stderr, writes nothing
 * and exits 1.
 */
export async function importPlanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      title: { type: 'string' },
      'skip-bad-rows': { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length) {
    throw new UsageError('import-plan takes exactly one FILE.');
  }
  const title = (values.title ?? basename(file, extname(file))).trim();
  if (!title || title.length > 200) {
    throw new UsageError('--title must have 1 to 200 characters.');
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new Error(`${file} is not a file.`);
  }
  const size = statSync(file).size;
  if (size > MAX_PLAN_FILE_BYTES) {
    // Refuse before reading: a wrong file (a video, a database dump) should not be loaded at all.
    console.error(`mitschrift event import-plan: ${file}: ${tooLargeMessage(size)} Nothing was imported.`);
    return 1;
  }
  let preview: PlanPreview;
  try {
    preview = await previewPlanInWorker(
      new Uint8Array(readFileSync(file)),
      DEFAULT_TIME_ZONE,
      hintFrom(file),
    );
  } catch (error) {
    if (error instanceof ImportBudgetError) {
      console.error(`mitschrift event import-plan: ${basename(file)}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const skip = values['skip-bad-rows'];
  console.info(describeSource(file, preview));
  if (!importable(preview, skip)) {
    printRefusal(file, preview);
    return 1;
  }
  for (const problem of [...preview.fileProblems, ...preview.rows.flatMap((r) => r.problems)]) {
    if (problem.severity === 'warning') {
      console.info(`warning: ${problem.message}`);
    }
  }
  const skipped = badRowLines(preview);
  for (const row of preview.rows.filter((r) => skipped.includes(r.line))) {
    const errors = row.problems.filter((p) => p.severity === 'error').map((p) => p.message);
    console.info(`skipped: ${errors.join(' ')}`);
  }
  const dataDir = dataDirFrom(values.data);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { event, added } = withWorkspace(dataDir, (access) =>
    createEventFromPlan(access, { title, plan: preview.plan, random: randomBytes, now: new Date() }),
  );
  const s = preview.summary;
  console.info(
    `Imported ${count(added.sessions, 'session')} (${s.scheduled} scheduled, ${s.proposed} proposed, ${s.cancelled} cancelled) ` +
      `in ${count(added.rooms, 'room')} and ${count(added.slots, 'time slot')} into the new event "${event.title}"` +
      `${skipped.length ? `; skipped ${count(skipped.length, 'row')} with errors (lines ${skipped.join(', ')})` : ''}.`,
  );
  for (const conflict of preview.conflicts) {
    console.info(`conflict: ${conflict.message}`);
  }
  console.info(event.id);
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describeSource(file: string, preview: PlanPreview): string {
  const { source } = preview;
  const how =
    source.format === 'sessionize'
      ? 'Sessionize JSON'
      : `CSV, ${source.encoding ?? 'unknown encoding'}` +
        (source.delimiter
          ? `, ${source.delimiter === '\t' ? 'tab' : `"${source.delimiter}"`}-separated`
          : '');
  return `Read ${basename(file)}: ${how}, ${count(preview.summary.rows, 'row')}.`;
}

function printRefusal(file: string, preview: PlanPreview): void {
  const fileErrors = preview.fileProblems.filter((p) => p.severity === 'error');
  const rowErrors = preview.rows.flatMap((r) => r.problems.filter((p) => p.severity === 'error'));
  for (const problem of [...fileErrors, ...rowErrors]) {
    console.error(`error: ${problem.message}`);
  }
  const lines = badRowLines(preview);
  console.error(
    `mitschrift event import-plan: ${basename(file)} has ${count(fileErrors.length + rowErrors.length, 'error')}; nothing was imported.` +
      (fileErrors.length === 0 && lines.length
        ? ` Fix the rows (lines ${lines.join(', ')}), or run again with --skip-bad-rows to import the others.`
        : ''),
  );
}
