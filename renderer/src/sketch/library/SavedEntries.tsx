import { useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { clipboardPreviewSvg } from '../../../../shared/sketch/library/libraryItems.js';
import {
  LIBRARY_FILE_SUFFIX,
  libraryFileText,
  readLibraryFile,
  type LibraryEntry,
  type LibraryEntryKind,
} from '../../../../shared/sketch/library/savedLibrary.js';
import { saveBlob } from '../../api/download.js';
import { addLibraryEntries, libraryEntries, removeLibraryEntry, subscribeLibrary } from './libraryStore.js';
import type { LibraryPlace } from './useLibraryPlace.js';

/** Thumbnails, by entry id and content length (an entry's content never changes under its id). */
const previews = new Map<string, string | null>();

function previewOf(entry: LibraryEntry): string | null {
  const key = `${entry.id}:${entry.content.length}`;
  if (!previews.has(key)) {
    const svg = clipboardPreviewSvg(entry.content, 72);
    previews.set(key, svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : null);
  }
  return previews.get(key) ?? null;
}

/** The saved entries of one kind, newest first (re-rendered when the library changes anywhere). */
export function useLibraryEntries(kind: LibraryEntryKind): LibraryEntry[] {
  const all = useSyncExternalStore(subscribeLibrary, libraryEntries);
  return useMemo(() => all.filter((entry) => entry.kind === kind), [all, kind]);
}

/** The list of saved stamps or templates: a thumbnail and the name, place and delete. */
export function SavedEntries({
  entries,
  empty,
  onPlace,
  place,
}: {
  entries: readonly LibraryEntry[];
  empty: string;
  onPlace: (entry: LibraryEntry) => void;
  place: LibraryPlace;
}) {
  const { t } = useTranslation();
  if (entries.length === 0) {
    return <p className="sketch-library__hint">{empty}</p>;
  }
  return (
    <ul className="sketch-library__saved">
      {entries.map((entry) => {
        const preview = previewOf(entry);
        return (
          <li key={entry.id} className="sketch-library__entry">
            {preview ? (
              <img src={preview} alt="" width="72" height="72" />
            ) : (
              <span className="sketch-library__nopreview" />
            )}
            <span className="sketch-library__entry-name">{entry.name}</span>
            <span className="sketch-library__entry-actions">
              <button
                type="button"
                className="button button--small"
                aria-label={t('sketch.library.insertNamed', { name: entry.name })}
                onClick={() => onPlace(entry)}
              >
                {t('sketch.library.insert')}
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={t('sketch.library.removeNamed', { name: entry.name })}
                onClick={() => {
                  removeLibraryEntry(entry.id);
                  place.status(t('sketch.library.removed', { name: entry.name }));
                }}
              >
                {t('sketch.library.remove')}
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Saving the whole library as a file and loading one (to move stamps and templates to another device). */
export function LibraryFileButtons({ place }: { place: LibraryPlace }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const load = async (file: File): Promise<void> => {
    const result = readLibraryFile(await file.text());
    if (!result.ok) {
      place.status(t('sketch.library.importFailed', { name: file.name, reason: result.reason }));
      return;
    }
    if (!addLibraryEntries(result.entries)) {
      place.status(t('sketch.library.storageFull', { name: file.name }));
      return;
    }
    const loaded = t('sketch.library.imported', { count: result.entries.length });
    place.status(
      result.skipped > 0
        ? `${loaded} ${t('sketch.library.importSkipped', { count: result.skipped })}`
        : loaded,
    );
  };
  return (
    <div className="sketch-library__files">
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() =>
          saveBlob(
            new Blob([libraryFileText(libraryEntries())], { type: 'application/json' }),
            `mitschrift${LIBRARY_FILE_SUFFIX}`,
          )
        }
      >
        {t('sketch.library.exportLibrary')}
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() => input.current?.click()}
      >
        {t('sketch.library.importLibrary')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) {
            void load(file);
          }
        }}
      />
    </div>
  );
}
