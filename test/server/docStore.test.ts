import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocStore, DocUnavailableError } from '../../server/storage/docStore.js';
import { MAGIC } from '../../server/storage/updateLog.js';
import { DocRegistry } from '../../server/sync/docRegistry.js';
import { makeTempDir } from '../helpers/tempDir.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function writeText(store: DocStore, name: 'pad/a' | 'pad/b', texts: string[]): void {
  const { doc, log } = store.open(name, { gc: true });
  doc.on('update', (u: Uint8Array) => log.append(u));
  for (const t of texts) {
    doc.getText('t').insert(doc.getText('t').length, t);
  }
  log.close();
}

describe('document store', () => {
  it('stores and reloads a document', () => {
    const store = new DocStore(temp.dir);
    writeText(store, 'pad/a', ['Hallo ', 'Welt']);
    const again = new DocStore(temp.dir).open('pad/a', { gc: true });
    expect(again.doc.getText('t').toString()).toBe('Hallo Welt');
    again.log.close();
  });

  it('repairs a truncated file, keeps a copy of the damaged one and reports it by name', () => {
    const store = new DocStore(temp.dir);
    writeText(store, 'pad/a', ['eins ', 'zwei ', 'drei']);
    const file = store.fileFor('pad/a');
    truncateSync(file, statSync(file).size - 3);

    const fresh = new DocStore(temp.dir);
    const problems = fresh.scan();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ doc: 'pad/a', kind: 'truncated', file });
    expect(problems[0]!.message).toContain('pad%2Fa.ylog');

    const opened = fresh.open('pad/a', { gc: true });
    expect(opened.doc.getText('t').toString()).toBe('eins zwei ');
    opened.log.close();
    expect(readdirSync(store.docsDir).some((f) => f.startsWith('pad%2Fa.ylog.damaged-'))).toBe(true);
  });

  it('refuses a corrupted file with a clear error while other documents still open', () => {
    const store = new DocStore(temp.dir);
    writeText(store, 'pad/a', ['eins ', 'zwei ', 'drei']);
    writeText(store, 'pad/b', ['ok']);
    const file = store.fileFor('pad/a');
    const bytes = readFileSync(file);
    bytes[20] = bytes[20]! ^ 0xff;
    writeFileSync(file, bytes);

    const fresh = new DocStore(temp.dir);
    expect(fresh.scan()).toEqual([expect.objectContaining({ doc: 'pad/a', kind: 'corrupted' })]);
    expect(() => fresh.open('pad/a', { gc: true })).toThrow(DocUnavailableError);
    expect(() => fresh.open('pad/a', { gc: true })).toThrow(/pad%2Fa\.ylog: corrupted at byte \d+/);
    // The damaged file is left as it was: nothing is lost or overwritten.
    expect(readFileSync(file)).toEqual(bytes);
    const b = fresh.open('pad/b', { gc: true });
    expect(b.doc.getText('t').toString()).toBe('ok');
    b.log.close();
  });

  it('reports a file whose records are not Yjs updates', () => {
    const store = new DocStore(temp.dir);
    const { log } = store.open('pad/a', { gc: true });
    log.append(new Uint8Array([250, 251, 252, 253, 254]));
    log.close();
    const fresh = new DocStore(temp.dir);
    expect(fresh.scan()[0]).toMatchObject({ kind: 'corrupted', doc: 'pad/a' });
    expect(existsSync(store.fileFor('pad/a'))).toBe(true);
  });

  it('lists only valid document names', () => {
    const store = new DocStore(temp.dir);
    writeText(store, 'pad/a', ['x']);
    writeFileSync(`${store.docsDir}/junk.ylog`, 'x');
    expect(store.listDocNames()).toEqual(['pad/a']);
    expect(new Y.Doc()).toBeDefined();
  });

  it('removes stale compaction temp files at start, only its own', () => {
    const store = new DocStore(temp.dir);
    writeText(store, 'pad/a', ['x']);
    const stale = ['pad%2Fa.ylog.tmp-4242', 'workspace.ylog.tmp-1'];
    for (const name of [...stale, 'notes.tmp-7', 'pad%2Fa.ylog.damaged-2026']) {
      writeFileSync(`${store.docsDir}/${name}`, 'half a compaction');
    }
    expect(new DocStore(temp.dir).scan()).toEqual([]);
    expect(readdirSync(store.docsDir).sort()).toEqual([
      'notes.tmp-7',
      'pad%2Fa.ylog',
      'pad%2Fa.ylog.damaged-2026',
    ]);
  });

  it('compacts a document larger than the record limit into several records and reopens it identical', () => {
    const limit = 4096;
    const store = new DocStore(temp.dir, { maxRecordBytes: limit });
    const registry = new DocRegistry(store, {
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    // A sketchnote-like document: many entries, one image asset far larger than a record.
    const image = new Uint8Array(50_000).map((_, i) => (i * 31) % 256);
    registry.change('sketch/big', (doc) => {
      doc.getMap<Uint8Array>('assets').set('img', image);
      for (let i = 0; i < 500; i++) {
        doc.getMap<{ points: number[] }>('strokes').set(`s${i}`, { points: [i, i + 1, i + 2, i * 3] });
      }
    });
    const before = registry.read('sketch/big', (doc) => ({
      state: Y.encodeStateAsUpdate(doc),
      json: doc.getMap('strokes').toJSON() as unknown,
    }));
    expect(before.state.byteLength).toBeGreaterThan(10 * limit);
    registry.closeAll(); // compacts into one update

    const bytes = readFileSync(store.fileFor('sketch/big'));
    const lengths: number[] = [];
    for (let offset = MAGIC.length; offset < bytes.length;) {
      const length = bytes.readUInt32LE(offset) & 0x7fff_ffff;
      lengths.push(length);
      offset += 8 + length;
    }
    expect(lengths.length).toBeGreaterThan(10);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(limit);
    console.info(
      `large document: ${before.state.byteLength} bytes of state compacted into ${lengths.length} records of at most ${limit} bytes`,
    );

    const fresh = new DocStore(temp.dir);
    expect(fresh.scan()).toEqual([]);
    const again = fresh.open('sketch/big', { gc: true });
    expect(Y.encodeStateAsUpdate(again.doc)).toEqual(before.state);
    expect(again.doc.getMap('strokes').toJSON()).toEqual(before.json);
    expect(again.doc.getMap<Uint8Array>('assets').get('img')).toEqual(image);
    again.log.close();
  });
});
