import {
  BufferTarget,
  CanvasSource,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
  canEncodeVideo,
} from 'mediabunny';
import { objectsMap } from '../../../../shared/sketch/objects/objectLayout.js';
import type { ReplayDoc } from '../../../../shared/sketch/replayDoc.js';
import { strokesMap } from '../../../../shared/sketch/sketchLayout.js';
import { frameTimes } from '../../../../shared/sketch/timelapse.js';
import type { SketchEngine } from '../engine/SketchEngine.js';

/** Frames per second of the video. */
const FPS = 30;
/** At most this many animation frames are waited for the engine to take in a step of the replay. */
const MAX_WAIT_FRAMES = 60;

/** Why a video could not be made; each has a text in the i18n layer (`sketch.timelapse.video.*`). */
export type VideoFailure = 'noEncoder' | 'failed';

/** A video export that could not run; `reason` picks the message. */
export class VideoExportError extends Error {
  constructor(
    readonly reason: VideoFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'VideoExportError';
  }
}

/** What to make: the size in pixels and the length in seconds. */
export interface VideoOptions {
  width: number;
  height: number;
  seconds: number;
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * The time-lapse as a WebM video (VP9, 30 frames a second): the replay stepped frame by frame
 * (the first frame the empty sheet, the last the finished one), each frame painted at full detail
 * by the editor's engine into a canvas of the video's size, encoded by the browser (WebCodecs) and
 * written into WebM by mediabunny. Aborting `signal` stops it and nothing is kept.
 */
export async function exportTimelapseVideo(
  engine: SketchEngine,
  replay: ReplayDoc,
  options: VideoOptions,
): Promise<Blob> {
  const { width, height, seconds, signal, onProgress } = options;
  if (typeof VideoEncoder === 'undefined' || !(await canEncodeVideo('vp9', { width, height }))) {
    throw new VideoExportError('noEncoder', `this browser cannot encode VP9 at ${width} x ${height}`);
  }
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    throw new VideoExportError('failed', 'no 2D canvas');
  }
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  const source = new CanvasSource(canvas, { codec: 'vp9', quality: QUALITY_HIGH });
  output.addVideoTrack(source, { frameRate: FPS });
  await output.start();
  const times = frameTimes(replay.timeline, seconds, FPS);
  try {
    for (const [index, time] of times.entries()) {
      if (signal.aborted) {
        throw signal.reason instanceof Error ? signal.reason : new DOMException('cancelled', 'AbortError');
      }
      replay.setTime(time);
      // The engine takes small changes in at once; a big step (many items) may take a few frames.
      const expected = strokesMap(replay.doc).size + objectsMap(replay.doc).size;
      for (let wait = 0; wait < MAX_WAIT_FRAMES; wait += 1) {
        const stats = engine.stats();
        if (stats.strokes + stats.objects + stats.skipped >= expected) {
          break;
        }
        await nextFrame();
      }
      const rect = engine.overviewRect() ?? { x: 0, y: 0, width, height };
      engine.paintSheet(ctx, rect, width, height);
      await source.add(index / FPS, 1 / FPS);
      onProgress(index + 1, times.length);
    }
    await output.finalize();
  } catch (error) {
    await output.cancel().catch(() => undefined);
    throw error;
  }
  if (!target.buffer) {
    throw new VideoExportError('failed', 'the encoder wrote nothing');
  }
  return new Blob([target.buffer], { type: 'video/webm' });
}
