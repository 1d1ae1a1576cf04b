import { z } from 'zod';
import type { BundleEntry } from '../bundle/bundleTypes.js';
import { METADATA_FILE, formatOf } from '../bundle/metadata.js';
import type { CkanClient } from './ckanClient.js';
import { CkanError } from './ckanClient.js';

/**
 * Publishes a bundle as ONE CKAN dataset (its name from metadata.json, the idempotency key) with
 * one resource per file, named by the file's path in the bundle. Publishing again updates
 * resources by name (`resource_patch` with the new upload) and skips files whose SHA-256 equals
 * the resource's `hash`, so an interrupted publish resumes and ends without duplicates. A create
 * whose answer was lost is not repeated blindly: the dataset or resource is read again first.
 */

const resourceSchema = z.object({
  id: z.string(),
  name: z.string().nullable().optional(),
  hash: z.string().nullable().optional(),
});
const datasetSchema = z.object({
  id: z.string(),
  name: z.string(),
  resources: z.array(resourceSchema).default([]),
});
type Dataset = z.infer<typeof datasetSchema>;

/** The CKAN part of metadata.json. */
export interface CkanDatasetFields {
  name: string;
  title: string;
  [key: string]: unknown;
}

/** The dataset's CKAN fields, from the bundle's metadata.json (its `ckan` part). */
export function datasetFieldsOf(
  files: readonly BundleEntry[],
  read: (file: BundleEntry) => Uint8Array,
): CkanDatasetFields {
  const metadata = files.find((f) => f.path === METADATA_FILE);
  if (!metadata) {
    throw new Error(`The bundle has no ${METADATA_FILE}.`);
  }
  return z
    .object({ ckan: z.object({ name: z.string(), title: z.string() }).passthrough() })
    .parse(JSON.parse(Buffer.from(read(metadata)).toString('utf8'))).ckan;
}

/** What publishing does with one file. */
type FileAction = 'create' | 'update' | 'unchanged';

/** What a publish will do, known before anything is written. */
interface PublishPlan {
  dataset: 'created' | 'updated';
  files: { path: string; action: FileAction }[];
}

/** What one publish did (or, in a dry run, would do). */
export interface PublishReport {
  datasetUrl: string;
  dataset: 'created' | 'updated';
  created: string[];
  updated: string[];
  unchanged: string[];
}

/** What {@link publishBundle} needs. */
export interface PublishOptions {
  client: CkanClient;
  org: string;
  dataset: CkanDatasetFields;
  files: readonly BundleEntry[];
  /** A file's bytes (from the bundle's spool), read only when it is uploaded. */
  read: (file: BundleEntry) => Uint8Array;
  dryRun?: boolean;
  /** Largest upload the portal takes, in bytes (checked before anything is sent). */
  maxBytes?: number;
  onProgress?: (line: string) => void;
  /** Called once with the plan, before anything is written (a dry run stops after it). */
  onPlan?: (plan: PublishPlan) => void;
  /** Called as each file is sent and when the portal has it. */
  onFile?: (path: string, state: 'sending' | 'sent') => void;
}

async function findDataset(client: CkanClient, name: string): Promise<Dataset | undefined> {
  try {
    return datasetSchema.parse(await client.call('package_show', { id: name }));
  } catch (error) {
    if (error instanceof CkanError && error.kind === 'not-found') {
      return undefined;
    }
    throw error;
  }
}

/** Publishes (see the file's comment). */
export async function publishBundle(options: PublishOptions): Promise<PublishReport> {
  const { client, dataset: fields } = options;
  const say = options.onProgress ?? (() => undefined);
  const limit = options.maxBytes ?? 10 * 1024 * 1024;
  const tooLarge = options.files.filter((f) => f.size > limit);
  if (tooLarge.length > 0) {
    throw new CkanError(
      `${tooLarge.map((f) => `${f.path} (${f.size} bytes)`).join(', ')} ${tooLarge.length === 1 ? 'is' : 'are'} larger than the portal's limit of ${limit} bytes; nothing was published.`,
      'too-large',
      null,
    );
  }
  client.checkCancelled();
  let dataset = await findDataset(client, fields.name);
  const report: PublishReport = {
    datasetUrl: `${client.portal}/dataset/${fields.name}`,
    dataset: dataset ? 'updated' : 'created',
    created: [],
    updated: [],
    unchanged: [],
  };
  const known = new Map((dataset?.resources ?? []).map((r) => [r.name ?? '', r]));
  options.onPlan?.({
    dataset: report.dataset,
    files: options.files.map((file) => {
      const existing = known.get(file.path);
      const action: FileAction = !existing
        ? 'create'
        : existing.hash === file.sha256
          ? 'unchanged'
          : 'update';
      return { path: file.path, action };
    }),
  });
  const body = { ...fields, owner_org: options.org };
  if (!dataset) {
    if (options.dryRun) {
      say(`would create dataset ${fields.name}`);
      report.created = options.files.map((f) => f.path);
      return report;
    }
    client.checkCancelled();
    say(`creating dataset ${fields.name}`);
    const created = await client.call('package_create', body, async () => {
      const found = await findDataset(client, fields.name);
      return found ? { done: true, value: found } : { done: false };
    });
    dataset = datasetSchema.parse(created);
  } else if (!options.dryRun) {
    client.checkCancelled();
    say(`updating dataset ${fields.name}`);
    // Resources are left out: a patch with a list replaces the whole list.
    const { resources: _unused, ...withoutResources } = body as Record<string, unknown>;
    void _unused;
    dataset = datasetSchema.parse(
      await client.call('package_patch', { ...withoutResources, id: dataset.id }),
    );
  }
  const byName = new Map(dataset.resources.map((r) => [r.name ?? '', r]));
  for (const file of options.files) {
    const hash = file.sha256;
    const existing = byName.get(file.path);
    if (existing && existing.hash === hash) {
      report.unchanged.push(file.path);
      continue;
    }
    if (options.dryRun) {
      (existing ? report.updated : report.created).push(file.path);
      say(`would ${existing ? 'update' : 'upload'} ${file.path}`);
      continue;
    }
    const form = (): FormData => {
      const data = new FormData();
      if (existing) {
        data.set('id', existing.id);
      } else {
        data.set('package_id', dataset.id);
      }
      data.set('name', file.path);
      data.set('description', file.title);
      data.set('format', formatOf(file));
      data.set('mimetype', file.mediaType);
      data.set('hash', hash);
      data.set(
        'upload',
        new Blob([new Uint8Array(options.read(file))], { type: file.mediaType }),
        file.path.split('/').pop() ?? 'file',
      );
      return data;
    };
    client.checkCancelled();
    say(`${existing ? 'updating' : 'uploading'} ${file.path} (${file.size} bytes)`);
    options.onFile?.(file.path, 'sending');
    if (existing) {
      await client.call('resource_patch', form());
      report.updated.push(file.path);
    } else {
      await client.call('resource_create', form(), async () => {
        const again = await findDataset(client, fields.name);
        const found = again?.resources.find((r) => r.name === file.path && r.hash === hash);
        return found ? { done: true, value: found } : { done: false };
      });
      report.created.push(file.path);
    }
    options.onFile?.(file.path, 'sent');
  }
  return report;
}
