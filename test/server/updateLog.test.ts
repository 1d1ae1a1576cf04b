import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  MAGIC,
  UpdateLogError,
  UpdateLogWriter,
  encodeRecord,
  encodeUpdate,
  parseLog,
  readLogFile,
  removeStaleTempFiles,
  writeLogAtomically,
} from '../../server/storage/updateLog.js';
import { injectFileFaults, type FileFaults } from '../helpers/fileFaults.js';
import { waitFor } from '../helpers/syncClient.js';
import { makeTempDir } from '../helpers/tempDir.js';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

describe('update log', () => {
  it('reads back what was appended, in order', () => {
    const file = join(temp.dir, 'a.ylog');
    writeLogAtomically(file, []);
    const writer = new UpdateLogWriter(file);
    writer.append(bytes(1, 2, 3));
    writer.append(bytes(4));
    writer.append(bytes());
    writer.close();
    expect(readLogFile(file).updates).toEqual([bytes(1, 2, 3), bytes(4), bytes()]);
  });

  it('reports a cut-off last record as truncation and keeps the intact records', () => {
    const whole = Buffer.concat([MAGIC, encodeRecord(bytes(1, 2)), encodeRecord(bytes(3, 4, 5))]);
    for (let cut = MAGIC.length + 10 + 1; cut < whole.length; cut++) {
      const parsed = parseLog(whole.subarray(0, cut), 'x.ylog');
      expect(parsed.updates).toEqual([bytes(1, 2)]);
      expect(parsed.truncation?.kind).toBe('truncated');
      expect(parsed.truncation?.message).toContain('x.ylog');
    }
  });

  it('throws "corrupted" naming the file for a flipped byte before the tail', () => {
    const whole = Buffer.concat([MAGIC, encodeRecord(bytes(1, 2)), encodeRecord(bytes(3, 4, 5))]);
    whole[MAGIC.length + 8] = whole[MAGIC.length + 8]! ^ 0xff;
    expect(() => parseLog(whole, '/data/docs/pad%2Fx.ylog')).toThrow(UpdateLogError);
    expect(() => parseLog(whole, '/data/docs/pad%2Fx.ylog')).toThrow(
      /pad%2Fx\.ylog: corrupted at byte 8 \(checksum mismatch\)/,
    );
  });

  it('rejects a file that is not a store file', () => {
    expect(() => parseLog(Buffer.from('{"hello":"world"}'), 'f.ylog')).toThrow(/not a Mitschrift store file/);
  });

  it('rejects an impossible record length as corruption', () => {
    const buf = Buffer.concat([MAGIC, Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0])]);
    expect(() => parseLog(buf, 'f.ylog')).toThrow(/impossible/);
  });

  it('rewrites atomically and keeps appending afterwards', () => {
    const file = join(temp.dir, 'b.ylog');
    writeLogAtomically(file, []);
    const writer = new UpdateLogWriter(file);
    writer.append(bytes(1));
    writer.append(bytes(2));
    writer.rewrite([bytes(9)]);
    writer.append(bytes(3));
    writer.close();
    expect(readLogFile(file).updates).toEqual([bytes(9), bytes(3)]);
    expect(readFileSync(file).subarray(0, 8)).toEqual(MAGIC);
  });
});

describe('update log: updates larger than one record', () => {
  const big = new Uint8Array(10_000).map((_, i) => (i * 7) % 251);

  it('splits an update into continued records of at most the limit and joins them on reading', () => {
    const encoded = encodeUpdate(big, 1024);
    // 10 records: 9 full ones with the continued flag, the last without.
    expect(encoded.length).toBe(big.length + 10 * 8);
    expect(encoded.readUInt32LE(0)).toBe((0x8000_0000 | 1024) >>> 0);
    const parsed = parseLog(
      Buffer.concat([MAGIC, encodeRecord(bytes(1)), encoded, encodeRecord(bytes(2))]),
      'f',
    );
    expect(parsed.updates).toEqual([bytes(1), big, bytes(2)]);
    expect(parsed.truncation).toBeUndefined();
  });

  it('writes, appends and rewrites large updates as several records that read back whole', () => {
    const file = join(temp.dir, 'big.ylog');
    writeLogAtomically(file, [big], { maxRecordBytes: 1000 });
    expect(readLogFile(file).updates).toEqual([big]);
    const writer = new UpdateLogWriter(file, { maxRecordBytes: 1000 });
    writer.append(big.subarray(0, 2500));
    writer.rewrite([big, big.subarray(0, 1)]);
    writer.append(big);
    writer.close();
    expect(readLogFile(file).updates).toEqual([big, big.subarray(0, 1), big]);
  });

  it('treats an update whose continued records end early as a cut-off tail, at the start of that update', () => {
    const whole = Buffer.concat([MAGIC, encodeRecord(bytes(1, 2)), encodeUpdate(big, 1024)]);
    for (const cut of [MAGIC.length + 10 + 8 + 1024 + 8, MAGIC.length + 10 + 5 * 1032, whole.length - 1]) {
      const parsed = parseLog(whole.subarray(0, cut), 'x.ylog');
      expect(parsed.updates).toEqual([bytes(1, 2)]);
      expect(parsed.validBytes).toBe(MAGIC.length + 10);
      expect(parsed.truncation).toMatchObject({ kind: 'truncated', offset: MAGIC.length + 10 });
    }
  });

  it('reads a flipped continued flag as damage, not as a different update', () => {
    const whole = Buffer.concat([
      MAGIC,
      encodeRecord(bytes(1, 2)),
      encodeRecord(bytes(3)),
      encodeRecord(bytes(4)),
    ]);
    whole[MAGIC.length + 3] = whole[MAGIC.length + 3]! | 0x80;
    expect(() => parseLog(whole, 'f.ylog')).toThrow(/checksum mismatch/);
  });
});

describe('update log: file-system faults', () => {
  let faults: FileFaults;
  afterEach(() => faults.restore());

  it('keeps the old log open and in use when writing the compacted file fails, and removes the temp file', () => {
    const file = join(temp.dir, 'rewrite-fails.ylog');
    writeLogAtomically(file, []);
    const writer = new UpdateLogWriter(file);
    writer.append(bytes(1));
    faults = injectFileFaults();
    faults.fail('write', (path) => path.includes('.tmp-'), 'ENOSPC', 1);
    expect(() => writer.rewrite([bytes(1, 9)])).toThrow(/ENOSPC/);
    expect(faults.failures).toBe(1);
    expect(readdirSync(temp.dir).filter((f) => f.startsWith('rewrite-fails.ylog.tmp-'))).toEqual([]);
    // A file opened now may get the number of a descriptor closed too early; appends must not land there.
    const other = join(temp.dir, 'other.txt');
    writeFileSync(other, 'unrelated');
    const otherFd = openSync(other, 'a');
    try {
      writer.append(bytes(2));
      writer.close();
    } finally {
      closeSync(otherFd);
    }
    expect(readFileSync(other, 'utf8')).toBe('unrelated');
    expect(readLogFile(file).updates).toEqual([bytes(1), bytes(2)]);
  });

  it('cuts a failed append back off, so the log stays valid and later appends work', () => {
    faults = injectFileFaults();
    const file = join(temp.dir, 'append-fails.ylog');
    writeLogAtomically(file, []);
    const writer = new UpdateLogWriter(file);
    writer.append(bytes(1));
    // The disk takes 5 bytes of the record, then is full: half a record is in the file.
    faults.fail('write', (path) => path === file, 'ENOSPC', 1, 5);
    expect(() => writer.append(bytes(5, 6, 7, 8, 9, 10, 11, 12, 13))).toThrow(/ENOSPC/);
    writer.append(bytes(3));
    writer.close();
    const parsed = readLogFile(file);
    expect(parsed.updates).toEqual([bytes(1), bytes(3)]);
    expect(parsed.truncation).toBeUndefined();
  });

  it('reports a failing fdatasync of the timer to its owner instead of throwing out of the timer', async () => {
    faults = injectFileFaults();
    const file = join(temp.dir, 'sync-fails.ylog');
    writeLogAtomically(file, []);
    const writer = new UpdateLogWriter(file);
    const reported: unknown[] = [];
    writer.onBackgroundError = (error) => reported.push(error);
    faults.fail('fdatasync', (path) => path === file, 'EIO', 1);
    writer.append(bytes(1));
    await waitFor(() => reported.length > 0, 5_000, 'the failed fdatasync');
    expect(String(reported[0])).toMatch(/EIO/);
    expect(writer.hasUnsynced).toBe(true);
    writer.close();
    expect(writer.hasUnsynced).toBe(false);
  });

  it('removes stale temp files of its own kind only', () => {
    const dir = join(temp.dir, 'stale');
    mkdirSync(dir);
    const names = [
      'pad%2Fa.ylog.tmp-123',
      'workspace.ylog.tmp-9',
      'pad%2Fa.ylog',
      'notes.txt.tmp-5',
      'x.ylog.tmp-abc',
    ];
    for (const name of names) {
      writeFileSync(join(dir, name), 'x');
    }
    expect(removeStaleTempFiles(dir, '.ylog').sort()).toEqual([
      'pad%2Fa.ylog.tmp-123',
      'workspace.ylog.tmp-9',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt.tmp-5', 'pad%2Fa.ylog', 'x.ylog.tmp-abc']);
    expect(removeStaleTempFiles(join(temp.dir, 'missing'), '.ylog')).toEqual([]);
  });
});
