import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachmentError,
  addFileAttachment,
  addLinkAttachment,
  listAttachments,
  removeAttachment,
  sniffType,
} from '../../../server/bundle/attachments.js';
import { buildBundle } from '../../../server/bundle/buildBundle.js';
import { collectFromWorkspace } from '../../../server/bundle/workspaceSource.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { makeBundleWorkspace } from './bundleWorkspace.js';

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
  it('sniffs the type from the bytes, not the name, and refuses other files', () => {
    expect(sniffType(PNG)).toBe('png');
    expect(sniffType(PDF)).toBe('pdf');
    expect(sniffType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffType(new TextEncoder().encode('<html>'))).toBeUndefined();
    expect(() =>
      addFileAttachment(
        data,
        's-daten',
        new TextEncoder().encode('MZ not a pdf'),
        { title: 'x', licence: 'y' },
        NOW,
      ),
    ).toThrow(AttachmentError);
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
      addFileAttachment(data, 's-daten', PDF, { title: 'Folien Offene Daten', licence: 'CC-BY-4.0' }, NOW);
      addFileAttachment(data, 's-daten', PNG, { title: 'Foto der Pinnwand', licence: 'CC-BY-4.0' }, NOW);
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
      const { files } = await buildBundle(collected, { profile: 'public' });
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
});
