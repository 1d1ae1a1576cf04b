import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { idSchema } from '../../../shared/docs/docName.js';
import { APP_VERSION } from '../../core/version.js';
import { buildBundle } from '../../bundle/buildBundle.js';
import { BundleSpool } from '../../bundle/bundleSpool.js';
import { BUNDLE_PROFILES, type BundleEntry, type BundleProfile } from '../../bundle/bundleTypes.js';
import { BundleRequestError } from '../../bundle/collectBundle.js';
import { collectFromWorkspace } from '../../bundle/workspaceSource.js';
import { CkanClient, CkanError } from '../../publish/ckanClient.js';
import { datasetFieldsOf, publishBundle } from '../../publish/publishBundle.js';
import { chooseLicence, portalLicences } from '../../publish/portalLicence.js';
import {
  UsageError,
  dataDirFrom,
  requireWorkspace,
  type CliCommand,
  type CommandUsage,
} from './cliCommand.js';

/** Usage of `publish`. */
const publishUsage: CommandUsage = {
  usage:
    'mitschrift publish EVENT --data DIR --portal URL --org ORG [--profile public|internal] [--licence ID] [--dry-run] [--max-mb N]',
  summary:
    "Publish the event's bundle to a CKAN portal (token from CKAN_API_TOKEN); again updates, never duplicates.",
};

async function runPublish(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      portal: { type: 'string' },
      org: { type: 'string' },
      profile: { type: 'string', default: 'public' },
      'dry-run': { type: 'boolean', default: false },
      'max-mb': { type: 'string', default: '10' },
      licence: { type: 'string', default: '' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [event, ...extra] = positionals;
  if (!event || extra.length || !idSchema.safeParse(event).success) {
    throw new UsageError('publish takes exactly one EVENT id.');
  }
  if (!values.portal || !values.org) {
    throw new UsageError('--portal URL and --org ORG are required.');
  }
  const profile = values.profile as BundleProfile;
  if (!BUNDLE_PROFILES.includes(profile)) {
    throw new UsageError(`--profile must be public or internal, not "${values.profile}".`);
  }
  const maxMb = Number(values['max-mb']);
  if (!(maxMb > 0)) {
    throw new UsageError(`--max-mb must be a positive number, not "${values['max-mb']}".`);
  }
  const token = process.env.CKAN_API_TOKEN ?? '';
  if (token === '' && !values['dry-run']) {
    console.error('mitschrift publish: set the portal API token in the environment variable CKAN_API_TOKEN.');
    return 2;
  }
  const dataDir = dataDirFrom(values.data);
  requireWorkspace(dataDir);
  // The files wait on disk inside the workspace while they are uploaded (never all in memory).
  const spoolParent = join(dataDir, 'publish-spool-cli');
  // A publish killed half-way left its files; the next one clears them.
  BundleSpool.removeStale(spoolParent);
  const spool = BundleSpool.create(spoolParent);
  try {
    const client = new CkanClient({ portal: values.portal, token });
    const collected = collectFromWorkspace(dataDir, event, {
      profile,
      generator: `Mitschrift ${APP_VERSION}`,
    });
    const built = await buildBundle(collected, { profile, spool });
    const read = (file: BundleEntry): Uint8Array => spool.read(file);
    const fields = datasetFieldsOf(built.files, read);
    // The licence id the portal lists: --licence, else the event's licence under one of its names.
    const licence = chooseLicence(await portalLicences(client), fields, values.licence.trim());
    const report = await publishBundle({
      client,
      org: values.org,
      dataset: { ...fields, license_id: licence },
      files: built.files,
      read,
      dryRun: values['dry-run'],
      maxBytes: Math.floor(maxMb * 1024 * 1024),
      onProgress: (line) => console.error(line),
    });
    const verb = values['dry-run'] ? 'Would publish' : 'Published';
    console.info(
      `${verb} ${report.datasetUrl} (dataset ${report.dataset}): ${report.created.length} new, ${report.updated.length} updated, ${report.unchanged.length} unchanged.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CkanError || error instanceof BundleRequestError) {
      console.error(`mitschrift publish: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    spool.remove();
  }
}

/** `mitschrift publish EVENT …`: the bundle to the city's CKAN portal (issue 12). */
export const publishCommand: CliCommand = { usages: [publishUsage], run: runPublish };
