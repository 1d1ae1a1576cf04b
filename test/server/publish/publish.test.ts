import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BundleEntry, BundleFile } from '../../../server/bundle/bundleTypes.js';
import { sha256 } from '../../../server/bundle/metadata.js';
import { CkanClient, CkanError } from '../../../server/publish/ckanClient.js';
import { publishBundle } from '../../../server/publish/publishBundle.js';
import { startStandIn } from './ckanStandIn.js';

/** What a test needs of a CKAN stand-in: ours, or the shared double when it is there. */
interface Portal {
  url: string;
  resources(): Promise<{ dataset: string; name: string; sha256: string }[]>;
  datasets(): Promise<number>;
  uploads(): Promise<number>;
  fault(rule: { action: string; times: number; status: number; phase?: 'before' | 'after' }): Promise<void>;
  close(): Promise<void>;
}

async function ownPortal(maxBytes?: number): Promise<Portal> {
  const s = await startStandIn(maxBytes === undefined ? {} : { maxBytes });
  return {
    url: s.url,
    resources: async () =>
      s.datasets.flatMap((d) =>
        d.resources.map((r) => ({ dataset: d.name, name: r.name, sha256: r.sha256 })),
      ),
    datasets: async () => s.datasets.length,
    uploads: async () => s.uploads,
    fault: async (rule) => {
      s.faults.push(rule);
    },
    close: () => s.close(),
  };
}

const SHARED = resolve(import.meta.dirname, '../../../../shared/ckan-double/server.mjs');

interface DoubleState {
  datasets: { name: string; state: string; resources: { name: string; sha256?: string; state?: string }[] }[];
  requests: { action?: string; status: number }[];
}

async function sharedPortal(maxBytes?: number): Promise<Portal> {
  const mod = (await import(pathToFileURL(SHARED).href)) as {
    start(o: Record<string, unknown>): Promise<{ url: string; close(): Promise<void> }>;
  };
  const ckan = await mod.start({
    port: 0,
    maxResourceSizeMb: maxBytes === undefined ? 10 : maxBytes / 1024 / 1024,
    proxyBodyLimitMb: null,
  });
  const state = async (): Promise<DoubleState> =>
    (await (await fetch(`${ckan.url}/__double/state`)).json()) as DoubleState;
  return {
    url: ckan.url,
    resources: async () =>
      (await state()).datasets
        .filter((d) => d.state !== 'deleted')
        .flatMap((d) =>
          d.resources
            .filter((r) => r.state !== 'deleted')
            .map((r) => ({ dataset: d.name, name: r.name, sha256: r.sha256 ?? '' })),
        ),
    datasets: async () => (await state()).datasets.filter((d) => d.state !== 'deleted').length,
    uploads: async () =>
      (await state()).requests.filter(
        (r) => (r.action === 'resource_create' || r.action === 'resource_patch') && r.status === 200,
      ).length,
    fault: async (rule) => {
      await fetch(`${ckan.url}/__double/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...rule, html: true }),
      });
    },
    close: () => ckan.close(),
  };
}

const encoder = new TextEncoder();
/** Files held in memory the way a publish reads a spool: entries with their SHA-256, bytes on request. */
function memoryBundle(files: readonly BundleFile[]): {
  files: BundleEntry[];
  read: (file: BundleEntry) => Uint8Array;
} {
  const bytes = new Map(files.map((f) => [f.path, f.bytes]));
  return {
    files: files.map(({ bytes: b, ...rest }) => ({ ...rest, size: b.byteLength, sha256: sha256(b) })),
    read: (file) => bytes.get(file.path) ?? new Uint8Array(),
  };
}

const FILES: BundleFile[] = [
  {
    path: 'index.html',
    bytes: encoder.encode('<!doctype html><title>x</title>'),
    mediaType: 'text/html',
    title: 'Website',
  },
  {
    path: 'dokumentation.pdf',
    bytes: encoder.encode('%PDF-1.7 booklet'),
    mediaType: 'application/pdf',
    title: 'Heft',
  },
  {
    path: 'sessions/01-a/notes.md',
    bytes: encoder.encode('# Notizen\n'),
    mediaType: 'text/markdown',
    title: 'Notizen',
  },
];
const DATASET = {
  name: 'dokumentation-open-data-tag-2026',
  title: 'Dokumentation: Open Data Tag 2026',
  notes: 'Test',
  license_id: 'cc-by',
};

function client(portal: Portal, token = 'editor-token'): CkanClient {
  return new CkanClient({ portal: portal.url, token, backoffMs: 1, attempts: 5, timeoutMs: 10_000 });
}

const portals: [string, (maxBytes?: number) => Promise<Portal>][] = [['own stand-in', ownPortal]];
if (existsSync(SHARED)) {
  portals.push(['shared ckan-double', sharedPortal]);
} else {
  console.warn(
    `The shared CKAN double is not at ${SHARED}: the publish tests run against the repository's own stand-in only.`,
  );
}

describe.each(portals)('publishing to CKAN (%s)', (_name, startPortal) => {
  it(
    'publishes once, then again without duplicates or re-uploads; the uploaded bytes are the files',
    { timeout: 60_000 },
    async () => {
      const portal = await startPortal();
      try {
        const first = await publishBundle({
          client: client(portal),
          org: 'ito',
          dataset: DATASET,
          ...memoryBundle(FILES),
        });
        expect(first).toMatchObject({
          dataset: 'created',
          created: FILES.map((f) => f.path),
          updated: [],
          unchanged: [],
        });
        expect(first.datasetUrl).toBe(`${portal.url}/dataset/${DATASET.name}`);
        const uploads = await portal.uploads();
        const second = await publishBundle({
          client: client(portal),
          org: 'ito',
          dataset: DATASET,
          ...memoryBundle(FILES),
        });
        expect(second).toMatchObject({
          dataset: 'updated',
          created: [],
          updated: [],
          unchanged: FILES.map((f) => f.path),
        });
        expect(await portal.uploads()).toBe(uploads);
        expect(await portal.datasets()).toBe(1);
        const stored = await portal.resources();
        expect(stored.map((r) => [r.name, r.sha256]).sort()).toEqual(
          FILES.map((f) => [f.path, sha256(f.bytes)]).sort(),
        );

        const changed = FILES.map((f) =>
          f.path === 'sessions/01-a/notes.md' ? { ...f, bytes: encoder.encode('# Neu\n') } : f,
        );
        const third = await publishBundle({
          client: client(portal),
          org: 'ito',
          dataset: DATASET,
          ...memoryBundle(changed),
          dryRun: true,
        });
        expect(third.updated).toEqual(['sessions/01-a/notes.md']);
        const fourth = await publishBundle({
          client: client(portal),
          org: 'ito',
          dataset: DATASET,
          ...memoryBundle(changed),
        });
        expect(fourth.updated).toEqual(['sessions/01-a/notes.md']);
        expect((await portal.resources()).length).toBe(FILES.length);
      } finally {
        await portal.close();
      }
    },
  );

  it(
    'resumes after 503s and a lost create answer, ending with one dataset and no duplicates',
    { timeout: 60_000 },
    async () => {
      const portal = await startPortal();
      try {
        await portal.fault({ action: 'package_create', times: 1, status: 502, phase: 'after' });
        await portal.fault({ action: 'resource_create', times: 2, status: 503 });
        const report = await publishBundle({
          client: client(portal),
          org: 'ito',
          dataset: DATASET,
          ...memoryBundle(FILES),
        });
        expect(report.created).toHaveLength(FILES.length);
        expect(await portal.datasets()).toBe(1);
        expect((await portal.resources()).map((r) => r.name).sort()).toEqual(FILES.map((f) => f.path).sort());
      } finally {
        await portal.close();
      }
    },
  );

  it(
    'says in plain words: no permission (403), which field is wrong (409), file too large',
    { timeout: 60_000 },
    async () => {
      const portal = await startPortal(1024);
      try {
        const denied = publishBundle({
          client: client(portal),
          org: 'mobilitaetsreferat',
          dataset: DATASET,
          ...memoryBundle(FILES),
        });
        await expect(denied).rejects.toThrow(/^No permission for package_create/);
        const badName = publishBundle({
          client: client(portal),
          org: 'ito',
          dataset: { ...DATASET, name: 'Ä' },
          ...memoryBundle(FILES),
        });
        await expect(badName).rejects.toThrow(/field by field: name: /);
        const big = [{ ...FILES[0]!, bytes: new Uint8Array(4096) }];
        await expect(
          publishBundle({
            client: client(portal),
            org: 'ito',
            dataset: DATASET,
            ...memoryBundle(big),
            maxBytes: 2048,
          }),
        ).rejects.toThrow(/larger than the portal's limit of 2048 bytes; nothing was published/);
        const portalSide = publishBundle({
          client: client(portal),
          org: 'ito',
          dataset: DATASET,
          ...memoryBundle(big),
        });
        await expect(portalSide).rejects.toThrow(/larger than the portal's upload limit/);
        const secret = 'editor-token';
        const error = await publishBundle({
          client: client(portal, `${secret}-wrong`),
          org: 'ito',
          dataset: DATASET,
          ...memoryBundle(FILES),
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CkanError);
        expect(String((error as Error).message)).not.toContain(secret);
      } finally {
        await portal.close();
      }
    },
  );
});

describe('CKAN client', () => {
  it('names an unreachable portal and a non-CKAN answer without the token', async () => {
    const unreachable = new CkanClient({
      portal: 'http://127.0.0.1:9',
      token: 'sekret',
      attempts: 2,
      backoffMs: 1,
    });
    await expect(unreachable.call('status_show', {})).rejects.toThrow(/cannot be reached/);
    const portal = await ownPortal();
    try {
      await portal.fault({ action: 'package_show', times: 10, status: 500 });
      const c = new CkanClient({ portal: portal.url, token: 'sekret', attempts: 2, backoffMs: 1 });
      const error = (await c.call('package_show', { id: 'x' }).catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/answered package_show with 500 and no CKAN answer/);
      expect(error.message).not.toContain('sekret');
    } finally {
      await portal.close();
    }
  });
});
