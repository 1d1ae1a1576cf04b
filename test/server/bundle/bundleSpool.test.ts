import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleSpool } from '../../../server/bundle/bundleSpool.js';
import { makeTempDir } from '../../helpers/tempDir.js';

/** Spool folders: named after their process, and the ones of processes that died are cleared. */

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('the bundle spool', () => {
  it('names its folder after the process and keeps files on disk', () => {
    const spool = BundleSpool.create(join(temp.dir, 'spool'));
    expect(spool.dir).toContain(`.mitschrift-bundle-${process.pid}-`);
    const entry = spool.add({
      path: 'a/b.txt',
      mediaType: 'text/plain',
      title: 'B',
      bytes: new TextEncoder().encode('hallo'),
    });
    expect(entry).toMatchObject({ path: 'a/b.txt', size: 5 });
    expect(new TextDecoder().decode(spool.read(entry))).toBe('hallo');
    expect(() =>
      spool.add({ path: '../x', mediaType: 'text/plain', title: 'x', bytes: new Uint8Array() }),
    ).toThrow(/relative and plain/);
    spool.remove();
    expect(existsSync(spool.dir)).toBe(false);
  });

  it('removes what a killed run left behind, and leaves running ones and other folders alone', () => {
    const parent = join(temp.dir, 'publish-spool-cli');
    // A pid above Linux's limit (4,194,304) never runs.
    const dead = join(parent, '.mitschrift-bundle-99999999-abc');
    mkdirSync(join(dead, 'sessions'), { recursive: true });
    const mine = BundleSpool.create(parent);
    const other = join(parent, 'Fotos');
    mkdirSync(other);
    expect(BundleSpool.removeStale(parent)).toBe(1);
    expect(readdirSync(parent).sort()).toEqual([mine.dir.slice(parent.length + 1), 'Fotos'].sort());
    expect(BundleSpool.removeStale(join(temp.dir, 'missing'))).toBe(0);
  });
});
