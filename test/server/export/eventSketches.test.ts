import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiErrorSchema } from '../../../shared/api/contract.js';
import { sketchExportSizeSchema } from '../../../shared/api/sketchContract.js';
import { WORKSPACE_DOC, docNameFor } from '../../../shared/docs/docName.js';
import { addEvent } from '../../../shared/docs/workspaceIndex.js';
import { addSession, ensureSketchId } from '../../../shared/event/eventChanges.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { withWorkspace } from '../../../server/plan/storeAccess.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { showcaseDoc } from './exportFixtures.js';

/**
 * Every sketchnote of an event in one ZIP (`GET /api/events/:id/sketches.zip`), the editor's
 * "all sketchnotes of the event": one entry per session with a sketchnote, named like the CLI's
 * files, the same bytes as the single export; cancelling stops it and the core keeps serving.
 */

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;

beforeEach(async () => {
  temp = makeTempDir();
  withWorkspace(temp.dir, (access) => {
    access.change(docNameFor('event', 'barcamp'), (doc) => {
      addSession(doc, { id: 'talk', title: 'Stadtgespräch', createdAt: '2026-05-20T09:00:00Z' });
      addSession(doc, { id: 'data', title: 'Offene Daten für alle', createdAt: '2026-05-20T09:30:00Z' });
      addSession(doc, { id: 'pause', title: 'Pause', createdAt: '2026-05-20T10:00:00Z' });
      ensureSketchId(doc, 'talk');
      ensureSketchId(doc, 'data');
    });
    for (const id of ['talk', 'data']) {
      access.change(docNameFor('sketch', id), (doc) => {
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(showcaseDoc()));
        // The talk was drawn on an A0 poster (too large for a PNG at 2400 dpi).
        if (id === 'talk') {
          doc.getMap('meta').set('format', 'a0');
        }
      });
    }
    access.change(docNameFor('event', 'empty'), (doc) => {
      addSession(doc, { id: 'quiet', title: 'Ohne Zeichnung', createdAt: '2026-05-20T09:00:00Z' });
    });
    access.change(WORKSPACE_DOC, (doc) => {
      addEvent(doc, { id: 'barcamp', title: 'BarCamp 2026', createdAt: '2026-05-01T00:00:00Z' });
      addEvent(doc, { id: 'empty', title: 'Leer', createdAt: '2026-05-02T00:00:00Z' });
    });
  });
  core = await startLoopbackCore(temp.dir);
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${core.origin}${path}`, { ...init, headers: { Authorization: `Bearer ${core.token}` } });
}

describe('every sketchnote of an event as one ZIP', { timeout: 120_000 }, () => {
  it('holds one file per session with a sketchnote, the same bytes as the single export', async () => {
    const res = await api('/api/events/barcamp/sketches.zip?format=svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('x-sketch-count')).toBe('2');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="mitschrift-sketchnotes-barcamp-svg.zip"',
    );
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['offene-daten-fuer-alle-data.svg', 'stadtgespraech-talk.svg']);
    const single = await (await api('/api/sketches/talk/export?format=svg')).text();
    expect(new TextDecoder().decode(files['stadtgespraech-talk.svg'])).toBe(single);

    const png = await api('/api/events/barcamp/sketches.zip?format=png&dpi=48');
    const pngs = unzipSync(new Uint8Array(await png.arrayBuffer()));
    const image = PNG.sync.read(Buffer.from(pngs['offene-daten-fuer-alle-data.png']!));
    expect(image.width).toBeGreaterThan(100);
  });

  it('tells the editor the event and how many sketchnotes it has', async () => {
    const size = sketchExportSizeSchema.parse(await (await api('/api/sketches/talk/export-size')).json());
    expect(size.event).toEqual({ id: 'barcamp', title: 'BarCamp 2026', sketches: 2 });
  });

  it('names what is wrong: no sketchnotes, unknown event, bad options, a PNG too large', async () => {
    const cases: Array<[string, number, RegExp, string?]> = [
      ['/api/events/empty/sketches.zip?format=svg', 404, /"Leer" has no sketchnotes yet/, 'no-sketches'],
      ['/api/events/nope/sketches.zip?format=svg', 404, /./],
      ['/api/events/barcamp/sketches.zip?format=gif', 400, /format/],
      ['/api/events/barcamp/sketches.zip?format=png&dpi=2400', 422, /^"Stadtgespräch": /],
    ];
    for (const [path, status, message, code] of cases) {
      const res = await api(path);
      expect(res.status, path).toBe(status);
      const body = apiErrorSchema.parse(await res.json());
      expect(body.error, path).toMatch(message);
      if (code) {
        expect(body.code).toBe(code);
      }
    }
  });

  it('stops when the download is cancelled, and the core keeps answering', async () => {
    const abort = new AbortController();
    const res = await api('/api/events/barcamp/sketches.zip?format=png&dpi=600', { signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    abort.abort();
    await reader.read().catch(() => undefined);
    const health = await api('/api/health');
    expect(health.status).toBe(200);
    const again = await api('/api/events/barcamp/sketches.zip?format=svg');
    expect(Object.keys(unzipSync(new Uint8Array(await again.arrayBuffer())))).toHaveLength(2);
  });
});
