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
import { useTeamLibrary } from './teamLibraryContext.js';
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

/**
 * The list of saved stamps or templates: a thumbnail and the name, place and delete; entries of
 * this device can be shared with the event's team when there is one (`inTeam`: the team's list).
 */
export function SavedEntries({
  entries,
  empty,
  onPlace,
  place,
  inTeam = false,
}: {
  entries: readonly LibraryEntry[];
  empty: string;
  onPlace: (entry: LibraryEntry) => void;
  place: LibraryPlace;
  inTeam?: boolean;
}) {
  const { t } = useTranslation();
  const team = useTeamLibrary();
  const share = (entry: LibraryEntry): void => {
    const refused = team?.share(entry);
    place.status(
      refused === 'full'
        ? t('sketch.library.shareFull', { name: entry.name, count: team?.entries.length ?? 0 })
        : refused === 'too-large'
          ? t('sketch.library.shareTooLarge', { name: entry.name })
          : t('sketch.library.shared', { name: entry.name }),
    );
  };
  const remove = (entry: LibraryEntry): void => {
    if (inTeam) {
      team?.remove(entry.id);
      place.status(t('sketch.library.removedFromTeam', { name: entry.name }));
    } else {
      removeLibraryEntry(entry.id);
      place.status(t('sketch.library.removed', { name: entry.name }));
    }
  };
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
              {team && !inTeam && (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-label={t('sketch.library.shareNamed', { name: entry.name })}
                  onClick={() => share(entry)}
                >
                  {t('sketch.library.share')}
                </button>
              )}
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={t(inTeam ? 'sketch.library.removeFromTeamNamed' : 'sketch.library.removeNamed', {
                  name: entry.name,
                })}
                onClick={() => remove(entry)}
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

/** The event team's stamps or templates, under the device's own, when the sketchnote has an event team. */
export function TeamEntries({
  kind,
  onPlace,
  place,
}: {
  kind: LibraryEntryKind;
  onPlace: (entry: LibraryEntry) => void;
  place: LibraryPlace;
}) {
  const { t } = useTranslation();
  const team = useTeamLibrary();
  const entries = useMemo(() => team?.entries.filter((entry) => entry.kind === kind) ?? [], [team, kind]);
  if (!team) {
    return null;
  }
  return (
    <section
      className="sketch-library__team"
      aria-label={t('sketch.library.team', { event: team.eventTitle })}
    >
      <h3>{t('sketch.library.team', { event: team.eventTitle })}</h3>
      <p className="sketch-library__hint">{t('sketch.library.teamHint')}</p>
      <SavedEntries
        entries={entries}
        empty={t('sketch.library.teamEmpty')}
        onPlace={onPlace}
        place={place}
        inTeam
      />
      {team.skipped > 0 && (
        <p className="sketch-library__hint">{t('sketch.library.teamSkipped', { count: team.skipped })}</p>
      )}
    </section>
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
