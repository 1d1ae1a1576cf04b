import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessionInfoSchema } from '../../../shared/api/padContract.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { PLAN_CSV } from '../pad/padTestCore.js';

/**
 * Finding 6 of issue 9: other sites cannot use the core through the browser. Upgrades and writes
 * from a foreign Origin are refused, JSON must be sent as JSON, cookies hold no token, and the
 * link exchange never redirects off the core.
 */

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;
let port: number;

beforeAll(async () => {
  temp = makeTempDir('mitschrift-origin-');
  core = await startLoopbackCore(temp.dir);
  port = Number(new URL(core.origin).port);
});
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

/** A request exactly as given (fetch would normalise the path and refuses to set Origin). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function upgrade(path: string, headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((resolvePromise) => {
    const ws = new WebSocket(`${core.origin.replace('http', 'ws')}${path}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolvePromise('open');
    });
    ws.on('unexpected-response', (_req, res) => resolvePromise(res.statusCode ?? 0));
    ws.on('error', () => resolvePromise(0));
  });
}

const bearer = (): Record<string, string> => ({ Authorization: `Bearer ${core.token}` });
const createEvent = (headers: Record<string, string>) =>
  raw('POST', '/api/events', headers, JSON.stringify({ title: 'Von außen?' }));

describe('origin', () => {
  it('refuses a WebSocket upgrade from another origin, whatever credential it carries', async () => {
    const cookie = await editCookie();
    expect(await upgrade('/yjs/workspace', { Cookie: cookie, Origin: 'https://evil.example' })).toBe(403);
    expect(await upgrade('/yjs/workspace', { Cookie: cookie, Origin: `http://localhost:${port + 1}` })).toBe(
      403,
    );
    expect(await upgrade('/yjs/workspace', { Cookie: cookie, Origin: 'null' })).toBe(403);
    expect(await upgrade('/yjs/workspace', { Cookie: cookie, Origin: core.origin })).toBe('open');
    // No Origin: a non-browser client (the CLI, scripts).
    expect(await upgrade(`/yjs/workspace?token=${core.token}`, {})).toBe('open');
  });

  it('refuses writes from another origin but lets reads and its own pages through', async () => {
    const json = { ...bearer(), 'Content-Type': 'application/json' };
    expect((await createEvent({ ...json, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await createEvent({ ...json, Origin: `http://127.0.0.1:${port}.evil.example` })).status).toBe(
      403,
    );
    expect((await createEvent({ ...json, Origin: core.origin })).status).toBe(201);
    expect((await createEvent(json)).status).toBe(201);
    // The core answers under any name it is reached by: the Origin is compared with the Host used.
    expect(
      (await createEvent({ ...json, Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).status,
    ).toBe(201);
    expect((await raw('GET', '/api/events', { ...bearer(), Origin: 'https://evil.example' })).status).toBe(
      200,
    );
  });

  it('takes JSON only as application/json, and files in their own type (still same-origin only)', async () => {
    expect((await createEvent({ ...bearer(), 'Content-Type': 'text/plain;charset=UTF-8' })).status).toBe(415);
    expect(
      (await createEvent({ ...bearer(), 'Content-Type': 'application/x-www-form-urlencoded' })).status,
    ).toBe(415);
    expect((await createEvent(bearer())).status).toBe(415);
    expect(
      (
        await createEvent({
          ...bearer(),
          'Content-Type': 'application/json; charset=utf-8',
          Origin: core.origin,
        })
      ).status,
    ).toBe(201);
    const upload = (headers: Record<string, string>) =>
      raw('POST', '/api/events/import-plan?title=Upload', { ...bearer(), ...headers }, PLAN_CSV);
    expect((await upload({ 'Content-Type': 'text/csv', Origin: core.origin })).status).toBe(201);
    expect((await upload({ 'Content-Type': 'text/csv', Origin: 'https://evil.example' })).status).toBe(403);
  });
});

async function editCookie(): Promise<string> {
  const res = await raw('GET', `/?token=${core.token}`, {});
  return String(res.headers['set-cookie']).split(';')[0]!;
}

describe('cookies', () => {
  it('holds a value derived from the token, separate for edit and view', async () => {
    const edit = await raw('GET', `/e/x?token=${core.token}`, {});
    const view = await raw('GET', `/pad/x?token=${core.viewToken}`, {});
    const editSet = String(edit.headers['set-cookie']);
    const viewSet = String(view.headers['set-cookie']);
    expect(editSet).toMatch(
      new RegExp(`^mitschrift_${port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    expect(viewSet).toMatch(new RegExp(`^mitschrift_${port}_view=[A-Za-z0-9_-]{43}; HttpOnly`));
    expect(editSet).not.toContain(core.token);
    expect(viewSet).not.toContain(core.viewToken);
    const editCookieValue = editSet.split(';')[0]!;
    const viewCookieValue = viewSet.split(';')[0]!;
    const session = async (cookie: string) => {
      const res = await raw('GET', '/api/session', { Cookie: cookie });
      return res.status === 200 ? sessionInfoSchema.parse(JSON.parse(res.body)).access : res.status;
    };
    expect(await session(editCookieValue)).toBe('edit');
    expect(await session(viewCookieValue)).toBe('view');
    // An editor who follows a read-along link keeps editing: the view cookie does not replace theirs.
    expect(await session(`${viewCookieValue}; ${editCookieValue}`)).toBe('edit');
    // The token itself is no cookie, nor is one kind's value under the other's name.
    expect(await session(`mitschrift_${port}=${core.token}`)).toBe(401);
    expect(await session(`mitschrift_${port}=${viewCookieValue.split('=')[1]!}`)).toBe(401);
  });

  it('keeps the link exchange on the core: no protocol-relative or absolute Location', async () => {
    for (const path of [
      `/.//evil.example/?token=${core.viewToken}`,
      `//evil.example/?token=${core.viewToken}`,
      `///evil.example/x?token=${core.token}`,
      `/\\evil.example/?token=${core.token}`,
      `/%2F%2Fevil.example/?token=${core.token}`,
    ]) {
      const res = await raw('GET', path, {});
      expect(res.status, path).toBe(303);
      const location = String(res.headers.location);
      expect(location, path).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, core.origin).origin, path).toBe(core.origin);
    }
    const kept = await raw('GET', `/pad/abc?x=1&token=${core.viewToken}`, {});
    expect(kept.headers.location).toBe('/pad/abc?x=1');
  });
});
