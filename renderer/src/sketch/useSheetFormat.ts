import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { metaMap, readSheetMeta, type SheetFormat } from '../../../shared/sketch/sketchLayout.js';

/** The sheet format, live from the document. */
export function useSheetFormat(doc: Y.Doc): SheetFormat {
  const subscribe = useCallback(
    (notify: () => void) => {
      const map = metaMap(doc);
      const observer = (): void => notify();
      map.observe(observer);
      return () => map.unobserve(observer);
    },
    [doc],
  );
  const snapshot = useCallback(() => readSheetMeta(doc).format, [doc]);
  return useSyncExternalStore(subscribe, snapshot);
}
