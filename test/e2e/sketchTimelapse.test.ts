import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { beforeAll, describe, expect, it } from 'vitest';
import { addObject } from '../../shared/sketch/objects/objectEdits.js';
import { objectsMap } from '../../shared/sketch/objects/objectLayout.js';
import { metaMap, strokesMap } from '../../shared/sketch/sketchLayout.js';
import { encodeStroke } from '../../shared/sketch/strokeCodec.js';
import { connectSyncClient, waitForCoreDoc } from '../helpers/syncClient.js';
import { line, stroke } from '../server/export/exportFixtures.js';
import { rect } from '../shared/sketch/objectsFixtures.js';
import { resultsDir, testbed } from './helpers/core.js';
import { expectAccessible } from './helpers/axe.js';
import type { PageEngine } from './helpers/sketchPages.js';

/**
 * Issue 11, time-lapse: the drawing replayed as it happened, in the editor and on the projector,
 * with play, pause, a scrubber and the pace; the live sketchnote never changes.
 */

const RESULTS = resultsDir('sketch-timelapse');
const bed = testbed();
const SKETCH = 'timelapse1';
const T0 = 1_764_900_000_000;

beforeAll(async () => {
  const client = connectSyncClient(bed.core.origin, bed.core.token, `sketch/${SKETCH}`);
  await client.synced;
  client.doc.transact(() => {
    metaMap(client.doc).set('format', 'a4');
    // Four things drawn two seconds apart: three strokes and a box.
    [0, 2000, 6000].forEach((at, i) => {
      const { id: _id, ...rest } = stroke(`s${i}`, line([100 + i * 200, 150], [250 + i * 200, 500]), {
        size: 14,
        z: i * 2,
      });
      void _id;
      strokesMap(client.doc).set(`s${i}`, encodeStroke({ ...rest, createdAt: T0 + at }));
    });
    addObject(client.doc, 'box', rect({ x: 200, y: 550, fillColour: '#fde68a', createdAt: T0 + 4000, z: 3 }));
  });
  await waitForCoreDoc(
    bed.core.origin,
    bed.core.token,
    `sketch/${SKETCH}`,
    (doc) => strokesMap(doc).size === 3 && objectsMap(doc).size === 1,
    'the four drawn items',
  );
  client.destroy();
}, 60_000);

describe('the time-lapse player', () => {
  it('replays the sheet in the editor: scrub, play to the end, the live sketchnote untouched', async () => {
    const { page } = await bed.person({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${bed.core.origin}/sketch/${SKETCH}`);
    await page.waitForSelector('.sketch-host');
    await page.getByText('Online').first().waitFor();
    await page.getByRole('button', { name: 'Zeitraffer', exact: true }).click();
    const player = page.getByRole('dialog', { name: 'Zeitraffer' });
    await player.waitFor();
    const count = player.getByRole('status');
    await count.getByText('0 von 4 Strichen und Formen').waitFor();
    const scrubber = player.getByRole('slider', { name: 'Zeitpunkt im Zeitraffer' });
    // Timeline: 0.5 s lead-in, then s0 at 0.5 s, s1 at 2.5 s, box at 4.5 s, s2 at 6.5 s (gaps under 3 s kept).
    await scrubber.fill('3000');
    await count.getByText('2 von 4 Strichen und Formen').waitFor();
    expect(await scrubber.getAttribute('aria-valuetext')).toBe('0:03 von 0:07');
    await page.screenshot({ path: join(RESULTS, 'editor-middle.png') });
    await expectAccessible(page, 'time-lapse player');
    // The replay's own engine holds exactly the two items; the live one all four.
    const inReplay = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('.sketch-host')] as Array<
        HTMLElement & { sketchEngine?: PageEngine }
      >;
      return hosts.map((h) => {
        const stats = h.sketchEngine?.stats();
        return { strokes: stats?.strokes, objects: stats?.objects };
      });
    });
    expect(inReplay.at(-1)).toMatchObject({ strokes: 2, objects: 0 });
    expect(inReplay[0]).toMatchObject({ strokes: 3, objects: 1 });
    await player.getByLabel('Tempo').selectOption({ label: '5-fach' });
    await player.getByRole('button', { name: 'Abspielen' }).click();
    await count.getByText('4 von 4 Strichen und Formen').waitFor({ timeout: 15_000 });
    await player.getByRole('button', { name: 'Abspielen' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'editor-end.png') });

    // The time-lapse as a video: 2 s at 640 x 360, WebM with VP9.
    await player.getByText('Als Video speichern').click();
    await player.getByLabel('Größe (Pixel)').selectOption('640x360');
    await player.getByLabel('Länge (Sekunden)').fill('2');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await player.getByRole('button', { name: 'Video erstellen' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`mitschrift-zeitraffer-${SKETCH}-640x360.webm`);
    await player.getByText('Video gespeichert.').waitFor();
    const bytes = await readFile((await file.path())!);
    expect(bytes.readUInt32BE(0)).toBe(0x1a45dfa3); // EBML
    expect(bytes.includes(Buffer.from('V_VP9'))).toBe(true);
    const input = new Input({ source: new BufferSource(new Uint8Array(bytes)), formats: ALL_FORMATS });
    const track = (await input.getPrimaryVideoTrack())!;
    expect([track.displayWidth, track.displayHeight]).toEqual([640, 360]);
    expect(await input.computeDuration()).toBeCloseTo(2, 1);
    const packets: Array<{ type: 'key' | 'delta'; micros: number; base64: string }> = [];
    for await (const packet of new EncodedPacketSink(track).packets()) {
      packets.push({
        type: packet.type,
        micros: Math.round(packet.timestamp * 1e6),
        base64: Buffer.from(packet.data).toString('base64'),
      });
    }
    expect(packets).toHaveLength(60);
    const config = (await track.getDecoderConfig())!;
    expect(config.description).toBeUndefined();
    // First frame the empty sheet, last frame the finished one: every frame decoded by Chromium's
    // WebCodecs, in order, on a page of the core (WebCodecs needs a secure context: loopback is one,
    // about:blank is not). This replaced seeking a <video> to 1.98 s and drawing it, which once in
    // CI read an empty sheet there; a seek-and-draw is not tied to one decoded frame, this is.
    const checker = await bed.page();
    await checker.page.goto(`${bed.core.origin}/api/health`);
    const dark = await checker.page.evaluate(
      async ({ codec, packets }) => {
        const canvas = new OffscreenCanvas(640, 360);
        const ctx = canvas.getContext('2d')!;
        const counts: number[] = [];
        const failures: string[] = [];
        const decoder = new VideoDecoder({
          output: (frame) => {
            ctx.drawImage(frame, 0, 0);
            frame.close();
            const data = ctx.getImageData(0, 0, 640, 360).data;
            let count = 0;
            for (let i = 0; i < data.length; i += 4) {
              count += data[i]! + data[i + 1]! + data[i + 2]! < 300 ? 1 : 0;
            }
            counts.push(count);
          },
          error: (error) => failures.push(String(error)),
        });
        decoder.configure({ codec, codedWidth: 640, codedHeight: 360 });
        for (const packet of packets) {
          const data = Uint8Array.from(atob(packet.base64), (c) => c.charCodeAt(0));
          decoder.decode(new EncodedVideoChunk({ type: packet.type, timestamp: packet.micros, data }));
        }
        await decoder.flush();
        decoder.close();
        return { frames: counts.length, first: counts[0], middle: counts[30], last: counts.at(-1), failures };
      },
      { codec: config.codec, packets },
    );
    expect(dark.failures).toEqual([]);
    expect(dark.frames).toBe(60);
    expect(dark.first).toBe(0);
    expect(dark.last).toBeGreaterThan(500);
    // Half-way the sheet is partly drawn: more than the empty sheet, less than the finished one.
    expect(dark.middle).toBeGreaterThan(0);
    expect(dark.middle).toBeLessThan(dark.last!);

    // Cancelled half-way: nothing is saved.
    await player.getByLabel('Länge (Sekunden)').fill('20');
    await player.getByRole('button', { name: 'Video erstellen' }).click();
    await player.getByText(/Bild \d+ von 600/).waitFor();
    await player.getByRole('button', { name: 'Abbrechen' }).click();
    await player.getByText('Video abgebrochen, nichts gespeichert.').waitFor();
    await page.keyboard.press('Escape');
    await player.waitFor({ state: 'detached' });
    const check = connectSyncClient(bed.core.origin, bed.core.token, `sketch/${SKETCH}`);
    await check.synced;
    expect(strokesMap(check.doc).size).toBe(3);
    check.destroy();
  });

  it('plays on the projector at once with ?mode=timelapse and returns to the live sheet', async () => {
    const { page } = await bed.person({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${bed.core.origin}/sketch/${SKETCH}/present?mode=timelapse`);
    const player = page.getByRole('dialog', { name: 'Zeitraffer' });
    await player.getByRole('status').getByText('4 von 4 Strichen und Formen').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(RESULTS, 'projector-end.png') });
    await player.getByRole('button', { name: 'Zeitraffer schließen' }).click();
    await page.waitForURL((url) => !url.search.includes('timelapse'));
    await page.getByRole('button', { name: 'Zeitraffer', exact: true }).waitFor();
  });
});
