import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../shared/api/contract.js';
import { sketchExportSizeSchema } from '../../../shared/api/sketchContract.js';
import { addObject } from '../../../shared/sketch/objects/objectEdits.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { connectSyncClient, waitForCoreDoc } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { rect } from '../../shared/sketch/objectsFixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;

beforeEach(async () => {
  temp = makeTempDir();
  core = await startLoopbackCore(temp.dir);
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

function api(path: string): Promise<Response> {
  return fetch(`${core.origin}${path}`, { headers: { Authorization: `Bearer ${core.token}` } });
}

describe('sketch export API', { timeout: 60_000 }, () => {
  it('renders what connected clients drew as SVG, PNG and PDF, and measures it', async () => {
    const client = connectSyncClient(core.origin, core.token, 'sketch/talk-1');
    await client.synced;
    client.doc.getMap('meta').set('format', 'a4');
    addObject(client.doc, 'box', rect({ fillColour: '#fde68a' }));
    // The core has it once the size route sees it.
    for (let i = 0; i < 100; i++) {
      const size = await api('/api/sketches/talk-1/export-size?dpi=96');
      if (size.status === 200 && sketchExportSizeSchema.parse(await size.json()).items === 1) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    client.destroy();
    const size = sketchExportSizeSchema.parse(
      await (await api('/api/sketches/talk-1/export-size?dpi=300')).json(),
    );
    expect(size).toEqual({
      widthMm: 297.1,
      heightMm: 210.1,
      widthPx: 3509,
      heightPx: 2481,
      items: 1,
      event: null,
    });

    const svg = await api('/api/sketches/talk-1/export?format=svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-disposition')).toBe(
      'attachment; filename="mitschrift-sketch-talk-1.svg"',
    );
    expect(await svg.text()).toContain('fill="#fde68a"');

    const png = await api('/api/sketches/talk-1/export?format=png&scale=0.5');
    expect(png.status).toBe(200);
    const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    expect([image.width, image.height]).toEqual([562, 397]);

    const pdf = await api('/api/sketches/talk-1/export?format=pdf');
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('answers bad options with 400, unknown sketches with 404 and oversized PNGs with 422', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['/api/sketches/talk-1/export?format=gif', 400, /format/],
      ['/api/sketches/talk-1/export?format=png&dpi=1&scale=2', 400, /DPI must be 10 to 2400/],
      ['/api/sketches/talk-1/export?format=svg&dpi=300', 400, /applies to PNG only/],
      ['/api/sketches/nope/export?format=svg', 404, /There is no sketchnote "nope"/],
    ];
    for (const [path, status, message] of cases) {
      const res = await api(path);
      expect(res.status, path).toBe(status);
      expect(apiErrorSchema.parse(await res.json()).error).toMatch(message);
    }
    const client = connectSyncClient(core.origin, core.token, 'sketch/wall');
    await client.synced;
    client.doc.getMap('meta').set('format', 'panorama');
    await waitForCoreDoc(
      core.origin,
      core.token,
      'sketch/wall',
      (doc) => doc.getMap('meta').get('format') === 'panorama',
      'the panorama format',
    );
    client.destroy();
    const huge = await api('/api/sketches/wall/export?format=png&dpi=2400');
    expect(huge.status).toBe(422);
    expect(apiErrorSchema.parse(await huge.json()).error).toMatch(/too large/);
  });
});
