import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { readAsset } from '../../shared/sketch/objects/assets.js';
import { connectSyncClient } from '../helpers/syncClient.js';
import { jpegOf, photoPixels, redLeftPixels, withOrientation } from '../server/bundle/photoFixtures.js';
import type { TestPage } from './helpers/browser.js';
import { resultsDir, testbed } from './helpers/core.js';
import { expectAccessible } from './helpers/axe.js';
import { expectStatus, storedObjects } from './helpers/sketchPages.js';

/**
 * Issue 11, images: a recorder puts photos of slides, logos and icons on the sketchnote with the
 * "Bild einfügen…" button, by dropping files on the canvas and by pasting. Photos arrive upright
 * and scaled down; a decompression bomb, a corrupt file, a text file and a hostile SVG are each
 * refused or defused with a German sentence naming the file, and the editor keeps working.
 */

const RESULTS = resultsDir('sketch-images');
const bed = testbed();
const SKETCH = 'imagesketch1';
let editor: TestPage;

/** A PNG whose header promises 100,000 x 100,000 pixels, followed by a few bytes (a bomb's shape). */
function pngBomb(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const b of bytes) {
      c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG cut off after its header: the size is readable, the picture is not. */
async function brokenJpeg(): Promise<Buffer> {
  const whole = Buffer.from(await jpegOf(photoPixels(640, 480)));
  const cut = Buffer.from(whole.subarray(0, 700));
  // Garbage where the entropy-coded data should be.
  return Buffer.concat([cut, Buffer.alloc(200, 0xff)]);
}

const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120">
  <script><![CDATA[window.parent && (window.top.__svgRan = true)]]></script>
  <image href="http://127.0.0.1:9/tracker.png" width="10" height="10"/>
  <foreignObject width="240" height="120"><div xmlns="http://www.w3.org/1999/xhtml" onclick="alert(1)">x</div></foreignObject>
  <rect x="10" y="10" width="220" height="100" fill="#2563eb"/>
</svg>`;

/** The document as the core has it (through a second client). */
async function storedDoc(): Promise<ReturnType<typeof connectSyncClient>> {
  const client = connectSyncClient(bed.core.origin, bed.core.token, `sketch/${SKETCH}`);
  await client.synced;
  return client;
}

/** Drops files on the canvas at a point (a DataTransfer built in the page from the bytes). */
async function dropFiles(
  page: TestPage['page'],
  files: Array<{ name: string; type: string; bytes: Buffer }>,
  at: { x: number; y: number },
): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') }));
  await page.evaluate(
    ({ payload, at }) => {
      const transfer = new DataTransfer();
      for (const f of payload) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: f.type }));
      }
      const host = document.querySelector('.sketch-host')!;
      const box = host.getBoundingClientRect();
      const init = {
        dataTransfer: transfer,
        bubbles: true,
        cancelable: true,
        clientX: box.left + at.x,
        clientY: box.top + at.y,
      };
      host.dispatchEvent(new DragEvent('dragover', init));
      host.dispatchEvent(new DragEvent('drop', init));
    },
    { payload, at },
  );
}

beforeAll(async () => {
  editor = await bed.person({ viewport: { width: 1440, height: 900 } });
  editor.page.setDefaultTimeout(20_000);
  await editor.page.goto(`${bed.core.origin}/sketch/${SKETCH}`);
  await editor.page.waitForSelector('.sketch-host');
  await editor.page.getByText('Online').first().waitFor();
}, 120_000);

describe('pictures on the sketchnote', () => {
  it('places a camera photo upright and scaled down through the button', async () => {
    const { page } = editor;
    // 4000 x 3000 with EXIF orientation 6: the camera was turned, the photo is portrait.
    const photo = Buffer.from(withOrientation(await jpegOf(photoPixels(4000, 3000)), 6));
    expect(photo.length).toBeGreaterThan(1_000_000);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Bild einfügen…' }).click();
    await (await chooser).setFiles({ name: 'folie-3.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expectStatus(page, /Bild eingefügt/);
    const check = await storedDoc();
    try {
      await expect.poll(() => storedObjects(check.doc).filter((o) => o.kind === 'image').length).toBe(1);
      const image = storedObjects(check.doc).find((o) => o.kind === 'image')!;
      if (image.kind !== 'image') {
        throw new Error('not an image');
      }
      const asset = readAsset(check.doc, image.assetId, { verify: true });
      expect(asset.ok).toBe(true);
      if (asset.ok) {
        // Upright (portrait) and at most 2048 pixels on the long side, stored as JPEG.
        expect([asset.value.width, asset.value.height]).toEqual([1536, 2048]);
        expect(asset.value.mimeType).toBe('image/jpeg');
      }
      expect(image.h / image.w).toBeCloseTo(2048 / 1536, 2);
    } finally {
      check.destroy();
    }
    await page.screenshot({ path: join(RESULTS, 'photo.png') });
    await expectAccessible(page, 'editor with a picture');
  });

  it('drops two pictures where they fall and defuses a hostile SVG', async () => {
    const { page } = editor;
    const logo = Buffer.from(await jpegOf(redLeftPixels(300, 200, 150)));
    await dropFiles(
      page,
      [
        { name: 'logo.jpg', type: 'image/jpeg', bytes: logo },
        { name: 'icon.svg', type: 'image/svg+xml', bytes: Buffer.from(HOSTILE_SVG) },
      ],
      { x: 300, y: 250 },
    );
    await expectStatus(page, /2 Bilder eingefügt/);
    expect(await page.evaluate(() => (window as unknown as { __svgRan?: boolean }).__svgRan)).toBeUndefined();
    const check = await storedDoc();
    try {
      await expect.poll(() => storedObjects(check.doc).filter((o) => o.kind === 'image').length).toBe(3);
      const assets = [...check.doc.getMap('assets').keys()].map((id) =>
        readAsset(check.doc, id, { verify: true }),
      );
      // Nothing of the SVG's code is stored: pixels only (PNG, JPEG), never SVG text.
      for (const asset of assets) {
        expect(asset.ok).toBe(true);
        if (asset.ok) {
          expect(['image/png', 'image/jpeg']).toContain(asset.value.mimeType);
          expect(atob(asset.value.dataBase64.slice(0, 4000))).not.toContain('<script');
        }
      }
    } finally {
      check.destroy();
    }
    await page.screenshot({ path: join(RESULTS, 'dropped.png') });
  });

  it('refuses a decompression bomb, a corrupt photo and a text file by name, and keeps working', async () => {
    const { page } = editor;
    const before = await storedDoc();
    const imagesBefore = storedObjects(before.doc).filter((o) => o.kind === 'image').length;
    before.destroy();
    for (const [file, message] of [
      [{ name: 'bombe.png', type: 'image/png', bytes: pngBomb() }, /„bombe\.png“ hat mehr als 50 Megapixel/],
      [{ name: 'kaputt.jpg', type: 'image/jpeg', bytes: await brokenJpeg() }, /„kaputt\.jpg“ ist beschädigt/],
      [
        { name: 'notizen.txt', type: '', bytes: Buffer.from('Nur Text, kein Bild.') },
        /„notizen\.txt“ ist kein Bild/,
      ],
      [
        {
          name: 'halb.svg',
          type: 'image/svg+xml',
          bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect'),
        },
        /„halb\.svg“ ist beschädigt/,
      ],
    ] as const) {
      await dropFiles(page, [file], { x: 200, y: 200 });
      await expectStatus(page, message);
    }
    // Pasted: a screenshot from the clipboard lands where the pointer was.
    const shot = Buffer.from(await jpegOf(redLeftPixels(200, 120, 100)));
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'image.jpg', { type: 'image/jpeg' }));
      window.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, shot.toString('base64'));
    await expectStatus(page, /Bild eingefügt/);
    const after = await storedDoc();
    try {
      await expect
        .poll(() => storedObjects(after.doc).filter((o) => o.kind === 'image').length)
        .toBe(imagesBefore + 1);
    } finally {
      after.destroy();
    }
    await page.screenshot({ path: join(RESULTS, 'refused.png') });
  });
});
