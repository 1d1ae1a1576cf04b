import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocStore, DocUnavailableError } from '../../server/storage/docStore.js';
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
});
