import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { idSchema } from '../../../shared/docs/docName.js';
import { APP_VERSION } from '../../core/version.js';
import { buildBundle } from '../../bundle/buildBundle.js';
import { BUNDLE_PROFILES, type BundleProfile, type PseudonymEntry } from '../../bundle/bundleTypes.js';
import { BundleRequestError } from '../../bundle/collectBundle.js';
import { BundleSpool } from '../../bundle/bundleSpool.js';
import { writeBundleZip } from '../../bundle/writeBundle.js';
import { collectFromWorkspace } from '../../bundle/workspaceSource.js';
import {
  UsageError,
  dataDirFrom,
  requireWorkspace,
  type CliCommand,
  type CommandUsage,
} from './cliCommand.js';

/** Usage of `export`. */
const exportUsage: CommandUsage = {
  usage:
    'mitschrift export EVENT --data DIR --out PATH [--profile public|internal] [--sessions ID,ID] [--zip]',
  summary:
    'Write the documentation bundle of an event (booklet, PDFs, notes, website, metadata.json, SHA256SUMS) as a folder or a ZIP.',
};

/** The report lines about pseudonymised names (printed for the organiser; never written into the bundle). */
function pseudonymLines(pseudonyms: readonly PseudonymEntry[]): string[] {
  if (pseudonyms.length === 0) {
    return ['Pseudonymised: nobody (everyone named has consented).'];
  }
  return [
    `Pseudonymised ${pseudonyms.length} name${pseudonyms.length === 1 ? '' : 's'} (no consent):`,
    ...pseudonyms.map((p) => `  ${p.pseudonym}: ${p.name} (${p.roles.join(', ')})`),
  ];
}

async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'string', default: 'public' },
      sessions: { type: 'string' },
      zip: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const [event, ...extra] = positionals;
  if (!event || extra.length) {
    throw new UsageError('export takes exactly one EVENT id.');
  }
  if (!idSchema.safeParse(event).success) {
    throw new UsageError(`EVENT must be an event id, not "${event}".`);
  }
  if (!values.out) {
    throw new UsageError('--out PATH is missing (a folder, or a .zip file with --zip).');
  }
  const profile = values.profile as BundleProfile;
  if (!BUNDLE_PROFILES.includes(profile)) {
    throw new UsageError(`--profile must be public or internal, not "${values.profile}".`);
  }
  const sessionIds = values.sessions
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  const out = resolve(values.out);
  const now = new Date();
  // Spooled beside the output (same file system): a folder export is then one rename. What an
  // export killed half-way left there goes first.
  BundleSpool.removeStale(dirname(out));
  const spool = BundleSpool.create(dirname(out));
  try {
    const collected = collectFromWorkspace(dataDir, event, {
      profile,
      ...(sessionIds ? { sessionIds } : {}),
      now,
      generator: `Mitschrift ${APP_VERSION}`,
    });
    const built = await buildBundle(collected, {
      profile,
      spool,
      onProgress: (p) => console.error(`[${p.done}/${p.total}] ${p.step}`),
    });
    if (values.zip) {
      await writeBundleZip(spool, built.files, out, now);
    } else {
      spool.moveTo(out);
    }
    const bytes = built.files.reduce((sum, f) => sum + f.size, 0);
    if (profile === 'public') {
      console.info(pseudonymLines(built.pseudonyms).join('\n'));
    }
    console.info(
      `Wrote ${out} (${profile}, ${collected.sessions.length} session${collected.sessions.length === 1 ? '' : 's'}, ${built.files.length} files, ${bytes} bytes${values.zip ? ' before compression' : ''}).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BundleRequestError) {
      console.error(`mitschrift export: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    spool.remove();
  }
}

/** `mitschrift export EVENT …`: the documentation bundle of an event (issue 12). */
export const exportCommand: CliCommand = { usages: [exportUsage], run: runExport };
