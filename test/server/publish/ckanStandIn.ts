import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small CKAN Action API stand-in for the repository's own tests (the shared, fuller double runs
 * too when ../shared/ckan-double is present): the actions the publisher uses, CKAN's envelopes and
 * status codes, `editor-token` in organisation `ito`, and faults to inject.
 */

interface Resource {
  id: string;
  package_id: string;
  name: string;
  hash: string;
  sha256: string;
  bytes: number;
}
interface Dataset {
  id: string;
  name: string;
  owner_org: string;
  title: string;
  resources: Resource[];
  [key: string]: unknown;
}
/** A fault for the next matching calls. */
interface Fault {
  action: string;
  times: number;
  status: number;
  phase?: 'before' | 'after';
  html?: boolean;
}

/** A running stand-in. */
export interface StandIn {
  url: string;
  datasets: Dataset[];
  uploads: number;
  faults: Fault[];
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Starts the stand-in on a free loopback port. */
export async function startStandIn(options: { maxBytes?: number } = {}): Promise<StandIn> {
  const state: StandIn = { url: '', datasets: [], uploads: 0, faults: [], close: async () => undefined };
  const ok = (res: ServerResponse, result: unknown): void =>
    send(res, 200, { help: '', success: true, result });
  const fail = (res: ServerResponse, status: number, error: Record<string, unknown>): void =>
    send(res, status, { help: '', success: false, error });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const action = /^\/api\/3\/action\/([a-z_]+)$/.exec(req.url ?? '')?.[1] ?? '';
    const fault = state.faults.find((f) => (f.action === action || f.action === '*') && f.times > 0);
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) {
      chunks.push(chunk);
    }
    if (fault && fault.phase !== 'after') {
      fault.times -= 1;
      res.writeHead(fault.status, { 'Content-Type': 'text/html' });
      res.end(`<html><body><h1>${fault.status}</h1></body></html>`);
      return;
    }
    const request = new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: Buffer.concat(chunks),
    });
    const type = req.headers['content-type'] ?? '';
    const data: Record<string, unknown> = {};
    let upload: Uint8Array | undefined;
    if (type.startsWith('multipart/form-data')) {
      for (const [key, value] of (await request.formData()).entries()) {
        if (typeof value === 'string') {
          data[key] = value;
        } else {
          upload = new Uint8Array(await value.arrayBuffer());
        }
      }
    } else {
      Object.assign(data, (await request.json()) as Record<string, unknown>);
    }
    if (req.headers.authorization !== 'editor-token' && action !== 'package_show') {
      fail(res, 403, {
        __type: 'Authorization Error',
        message: `Access denied: User  not authorized to ${action}`,
      });
      return;
    }
    if (upload && upload.byteLength > (options.maxBytes ?? 10 * 1024 * 1024)) {
      fail(res, 409, { __type: 'Validation Error', upload: ['File upload too large'] });
      return;
    }
    const find = (id: unknown): Dataset | undefined =>
      state.datasets.find((d) => d.id === id || d.name === id);
    const answer = (result: unknown): void => {
      if (fault && fault.phase === 'after') {
        fault.times -= 1;
        res.writeHead(fault.status, { 'Content-Type': 'text/html' });
        res.end('<html>lost</html>');
        return;
      }
      ok(res, result);
    };
    switch (action) {
      case 'license_list':
        // Core CKAN's ids plus one GovData-style IRI id, as German portals list them.
        ok(res, [
          { id: 'cc-by', title: 'Creative Commons Attribution' },
          { id: 'cc-zero', title: 'Creative Commons CCZero' },
          {
            id: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
            title: 'Datenlizenz Deutschland Namensnennung 2.0',
          },
          { id: 'other-open', title: 'Other (Open)' },
        ]);
        return;
      case 'organization_list_for_user':
        // The editor token's user may create datasets in one organisation.
        ok(res, [{ name: 'ito', title: 'IT-Referat', display_name: 'IT-Referat' }]);
        return;
      case 'package_show': {
        const found = find(data.id);
        if (found) {
          ok(res, found);
        } else {
          fail(res, 404, { __type: 'Not Found Error', message: 'Not found' });
        }
        return;
      }
      case 'package_create': {
        if (typeof data.name !== 'string' || !/^[a-z0-9_-]{2,100}$/.test(data.name)) {
          fail(res, 409, {
            __type: 'Validation Error',
            name: ['Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_'],
          });
          return;
        }
        if (find(data.name)) {
          fail(res, 409, { __type: 'Validation Error', name: ['That URL is already in use.'] });
          return;
        }
        if (data.owner_org !== 'ito') {
          fail(res, 403, {
            __type: 'Authorization Error',
            message: 'Access denied: User editor not authorized to add dataset to this organization',
          });
          return;
        }
        const dataset: Dataset = {
          title: '',
          ...data,
          id: randomUUID(),
          name: data.name,
          owner_org: 'ito',
          resources: [],
        };
        state.datasets.push(dataset);
        answer(dataset);
        return;
      }
      case 'package_patch': {
        const found = find(data.id);
        if (!found) {
          fail(res, 404, { __type: 'Not Found Error', message: 'Not found' });
          return;
        }
        Object.assign(found, data, { id: found.id, resources: found.resources });
        answer(found);
        return;
      }
      case 'resource_create':
      case 'resource_patch': {
        const dataset =
          action === 'resource_create'
            ? find(data.package_id)
            : state.datasets.find((d) => d.resources.some((r) => r.id === data.id));
        if (!dataset) {
          fail(res, 404, { __type: 'Not Found Error', message: 'Not found: Resource was not found.' });
          return;
        }
        state.uploads += upload ? 1 : 0;
        const sha = upload ? createHash('sha256').update(upload).digest('hex') : '';
        let resource = dataset.resources.find((r) => r.id === data.id);
        if (!resource) {
          resource = { id: randomUUID(), package_id: dataset.id, name: '', hash: '', sha256: '', bytes: 0 };
          dataset.resources.push(resource);
        }
        Object.assign(resource, data, { id: resource.id, sha256: sha, bytes: upload?.byteLength ?? 0 });
        answer(resource);
        return;
      }
      default:
        send(res, 400, `Bad request - Action name not known: ${action}`);
    }
  }
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      fail(res, 500, { __type: 'Internal Server Error', message: String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
