import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ReplayDoc } from '../../../../shared/sketch/replayDoc.js';
import { playbackSeconds, visibleCount, type ReplayPace } from '../../../../shared/sketch/timelapse.js';
import { getUserId } from '../../platform/preferences.js';
import type { SketchEngine } from '../engine/SketchEngine.js';
import { saveBlob } from '../../api/download.js';
import { SketchCanvas } from '../SketchCanvas.js';
import { VideoExportError, exportTimelapseVideo } from './exportVideo.js';

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
  name,
  onClose,
  autoplay = false,
}: {
  source: Y.Doc;
  /** The sketchnote's id, for the video's file name. */
  name: string;
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

  // Escape closes the player wherever the focus is (a button that was replaced leaves it on the page).
  useEffect(() => {
    if (!onClose) {
      return undefined;
    }
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const togglePlay = (): void => {
    if (!playing && time >= duration) {
      setTime(0);
    }
    setPlaying(!playing);
  };

  return (
    <div className="timelapse" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
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
        <VideoExport
          engine={engine}
          replay={replay}
          name={name}
          onBusy={(busy) => {
            setPlaying(false);
            if (!busy) {
              replay.setTime(time);
            }
          }}
        />
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

/** The video sizes offered (16:9). */
const VIDEO_SIZES = [
  { id: '640x360', width: 640, height: 360 },
  { id: '1280x720', width: 1280, height: 720 },
  { id: '1920x1080', width: 1920, height: 1080 },
  { id: '3840x2160', width: 3840, height: 2160 },
] as const;
const DEFAULT_SIZE = VIDEO_SIZES[2];
const MIN_SECONDS = 2;
const MAX_SECONDS = 600;

/**
 * "Als Video speichern": the time-lapse as a WebM file of a chosen size and length, with a
 * progress bar and "Abbrechen" (exportVideo.ts). The player pauses while it runs.
 */
function VideoExport({
  engine,
  replay,
  name,
  onBusy,
}: {
  engine: SketchEngine | null;
  replay: ReplayDoc;
  name: string;
  onBusy: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [sizeId, setSizeId] = useState<string>(DEFAULT_SIZE.id);
  const [seconds, setSeconds] = useState(30);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const validSeconds = Number.isFinite(seconds) && seconds >= MIN_SECONDS && seconds <= MAX_SECONDS;

  async function start(): Promise<void> {
    if (!engine) {
      return;
    }
    const size = VIDEO_SIZES.find((s) => s.id === sizeId) ?? DEFAULT_SIZE;
    const controller = new AbortController();
    abort.current = controller;
    setMessage('');
    setProgress({ done: 0, total: 1 });
    onBusy(true);
    try {
      const blob = await exportTimelapseVideo(engine, replay, {
        width: size.width,
        height: size.height,
        seconds,
        signal: controller.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      saveBlob(blob, `mitschrift-zeitraffer-${name}-${size.id}.webm`);
      setMessage(t('sketch.timelapse.video.done'));
    } catch (error) {
      setMessage(
        controller.signal.aborted
          ? t('sketch.timelapse.video.cancelled')
          : error instanceof VideoExportError && error.reason === 'noEncoder'
            ? t('sketch.timelapse.video.noEncoder')
            : t('sketch.timelapse.video.failed', {
                reason: error instanceof Error ? error.message : String(error),
              }),
      );
    } finally {
      abort.current = null;
      setProgress(null);
      onBusy(false);
    }
  }

  const percent = progress ? Math.round((progress.done / Math.max(1, progress.total)) * 100) : 0;
  return (
    <details className="timelapse__video">
      <summary>{t('sketch.timelapse.video.open')}</summary>
      <div className="timelapse__video-form">
        <label htmlFor={`${id}-size`}>{t('sketch.timelapse.video.size')}</label>
        <select
          id={`${id}-size`}
          value={sizeId}
          disabled={progress !== null}
          onChange={(event) => setSizeId(event.target.value)}
        >
          {VIDEO_SIZES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.width} × {s.height}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-seconds`}>{t('sketch.timelapse.video.seconds')}</label>
        <input
          id={`${id}-seconds`}
          type="number"
          min={MIN_SECONDS}
          max={MAX_SECONDS}
          value={seconds}
          disabled={progress !== null}
          aria-invalid={!validSeconds}
          onChange={(event) => setSeconds(event.target.valueAsNumber)}
        />
        {progress ? (
          <>
            <progress max={100} value={percent} aria-label={t('sketch.timelapse.video.progress')} />
            <span>{t('sketch.timelapse.video.frames', { done: progress.done, total: progress.total })}</span>
            <button type="button" className="button" onClick={() => abort.current?.abort()}>
              {t('sketch.timelapse.video.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={!validSeconds || !engine}
            onClick={() => void start()}
          >
            {t('sketch.timelapse.video.start')}
          </button>
        )}
        <p role="status" className="timelapse__video-status">
          {message}
        </p>
      </div>
    </details>
  );
}
