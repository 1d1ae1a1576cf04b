import { ICONS } from '../../../../shared/sketch/library/iconCatalogue.js';
import { iconClipboard } from '../../../../shared/sketch/library/libraryItems.js';
import type { LibraryEntry } from '../../../../shared/sketch/library/savedLibrary.js';

/** Valid sketch content for library entries: the first icon, as placed. */
export const content = iconClipboard(ICONS[0]!, {
  size: 100,
  colour: '#000000',
  layer: 'drawing',
  author: 'a',
  now: 1,
});

/** A stamp with that content. */
export const stamp = (id: string, createdAt = 1): LibraryEntry => ({
  id,
  kind: 'stamp',
  name: `Stempel ${id}`,
  createdAt,
  content,
});
