import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Point } from '../../../../shared/sketch/viewTransform.js';
import type { EditorEngine } from '../editorApi.js';
import { prepareImage, type PreparedImage } from './prepareImage.js';

/** At most this many pictures per drop or paste (a folder dragged in by mistake is not 300 photos). */
const MAX_FILES_AT_ONCE = 10;
/** Pictures dropped together are placed this far apart (screen pixels), so none hides another. */
const CASCADE_PX = 32;

/** Where pictures go: a drop point, where the pointer last was (a paste) or the middle (the button). */
export type ImagePlace = Point | 'pointer' | 'centre';

/** The files among a drop or paste that may be pictures (by type, or with no type, e.g. from some file managers). */
export function pictureFiles(files: Iterable<File>): File[] {
  return [...files].filter((file) => file.type === '' || file.type.startsWith('image/'));
}

/**
 * Inserting pictures into the sketchnote (the button, a drop, a paste): each file is checked and
 * prepared (prepareImage.ts) and placed by the engine; every outcome is told through `showStatus`
 * in the UI's language, a refusal naming the file and the reason. Returns the function to call
 * with the files; it ignores calls while a batch is still being prepared.
 */
export function useImageInsert(
  engine: EditorEngine | null,
  showStatus: (message: string) => void,
): (files: readonly File[], at: ImagePlace) => Promise<void> {
  const { t } = useTranslation();
  const busy = useRef(false);
  return useCallback(
    async (files, at) => {
      if (!engine || busy.current || files.length === 0) {
        return;
      }
      busy.current = true;
      try {
        const batch = files.slice(0, MAX_FILES_AT_ONCE);
        if (files.length > MAX_FILES_AT_ONCE) {
          showStatus(t('sketch.image.tooMany', { max: MAX_FILES_AT_ONCE, count: files.length }));
        } else {
          showStatus(t('sketch.image.preparing', { count: batch.length }));
        }
        let placed = 0;
        const refusals: string[] = [];
        for (const [index, file] of batch.entries()) {
          // prepareImage answers every known problem; anything else is a refusal too, never a stuck editor.
          const prepared = await prepareImage(file).catch((error: unknown): PreparedImage => ({
            ok: false,
            refusal: 'corrupt',
            detail: String(error),
          }));
          if (!prepared.ok) {
            console.warn(`Picture ${file.name} refused: ${prepared.refusal}`, prepared.detail ?? '');
            refusals.push(
              t(`sketch.image.refused.${prepared.refusal}`, { name: file.name || t('sketch.image.unnamed') }),
            );
            continue;
          }
          const point =
            typeof at === 'object' ? { x: at.x + index * CASCADE_PX, y: at.y + index * CASCADE_PX } : at;
          if (engine.insertImage(prepared.asset, point)) {
            placed += 1;
          } else {
            // The engine told why (a locked or hidden layer); nothing more to say per file.
            return;
          }
        }
        if (refusals.length > 0) {
          showStatus(refusals.join(' '));
        } else if (placed > 0) {
          showStatus(t('sketch.image.placed', { count: placed }));
        }
      } finally {
        busy.current = false;
      }
    },
    [engine, showStatus, t],
  );
}
