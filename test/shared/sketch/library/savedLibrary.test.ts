import { describe, expect, it } from 'vitest';
import { clipboardPreviewSvg } from '../../../../shared/sketch/library/libraryItems.js';
import {
  libraryFileText,
  mergeLibrary,
  readLibraryFile,
  MAX_LIBRARY_ENTRIES,
} from '../../../../shared/sketch/library/savedLibrary.js';
import { content, stamp } from './libraryFixtures.js';

/** A recorder's library file: read back what was written, malformed files and entries refused by name. */

describe('the library file', () => {
  it('reads back what it wrote', () => {
    const entries = [
      stamp('a'),
      { ...stamp('b'), kind: 'template' as const, sheet: { width: 100, height: 50, x: 1, y: 2 } },
    ];
    expect(readLibraryFile(libraryFileText(entries))).toEqual({ ok: true, entries, skipped: 0 });
  });

  it('names what is wrong with a file that is not a library', () => {
    expect(readLibraryFile('{"type":')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not JSON'),
    });
    expect(readLibraryFile('{"type":"excalidrawlib","version":2,"libraryItems":[]}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a Mitschrift library'),
    });
    expect(readLibraryFile('x'.repeat(33 * 1024 * 1024))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('larger than'),
    });
  });

  it('skips malformed entries and keeps the good ones', () => {
    const text = JSON.stringify({
      type: 'mitschrift/sketch-library',
      version: 1,
      entries: [
        stamp('good'),
        { ...stamp('noname'), name: '   ' },
        { ...stamp('bad id'), id: '../etc' },
        { ...stamp('script'), content: '<script>alert(1)</script>' },
        42,
      ],
    });
    const result = readLibraryFile(text);
    expect(result).toMatchObject({ ok: true, skipped: 4 });
    expect(result.ok && result.entries.map((e) => e.id)).toEqual(['good']);
  });
});

describe('merging into the library', () => {
  it('replaces an entry with the same id, keeps the newest first and stays bounded', () => {
    const merged = mergeLibrary([stamp('a', 1), stamp('b', 2)], [{ ...stamp('a', 3), name: 'neu' }]);
    expect(merged.map((e) => [e.id, e.name])).toEqual([
      ['a', 'neu'],
      ['b', 'Stempel b'],
    ]);
    const many = Array.from({ length: MAX_LIBRARY_ENTRIES + 5 }, (_, i) => stamp(`s${i}`, i));
    const bounded = mergeLibrary([], many);
    expect(bounded).toHaveLength(MAX_LIBRARY_ENTRIES);
    expect(bounded[0]?.id).toBe(`s${MAX_LIBRARY_ENTRIES + 4}`);
  });
});

describe('thumbnails', () => {
  it('draws the entry with the SVG export, and nothing for content without items', () => {
    const svg = clipboardPreviewSvg(content, 72);
    expect(svg).toMatch(/<svg[^>]*width="72"/);
    expect(svg).toContain('<path');
    expect(
      clipboardPreviewSvg(
        '{"type":"mitschrift/sketch-clipboard","version":1,"width":0,"height":0,"strokes":[],"objects":[],"assets":{}}',
        72,
      ),
    ).toBeNull();
  });
});
