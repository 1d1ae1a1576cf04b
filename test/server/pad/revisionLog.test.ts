import { appendFileSync, existsSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RevisionLog, deleteSetDelta, revisionFileFor } from '../../../server/pad/revisionLog.js';
import { makeTempDir } from '../../helpers/tempDir.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function textAt(doc: Y.Doc, log: RevisionLog, rev: number): string {
  const old = Y.createDocFromSnapshot(doc, log.snapshotAt(rev));
  const text = old.getText('t').toString();
  old.destroy();
  return text;
}

describe('revision log', () => {
  it('rebuilds every revision from state vectors and delete-set deltas, also after reopening', () => {
    const doc = new Y.Doc({ gc: false });
    const text = doc.getText('t');
    const log = RevisionLog.open(temp.dir, 'p1');
    const expected: string[] = [];
    for (let i = 0; i < 30; i++) {
      text.insert(text.length, `w${i} `);
      if (i % 3 === 0 && text.length > 4) {
        text.delete(i % text.length, 2);
      }
      log.addRevision(doc, { time: 1000 + i, authors: [`u${i % 2}`], source: 'edit' });
      expected.push(text.toString());
    }
    log.addSaved({ rev: 4, label: 'Halbzeit', time: 5000, by: 'u1' });
    expected.forEach((t, rev) => expect(textAt(doc, log, rev)).toBe(t));
    log.close();

    const again = RevisionLog.open(temp.dir, 'p1');
    expect(again.revisions.map((r) => r.authors[0])).toEqual(expected.map((_, i) => `u${i % 2}`));
    expect(again.saved).toEqual([{ rev: 4, label: 'Halbzeit', time: 5000, by: 'u1' }]);
    expected.forEach((t, rev) => expect(textAt(doc, again, rev)).toBe(t));
    again.close();
  });

  it('stores only new deletions per revision, so the file grows with the edits, not their square', () => {
    const doc = new Y.Doc({ gc: false });
    const text = doc.getText('t');
    const log = RevisionLog.open(temp.dir, 'p2');
    for (let i = 0; i < 400; i++) {
      text.insert(text.length, 'abcdefgh');
      text.delete(text.length - 3, 1);
      log.addRevision(doc, { time: 1 + i, authors: [], source: 'edit' });
    }
    log.close();
    const size = statSync(revisionFileFor(temp.dir, 'p2')).size;
    // 400 revisions with 400 disjoint deletions: a full delete set each time would be ~400 × 400 ranges.
    expect(size).toBeLessThan(60_000);
    const full = Y.createDeleteSetFromStructStore(doc.store);
    const delta = deleteSetDelta(full, Y.createDeleteSet());
    expect(Y.equalDeleteSets(delta, full)).toBe(true);
    expect(deleteSetDelta(full, full).clients.size).toBe(0);
  });

  it('repairs a torn last record and keeps the damaged file', () => {
    const doc = new Y.Doc({ gc: false });
    const log = RevisionLog.open(temp.dir, 'p3');
    doc.getText('t').insert(0, 'eins');
    log.addRevision(doc, { time: 1, authors: [], source: 'edit' });
    doc.getText('t').insert(0, 'zwei ');
    log.addRevision(doc, { time: 2, authors: [], source: 'edit' });
    log.close();
    const file = revisionFileFor(temp.dir, 'p3');
    truncateSync(file, statSync(file).size - 3);
    const warnings: string[] = [];
    const repaired = RevisionLog.open(temp.dir, 'p3', (m) => warnings.push(m));
    expect(repaired.revisions).toHaveLength(1);
    expect(warnings.join()).toMatch(/damaged file copied/);
    expect(readdirSync(dirname(file)).some((f) => f.includes('.damaged-'))).toBe(true);
    // And appends continue after the intact part.
    repaired.addRevision(doc, { time: 3, authors: [], source: 'edit' });
    repaired.close();
    expect(RevisionLog.open(temp.dir, 'p3').revisions).toHaveLength(2);
  });

  it('refuses a file damaged in the middle with a message naming it', () => {
    const doc = new Y.Doc({ gc: false });
    const log = RevisionLog.open(temp.dir, 'p4');
    doc.getText('t').insert(0, 'x');
    log.addRevision(doc, { time: 1, authors: [], source: 'edit' });
    log.close();
    const file = revisionFileFor(temp.dir, 'p4');
    appendFileSync(file, Buffer.from([1, 0, 0, 0, 9, 9, 9, 9, 7, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(existsSync(file)).toBe(true);
    expect(() => RevisionLog.open(temp.dir, 'p4')).toThrow(/history of pad "p4"/);
  });
});
