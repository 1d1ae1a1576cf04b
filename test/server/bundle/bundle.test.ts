import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEtherpadFile, parseEtherpadFile } from '../../../shared/pad/etherpad/index.js';
import { ExportCancelledError } from '../../../server/bundle/bundleTypes.js';
import { BundleRequestError } from '../../../server/bundle/collectBundle.js';
import { sha256 } from '../../../server/bundle/metadata.js';
import { collectFromWorkspace } from '../../../server/bundle/workspaceSource.js';
import { writeBundleZip } from '../../../server/bundle/writeBundle.js';
import { runCliToEnd } from '../../helpers/cliProcess.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { CONSENTING_NAME, SECRET_EMAIL, SECRET_NAME, makeBundleWorkspace } from './bundleWorkspace.js';
import { buildSpooled, type SpooledBundle } from './spooledBundle.js';

const NOW = new Date('2026-05-10T12:00:00.000Z');
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let temp: ReturnType<typeof makeTempDir>;
let data: string;
let eventId: string;
beforeAll(() => {
  temp = makeTempDir('mitschrift-bundle-');
  data = join(temp.dir, 'ws');
  eventId = makeBundleWorkspace(data).eventId;
});
afterAll(() => temp.cleanup());

async function build(profile: 'public' | 'internal', sessionIds?: string[]): Promise<SpooledBundle> {
  const collected = collectFromWorkspace(data, eventId, {
    profile,
    now: NOW,
    generator: 'Mitschrift test',
    ...(sessionIds ? { sessionIds } : {}),
  });
  return buildSpooled(collected, { profile }, join(temp.dir, 'spool'));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Every text a reader could get out of a file: the bytes as UTF-8, and a PDF's extracted text. */
function readableTexts(path: string, bytes: Uint8Array): string[] {
  const texts = [Buffer.from(bytes).toString('utf8'), Buffer.from(bytes).toString('latin1')];
  if (path.endsWith('.pdf') && hasPdftotext) {
    texts.push(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
  }
  return texts;
}

const FORBIDDEN = [SECRET_NAME, 'Mustermann', SECRET_EMAIL, 'u-erika', 'Jonas Ohnezustimmung'];

describe('documentation bundle: privacy (public profile)', () => {
  it(
    'names nobody without consent in any file: folder, ZIP entries and PDF text',
    { timeout: 120_000 },
    async () => {
      if (!hasPdftotext) {
        console.warn('pdftotext (poppler-utils) is missing: PDF text is searched as raw bytes only.');
      }
      const built = await build('public');
      expect(built.pseudonyms.map((p) => [p.pseudonym, p.name, p.roles])).toEqual([
        ['Autor:in 1', SECRET_NAME, ['host', 'pad author', 'chat', 'person']],
        ['Autor:in 2', 'Jonas Ohnezustimmung', ['host']],
      ]);
      const folder = join(temp.dir, 'public');
      cpSync(built.spool.dir, folder, { recursive: true });
      const zipPath = join(temp.dir, 'public.zip');
      await writeBundleZip(built.spool, built.files, zipPath, NOW);

      const onDisk = listFiles(folder);
      expect(onDisk.map((f) => relative(folder, f).split('\\').join('/')).sort()).toEqual(
        built.files.map((f) => f.path).sort(),
      );
      let consentingSeen = 0;
      for (const path of onDisk) {
        for (const text of readableTexts(path, readFileSync(path))) {
          for (const name of FORBIDDEN) {
            expect(text.toLowerCase(), `${relative(folder, path)} contains "${name}"`).not.toContain(
              name.toLowerCase(),
            );
          }
          consentingSeen += text.includes(CONSENTING_NAME) ? 1 : 0;
        }
      }
      expect(consentingSeen).toBeGreaterThan(0);
      // The sketchnote's text (which named her) is in the bundle, pseudonymised, in every format.
      expect(built.files.map((f) => f.path)).toEqual(
        expect.arrayContaining([
          'sessions/01-offene-daten-in-der-verwaltung/sketchnote.svg',
          'sessions/01-offene-daten-in-der-verwaltung/sketchnote.pdf',
          'sessions/01-offene-daten-in-der-verwaltung/sketchnote.png',
        ]),
      );
      expect(
        readFileSync(join(folder, 'sessions/01-offene-daten-in-der-verwaltung/sketchnote.svg'), 'utf8'),
      ).toContain('Danke, Autor:in 1!');
      const entries = unzipSync(readFileSync(zipPath));
      expect(Object.keys(entries).sort()).toEqual(built.files.map((f) => f.path).sort());
      for (const [name, bytes] of Object.entries(entries)) {
        const text = Buffer.from(bytes).toString('utf8');
        for (const forbidden of FORBIDDEN) {
          expect(text.toLowerCase(), `zip:${name} contains "${forbidden}"`).not.toContain(
            forbidden.toLowerCase(),
          );
        }
      }
      // The ZIP's PDFs are the same bytes as the folder's, whose text was searched above.
      expect(sha256(entries['dokumentation.pdf'] ?? new Uint8Array())).toBe(
        sha256(readFileSync(join(folder, 'dokumentation.pdf'))),
      );
    },
  );

  it(
    'leaves chat and history out of the public .etherpad, which Etherpad would import',
    { timeout: 60_000 },
    async () => {
      const built = await build('public');
      const etherpad = built.files.find((f) =>
        f.path.endsWith('01-offene-daten-in-der-verwaltung/notes.etherpad'),
      );
      const text = Buffer.from(etherpad?.bytes ?? []).toString('utf8');
      expect(checkEtherpadFile(text)).toEqual([]);
      const parsed = parseEtherpadFile(text);
      expect(parsed.head).toBe(0);
      expect(parsed.chat).toEqual([]);
      expect(
        Object.values(parsed.authors)
          .map((a) => a.name)
          .filter((n) => n !== null)
          .sort(),
      ).toEqual(['Autor:in 1', CONSENTING_NAME]);
    },
  );

  it('keeps names, chat and history in the internal profile', { timeout: 60_000 }, async () => {
    const built = await build('internal');
    expect(built.pseudonyms).toEqual([]);
    const etherpad = built.files.find((f) =>
      f.path.endsWith('01-offene-daten-in-der-verwaltung/notes.etherpad'),
    );
    const parsed = parseEtherpadFile(Buffer.from(etherpad?.bytes ?? []).toString('utf8'));
    expect(parsed.chat.map((m) => m.text)).toEqual([`Hallo, hier ${SECRET_NAME} (${SECRET_EMAIL})`]);
    const txt = built.files.find((f) => f.path.endsWith('01-offene-daten-in-der-verwaltung/notes.txt'));
    expect(Buffer.from(txt?.bytes ?? []).toString('utf8')).toContain(`${SECRET_NAME} stellt Daten vor`);
  });
});

describe('documentation bundle: files', () => {
  let files: SpooledBundle['files'];
  let folder: string;
  beforeAll(async () => {
    const built = await build('public');
    files = built.files;
    folder = join(temp.dir, 'files');
    built.spool.moveTo(folder);
  }, 60_000);

  it('lists every file with its SHA-256 in SHA256SUMS and metadata.json (DCAT-AP.de mapped to CKAN)', () => {
    const sums = readFileSync(join(folder, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums).toHaveLength(files.length - 1);
    for (const line of sums) {
      const [hash, path] = line.split('  ');
      expect(sha256(readFileSync(join(folder, path ?? '')))).toBe(hash);
    }
    const metadata = JSON.parse(readFileSync(join(folder, 'metadata.json'), 'utf8')) as {
      ckan: {
        name: string;
        title: string;
        license_id: string;
        tags: { name: string }[];
        extras: { key: string; value: string }[];
      };
      files: { path: string; sha256: string; size: number }[];
    };
    expect(metadata.ckan.name).toBe('dokumentation-open-data-tag-2026');
    expect(metadata.ckan.license_id).toBe('cc-by');
    expect(metadata.ckan.tags.map((t) => t.name)).toContain('Open Data');
    const extras = Object.fromEntries(metadata.ckan.extras.map((e) => [e.key, e.value]));
    expect(extras).toMatchObject({
      temporal_start: '2026-05-09',
      temporal_end: '2026-05-09',
      contact_email: 'opengov@example.org',
      geocodingText: 'Rathaus Musterstadt, Großer Saal',
      license: 'http://dcat-ap.de/def/licenses/cc-by/4.0',
    });
    expect(metadata.files.length).toBe(files.length - 2);
    for (const entry of metadata.files) {
      expect(sha256(readFileSync(join(folder, entry.path)))).toBe(entry.sha256);
    }
  });

  it('makes an offline website: no scripts, no external styles or resources, every relative link resolves', () => {
    const html = listFiles(folder).filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThanOrEqual(1 + 3 + 2);
    for (const path of html) {
      const problems: string[] = [];
      const walk = (node: unknown): void => {
        const el = node as {
          tagName?: string;
          attrs?: { name: string; value: string }[];
          childNodes?: unknown[];
        };
        const attrs = new Map((el.attrs ?? []).map((a) => [a.name, a.value]));
        if (
          el.tagName === 'script' ||
          el.tagName === 'iframe' ||
          (el.tagName === 'link' && attrs.get('rel') !== 'canonical')
        ) {
          problems.push(`<${el.tagName}>`);
        }
        for (const [name, value] of attrs) {
          if (['src', 'srcset', 'poster', 'data'].includes(name) && /^(https?:)?\/\//i.test(value)) {
            problems.push(`${name}=${value}`);
          }
          if (name === 'style' && /url\(/i.test(value)) {
            problems.push(`style ${value}`);
          }
          if (name === 'href' && el.tagName === 'a' && !/^(https?:|mailto:|tel:)/i.test(value)) {
            const target = resolve(dirname(path), decodeURIComponent(value));
            if (!existsSync(target)) {
              problems.push(`broken link ${value}`);
            }
          }
        }
        if (el.tagName === 'style') {
          const css = (el.childNodes ?? []).map((c) => (c as { value?: string }).value ?? '').join('');
          if (/@import|url\(/i.test(css)) {
            problems.push('CSS loads something');
          }
        }
        (el.childNodes ?? []).forEach(walk);
        const content = (node as { content?: unknown }).content;
        if (content) {
          walk(content);
        }
      };
      walk(parse(readFileSync(path, 'utf8')));
      expect(problems, relative(folder, path)).toEqual([]);
    }
  });

  it('makes PDFs with every font embedded, tagged, in reading order', () => {
    const booklet = join(folder, 'dokumentation.pdf');
    let fonts: string;
    try {
      fonts = execFileSync('pdffonts', [booklet], { encoding: 'utf8' });
    } catch {
      console.warn('pdffonts (poppler-utils) is missing: the PDF checks are skipped.');
      return;
    }
    const rows = fonts.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    }
    const info = execFileSync('pdfinfo', ['-meta', booklet], { encoding: 'utf8' });
    expect(info).toContain('pdfaid:part');
    expect(execFileSync('pdfinfo', [booklet], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', booklet, '-'], { encoding: 'utf8' });
    const order = [
      'Open Data Tag 2026',
      'Sessionplan',
      'Offene Daten in der Verwaltung',
      'Ergebnisse Daten',
      'Offene Daten zuerst',
      'Karten für Bürger:innen',
      'Freie Software',
    ];
    let at = -1;
    for (const part of order) {
      const next = text.indexOf(part, at + 1);
      expect(next, `"${part}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
  });
});

describe('documentation bundle: choosing and cancelling', () => {
  it('exports only the chosen sessions and names an unknown one', { timeout: 60_000 }, async () => {
    const built = await build('public', ['s-karten']);
    expect(built.files.filter((f) => f.path.endsWith('/session.pdf')).map((f) => f.path)).toEqual([
      'sessions/01-karten-fuer-buerger-innen/session.pdf',
    ]);
    expect(() =>
      collectFromWorkspace(data, eventId, {
        profile: 'public',
        now: NOW,
        generator: 't',
        sessionIds: ['nope'],
      }),
    ).toThrow(BundleRequestError);
  });

  it('stops when cancelled and writes nothing', async () => {
    const collected = collectFromWorkspace(data, eventId, { profile: 'public', now: NOW, generator: 't' });
    const controller = new AbortController();
    const steps: string[] = [];
    await expect(
      buildSpooled(collected, {
        profile: 'public',
        signal: controller.signal,
        onProgress: (p) => {
          steps.push(p.step);
          if (p.done === 1) {
            controller.abort();
          }
        },
      }),
    ).rejects.toThrow(ExportCancelledError);
    expect(steps).toHaveLength(2);
  });
});

describe('mitschrift export', () => {
  it(
    'writes a ZIP and lists the pseudonymised names; refuses an unknown event',
    { timeout: 120_000 },
    async () => {
      const out = join(temp.dir, 'cli.zip');
      const made = await runCliToEnd([
        'export',
        eventId,
        '--data',
        data,
        '--out',
        out,
        '--zip',
        '--profile',
        'public',
      ]);
      expect(made.stderr).toContain('[9/9] fertig');
      expect(made.code).toBe(0);
      expect(made.stdout).toContain('Pseudonymised 2 names (no consent):');
      expect(made.stdout).toContain(`  Autor:in 1: ${SECRET_NAME} (host, pad author, chat, person)`);
      expect(made.stdout).toMatch(
        /Wrote .*cli\.zip \(public, 3 sessions, 21 files, \d+ bytes before compression\)\./,
      );
      expect(Object.keys(unzipSync(readFileSync(out)))).toContain('metadata.json');
      // The files waited in a spool folder beside the ZIP; it is gone.
      expect(readdirSync(dirname(out)).filter((name) => name.startsWith('.mitschrift-bundle-'))).toEqual([]);
      const asFolder = join(temp.dir, 'cli-folder');
      const folderRun = await runCliToEnd(['export', eventId, '--data', data, '--out', asFolder]);
      expect(folderRun.code).toBe(0);
      expect(readdirSync(asFolder)).toEqual(
        expect.arrayContaining(['SHA256SUMS', 'dokumentation.pdf', 'sessions']),
      );
      expect(readdirSync(temp.dir).filter((name) => name.startsWith('.mitschrift-bundle-'))).toEqual([]);

      const bad = await runCliToEnd([
        'export',
        'no-such-event',
        '--data',
        data,
        '--out',
        join(temp.dir, 'x'),
      ]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('There is no event "no-such-event".');
    },
  );
});
