import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAGIC,
  UpdateLogError,
  UpdateLogWriter,
  encodeRecord,
  parseLog,
  readLogFile,
  writeLogAtomically,
} from '../../server/storage/updateLog.js';
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
