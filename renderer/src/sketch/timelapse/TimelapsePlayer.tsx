import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ReplayDoc } from '../../../../shared/sketch/replayDoc.js';
import { playbackSeconds, visibleCount, type ReplayPace } from '../../../../shared/sketch/timelapse.js';
import { getUserId } from '../../platform/preferences.js';
import type { SketchEngine } from '../engine/SketchEngine.js';
import { SketchCanvas } from '../SketchCanvas.js';

/** The paces offered: multiples of real time, or the whole replay in a fixed length. */
type PaceId = 'fit30' | 'fit60' | 'x1' | 'x5' | 'x10' | 'x30' | 'x60';
const FIRST_PACE: { id: PaceId; pace: ReplayPace } = { id: 'fit30', pace: { fitSeconds: 30 } };
const PACES: ReadonlyArray<{ id: PaceId; pace: ReplayPace }> = [
  FIRST_PACE,
  { id: 'fit60', pace: { fitSeconds: 60 } },
  { id: 'x1', pace: { speed: 1 } },
  { id: 'x5', pace: { speed: 5 } },
  { id: 'x10', pace: { speed: 10 } },
  { id: 'x30', pace: { speed: 30 } },
  { id: 'x60', pace: { speed: 60 } },
];

/** `m:ss` of a length in ms. */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The time-lapse of a sketchnote: the drawing replayed as it happened, with play and pause, a
 * scrubber (arrow keys move it) and the pace, over the whole window. It draws a copy of the
 * sketchnote (shared/sketch/replayDoc.ts) with the editor's own engine, read-only, so nothing in
 * the live sketchnote changes and the replay looks like the editor. `autoplay` starts it at once
 * (the projector).
 */
export function TimelapsePlayer({
  source,
  onClose,
  autoplay = false,
}: {
  source: Y.Doc;
  onClose?: () => void;
  autoplay?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const replay = useMemo(() => new ReplayDoc(source), [source]);
  useEffect(() => () => replay.destroy(), [replay]);
  const duration = replay.timeline.duration;
  const author = useMemo(() => getUserId(), []);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(autoplay);
  const [paceId, setPaceId] = useState<PaceId>(FIRST_PACE.id);
  const pace = (PACES.find((p) => p.id === paceId) ?? FIRST_PACE).pace;
  const [engine, setEngine] = useState<SketchEngine | null>(null);
  const onEngine = useCallback((next: SketchEngine | null) => setEngine(next), []);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    replay.setTime(time);
  }, [replay, time]);

  // The whole sheet in view, as the replay is meant to be watched.
  useEffect(() => {
    engine?.fit();
  }, [engine]);

  // Playing: the replay time advances with the clock at the chosen pace, and stops at the end.
  useEffect(() => {
    if (!playing) {
      return undefined;
    }
    const msPerMs = duration / Math.max(0.001, playbackSeconds(replay.timeline, pace) * 1000);
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const step = (now - last) * msPerMs;
      last = now;
      let ended = false;
      setTime((current) => {
        const next = Math.min(duration, current + step);
        ended = next >= duration;
        return next;
      });
      if (ended) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, pace, duration, replay]);

  useEffect(() => {
    close.current?.focus();
  }, []);

  const togglePlay = (): void => {
    if (!playing && time >= duration) {
      setTime(0);
    }
    setPlaying(!playing);
  };

  return (
    <div
      className="timelapse"
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onClose) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="timelapse__bar">
        <h2 id={`${id}-title`} className="timelapse__title">
          {t('sketch.timelapse.title')}
        </h2>
        <button type="button" className="button button--primary" onClick={togglePlay}>
          {playing ? t('sketch.timelapse.pause') : t('sketch.timelapse.play')}
        </button>
        <label className="timelapse__scrub">
          <span className="visually-hidden">{t('sketch.timelapse.position')}</span>
          <input
            type="range"
            min={0}
            max={Math.max(1, Math.round(duration))}
            step={Math.max(1, Math.round(duration / 1000))}
            value={Math.round(time)}
            aria-valuetext={t('sketch.timelapse.at', { at: clock(time), of: clock(duration) })}
            onChange={(event) => {
              setPlaying(false);
              setTime(event.target.valueAsNumber);
            }}
          />
        </label>
        <span className="timelapse__clock" aria-hidden="true">
          {clock(time)} / {clock(duration)}
        </span>
        <label className="timelapse__pace">
          {t('sketch.timelapse.pace')}
          <select
            value={paceId}
            onChange={(event) =>
              setPaceId(PACES.find((p) => p.id === event.target.value)?.id ?? FIRST_PACE.id)
            }
          >
            {PACES.map((p) => (
              <option key={p.id} value={p.id}>
                {t(`sketch.timelapse.paces.${p.id}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="timelapse__count" role="status">
          {t('sketch.timelapse.items', {
            count: visibleCount(replay.timeline, time),
            total: replay.timeline.entries.length,
          })}
        </span>
        {onClose && (
          <button ref={close} type="button" className="button" onClick={onClose}>
            {t('sketch.timelapse.close')}
          </button>
        )}
      </div>
      <div className="timelapse__stage">
        <SketchCanvas
          doc={replay.doc}
          author={author}
          onEngine={onEngine}
          label={t('sketch.timelapse.canvas')}
          className="sketch-surface"
          readOnly
        />
      </div>
    </div>
  );
}
