import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { metaMap } from '../../../shared/sketch/sketchLayout.js';
import { CameraDirector, type CameraMode, type CameraState, type DirectedEngine } from './cameraDirector.js';

/**
 * The camera of a watcher (viewer, projector): a {@link CameraDirector} for this view, attached to
 * the engine once it runs, with its state for the controls and the mode setter.
 */
export function useCamera(
  engine: DirectedEngine | null,
  awareness: Awareness | null,
  doc: Y.Doc,
  initialMode: CameraMode,
): { state: CameraState; setMode: (mode: CameraMode) => void } {
  // One director per mounted view; its first mode is read once (the mode lives in the director).
  const [director] = useState(() => new CameraDirector(initialMode));
  useEffect(() => {
    if (!engine) {
      return undefined;
    }
    return director.attach({
      engine,
      presence: awareness,
      onPaperChange: (listener) => {
        const meta = metaMap(doc);
        meta.observe(listener);
        return () => meta.unobserve(listener);
      },
    });
  }, [director, engine, awareness, doc]);
  const state = useSyncExternalStore(director.subscribe, director.getState);
  return useMemo(() => ({ state, setMode: (mode: CameraMode) => director.setMode(mode) }), [state, director]);
}
