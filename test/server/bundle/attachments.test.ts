import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachmentError,
  addFileAttachment,
  addLinkAttachment,
  checkFileAttachment,
  listAttachments,
  removeAttachment,
  sniffType,
} from '../../../server/bundle/attachments.js';
import { collectFromWorkspace } from '../../../server/bundle/workspaceSource.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { makeBundleWorkspace } from './bundleWorkspace.js';
import { jpegOf, photoPixels, withOrientation } from './photoFixtures.js';
import { buildSpooled } from './spooledBundle.js';

/** A 1x1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const NOW = new Date('2026-05-10T12:00:00.000Z');

let temp: ReturnType<typeof makeTempDir>;
let data: string;
let eventId: string;
beforeAll(() => {
  temp = makeTempDir('mitschrift-attach-');
  data = join(temp.dir, 'ws');
  eventId = makeBundleWorkspace(data).eventId;
});
afterAll(() => temp.cleanup());

describe('attachments', () => {
  it('sniffs the type from the bytes, not the name, and refuses other files', async () => {
    expect(sniffType(PNG)).toBe('png');
    expect(sniffType(PDF)).toBe('pdf');
    expect(sniffType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffType(new TextEncoder().encode('<html>'))).toBeUndefined();
    await expect(checkFileAttachment(new TextEncoder().encode('MZ not a pdf'))).rejects.toThrow(
      AttachmentError,
    );
    const link = (): unknown =>
      addLinkAttachment(
        data,
        's-daten',
        { url: 'javascript:alert(1)', title: 'x', licence: 'y', linkKind: 'video' },
        NOW,
      );
    expect(link).toThrow(/Only http and https links|Invalid URL/);
  });

  it(
    'stores files and links and puts them into the bundle, the website and the booklet',
    { timeout: 60_000 },
    async () => {
      addFileAttachment(
        data,
        's-daten',
        await checkFileAttachment(PDF),
        { title: 'Folien Offene Daten', licence: 'CC-BY-4.0' },
        NOW,
      );
      addFileAttachment(
        data,
        's-daten',
        await checkFileAttachment(PNG),
        { title: 'Foto der Pinnwand', licence: 'CC-BY-4.0' },
        NOW,
      );
      const link = addLinkAttachment(
        data,
        's-daten',
        {
          url: 'https://video.example.org/v/123',
          title: 'Aufzeichnung',
          licence: 'CC-BY-4.0',
          linkKind: 'video',
        },
        NOW,
      );
      expect(listAttachments(data, 's-daten').map((a) => a.title)).toEqual([
        'Folien Offene Daten',
        'Foto der Pinnwand',
        'Aufzeichnung',
      ]);
      const collected = collectFromWorkspace(data, eventId, { profile: 'public', now: NOW, generator: 't' });
      const { files } = await buildSpooled(collected, { profile: 'public' });
      const paths = files.map((f) => f.path);
      expect(paths).toContain(
        'sessions/01-offene-daten-in-der-verwaltung/attachments/01-folien-offene-daten.pdf',
      );
      expect(paths).toContain(
        'sessions/01-offene-daten-in-der-verwaltung/attachments/02-foto-der-pinnwand.png',
      );
      const page = files.find((f) => f.path === 'sessions/01-offene-daten-in-der-verwaltung/index.html');
      const html = Buffer.from(page?.bytes ?? []).toString('utf8');
      expect(html).toContain('href="https://video.example.org/v/123"');
      expect(html).toContain('attachments/02-foto-der-pinnwand.png');
      expect(removeAttachment(data, 's-daten', link.id)).toBe(true);
      expect(listAttachments(data, 's-daten')).toHaveLength(2);
    },
  );

  it('refuses malformed files with a reason: wrong type, too large, cut off, too many pixels', async () => {
    const refusal = async (bytes: Uint8Array): Promise<AttachmentError> => {
      const error = await checkFileAttachment(bytes).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AttachmentError);
      return error as AttachmentError;
    };
    const html = await refusal(new TextEncoder().encode('<!doctype html><title>Folien</title>'));
    expect([html.status, html.message]).toEqual([415, expect.stringContaining('not a PDF, PNG or JPEG')]);
    const huge = new Uint8Array(21 * 1024 * 1024);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    const big = await refusal(huge);
    expect([big.status, big.message]).toEqual([413, expect.stringMatching(/21\.0 MB, more than the 20 MB/)]);
    const cutPdf = await refusal(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>'));
    expect([cutPdf.status, cutPdf.message]).toEqual([422, expect.stringContaining('PDF file is incomplete')]);
    const photo = await jpegOf(photoPixels(640, 480));
    const cutJpeg = await refusal(photo.subarray(0, Math.floor(photo.length / 2)));
    expect([cutJpeg.status, cutJpeg.message]).toEqual([
      422,
      expect.stringContaining('JPEG file is incomplete'),
    ]);
    const cutPng = await refusal(PNG.subarray(0, PNG.length - 12));
    expect(cutPng.status).toBe(422);
    // A 60,000 x 60,000 PNG header: refused before anything is decoded.
    const bomb = PNG.slice();
    new DataView(bomb.buffer).setUint32(16, 60_000);
    new DataView(bomb.buffer).setUint32(20, 60_000);
    const pixels = await refusal(bomb);
    expect([pixels.status, pixels.message]).toEqual([413, expect.stringContaining('60000 x 60000 pixels')]);
    // Nothing of it was stored.
    expect(listAttachments(data, 's-karten')).toEqual([]);
  });

  it(
    'keeps the original photo in the bundle; the booklet gets an upright, scaled-down JPEG',
    { timeout: 120_000 },
    async () => {
      // Stored 2400 x 1800, to be viewed turned 90° clockwise (EXIF orientation 6).
      const original = withOrientation(await jpegOf(photoPixels(2400, 1800)), 6);
      const checked = await checkFileAttachment(original);
      expect(checked.booklet?.byteLength).toBeLessThan(original.byteLength);
      const added = addFileAttachment(
        data,
        's-karten',
        checked,
        { title: 'Flipchart', licence: 'CC-BY-4.0' },
        NOW,
      );
      const collected = collectFromWorkspace(data, eventId, { profile: 'public', now: NOW, generator: 't' });
      const { files } = await buildSpooled(collected, { profile: 'internal' });
      const kept = files.find((f) => f.path.endsWith('-flipchart.jpg'));
      expect(Buffer.from(kept?.bytes ?? []).equals(Buffer.from(original))).toBe(true);
      const booklet = Buffer.from(files.find((f) => f.path === 'dokumentation.pdf')?.bytes ?? []).toString(
        'latin1',
      );
      expect(booklet).toMatch(/\/Width 1200\s*\/Height 1600|\/Height 1600\s*\/Width 1200/);
      expect(booklet).not.toContain('/Width 2400');
      expect(removeAttachment(data, 's-karten', added.id)).toBe(true);
    },
  );
});
