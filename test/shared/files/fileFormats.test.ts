import { describe, expect, it } from 'vitest';
import { contentTypeOf, fileEndingOf, mediaTypeOf } from '../../../shared/files/fileFormats.js';

describe('the one table of file endings', () => {
  it('finds the ending of a name or path, whatever its case, and only endings it knows', () => {
    expect(fileEndingOf('Plan.CSV')).toBe('csv');
    expect(fileEndingOf('/tmp/notes.etherpad')).toBe('etherpad');
    expect(fileEndingOf('sketch.excalidraw')).toBe('excalidraw');
    expect(fileEndingOf('archive.tar.gz')).toBeUndefined();
    expect(fileEndingOf('README')).toBeUndefined();
    // Not an inherited property of the table.
    expect(fileEndingOf('x.constructor')).toBeUndefined();
  });

  it('gives media types, and Content-Types with a charset for text', () => {
    expect(mediaTypeOf('md')).toBe('text/markdown');
    expect(contentTypeOf('md')).toBe('text/markdown; charset=utf-8');
    expect(contentTypeOf('etherpad')).toBe('application/json; charset=utf-8');
    expect(contentTypeOf('png')).toBe('image/png');
    expect(mediaTypeOf('jpg')).toBe(mediaTypeOf('jpeg'));
  });
});
