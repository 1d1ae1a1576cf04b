import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_LIBRARY_ENTRIES } from '../../../../shared/sketch/library/savedLibrary.js';
import {
  readTeamLibrary,
  removeFromTeam,
  shareWithTeam,
} from '../../../../shared/sketch/library/teamLibrary.js';
import { content, stamp } from './libraryFixtures.js';

/** An event's team library: shared entries read back, hostile entries skipped, limits kept. */

/** Two documents kept in sync, as two recorders' devices through the core. */
function twoDevices(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update));
  b.on('update', (update: Uint8Array) => Y.applyUpdate(a, update));
  return [a, b];
}

describe('the team library', () => {
  it('shows what one device shared on the other, newest first, and forgets what was removed', () => {
    const [a, b] = twoDevices();
    expect(shareWithTeam(a, stamp('logo', 1))).toBeNull();
    expect(
      shareWithTeam(b, {
        ...stamp('header', 2),
        kind: 'template',
        sheet: { width: 10, height: 5, x: 0, y: 0 },
      }),
    ).toBeNull();
    expect(readTeamLibrary(a).entries.map((e) => e.id)).toEqual(['header', 'logo']);
    // Sharing again under the same id replaces the entry rather than doubling it.
    shareWithTeam(a, { ...stamp('logo', 1), name: 'Logo der Stadt' });
    expect(readTeamLibrary(b).entries.find((e) => e.id === 'logo')?.name).toBe('Logo der Stadt');
    removeFromTeam(b, 'logo');
    expect(readTeamLibrary(a)).toEqual({ entries: [expect.objectContaining({ id: 'header' })], skipped: 0 });
  });

  it('skips what a hostile client wrote: not an entry, not sketch content, under another id', () => {
    const doc = new Y.Doc();
    shareWithTeam(doc, stamp('good'));
    const map = doc.getMap('entries');
    map.set('number', 42);
    map.set('script', { ...stamp('script'), content: '<script>alert(1)</script>' });
    map.set('other', stamp('elsewhere'));
    map.set('nested', new Y.Map());
    expect(readTeamLibrary(doc)).toEqual({ entries: [stamp('good')], skipped: 4 });
  });

  it('refuses, changing nothing, an entry past the most entries or the most content', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < MAX_LIBRARY_ENTRIES; i++) {
      expect(shareWithTeam(doc, stamp(`s${i}`, i))).toBeNull();
    }
    expect(shareWithTeam(doc, stamp('one-more'))).toBe('full');
    // Replacing an entry that is there still works when the library is full.
    expect(shareWithTeam(doc, { ...stamp('s0', 0), name: 'neu' })).toBeNull();
    expect(readTeamLibrary(doc).entries).toHaveLength(MAX_LIBRARY_ENTRIES);

    const small = new Y.Doc();
    expect(shareWithTeam(small, stamp('a'), content.length * 2)).toBeNull();
    expect(shareWithTeam(small, stamp('b'), content.length * 2)).toBeNull();
    expect(shareWithTeam(small, stamp('c'), content.length * 2)).toBe('too-large');
    expect(
      readTeamLibrary(small)
        .entries.map((e) => e.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('refuses to share an entry that is not valid (our own code must not write one)', () => {
    expect(() => shareWithTeam(new Y.Doc(), { ...stamp('x'), content: 'not sketch content' })).toThrow();
  });
});
