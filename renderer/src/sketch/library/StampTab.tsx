import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ENTRY_CHARS, type LibraryEntry } from '../../../../shared/sketch/library/savedLibrary.js';
import { makeId } from '../../event/randomId.js';
import type { EditorEngine } from '../editorApi.js';
import { addLibraryEntries } from './libraryStore.js';
import { LibraryFileButtons, SavedEntries, TeamEntries, useLibraryEntries } from './SavedEntries.js';
import type { LibraryPlace } from './useLibraryPlace.js';

/**
 * The recorder's stamps: the selection saved under a name, placed again in any sketchnote on this
 * device (in the middle of the view, selected), shared with the event's team, and the library file
 * to take them elsewhere.
 */
export function StampTab({
  engine,
  place,
  hasSelection,
}: {
  engine: EditorEngine | null;
  place: LibraryPlace;
  hasSelection: boolean;
}) {
  const { t } = useTranslation();
  const stamps = useLibraryEntries('stamp');
  const [name, setName] = useState('');

  const save = (): void => {
    const content = engine?.copySelection() ?? null;
    if (!content) {
      place.status(t('sketch.library.noSelection'));
      return;
    }
    const entryName = name.trim() || t('sketch.library.stampDefaultName', { count: stamps.length + 1 });
    const entry: LibraryEntry = {
      id: makeId(),
      kind: 'stamp',
      name: entryName,
      createdAt: Date.now(),
      content,
    };
    if (content.length > MAX_ENTRY_CHARS || !addLibraryEntries([entry])) {
      place.status(t('sketch.library.storageFull', { name: entryName }));
      return;
    }
    setName('');
    place.status(t('sketch.library.stampSaved', { name: entryName }));
  };

  const placeStamp = (entry: LibraryEntry): void => {
    place.place(entry.content, t('sketch.library.stampPlaced', { name: entry.name }));
  };

  return (
    <div className="sketch-library__stamps">
      <form
        className="sketch-library__save"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label className="sketch-library__field">
          <span>{t('sketch.library.name')}</span>
          <input
            value={name}
            maxLength={120}
            placeholder={t('sketch.library.stampDefaultName', { count: stamps.length + 1 })}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--small" aria-disabled={!hasSelection}>
          {t('sketch.library.saveStamp')}
        </button>
      </form>
      <SavedEntries
        entries={stamps}
        empty={t('sketch.library.noStamps')}
        place={place}
        onPlace={placeStamp}
      />
      <LibraryFileButtons place={place} />
      <TeamEntries kind="stamp" place={place} onPlace={placeStamp} />
    </div>
  );
}
