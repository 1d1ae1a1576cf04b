import { parseArgs } from 'node:util';
import { planExportFormatSchema } from '../../../shared/api/eventContract.js';
import { APP_VERSION } from '../../core/version.js';
import { exportEventPlan } from '../../plan/eventService.js';
import { withWorkspace } from '../../plan/storeAccess.js';
import { UsageError, dataDirFrom, requireWorkspace, writeExport, type CommandUsage } from './cliCommand.js';

/** Usage of `event export-plan`. */
export const exportPlanUsage: CommandUsage = {
  usage: 'mitschrift event export-plan EVENT --format csv|ics --data DIR [--out FILE]',
  summary: 'Export the session plan to stdout or FILE.',
};

/** `mitschrift event export-plan EVENT --format csv|csv-excel-de|ics --data DIR [--out FILE]`. */
export async function exportPlanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [id, ...extra] = positionals;
  if (!id || extra.length) {
    throw new UsageError('export-plan takes exactly one EVENT id.');
  }
  const format = planExportFormatSchema.safeParse(values.format);
  if (!format.success) {
    throw new UsageError(`--format must be csv, csv-excel-de or ics, not "${values.format ?? ''}".`);
  }
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  const exported = withWorkspace(dataDir, (access) =>
    exportEventPlan(access, id, format.data, { now: new Date(), productVersion: APP_VERSION }),
  );
  if (!exported) {
    console.error(
      `mitschrift event export-plan: there is no event "${id}" in ${dataDir}. \`mitschrift event list\` shows the ids.`,
    );
    return 1;
  }
  writeExport(values.out, exported.body);
  return 0;
}
