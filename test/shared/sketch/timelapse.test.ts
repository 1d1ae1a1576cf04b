import { describe, expect, it } from 'vitest';
import type { Stroke } from '../../../shared/sketch/strokeCodec.js';
import type { SketchObject } from '../../../shared/sketch/objects/objectCodec.js';
import {
  buildTimeline,
  frameTimes,
  playbackSeconds,
  replayTimeAt,
  sceneAt,
  visibleCount,
  type ReplayPace,
  type TimelineEntry,
  type TimelineOptions,
} from '../../../shared/sketch/timelapse.js';
import { rect } from './objectsFixtures.js';

const T0 = 1_747_731_600_000;

/** A stroke with just the fields the timeline reads. */
function stroke(id: string, createdAt: number, z: number): Stroke {
  return {
    id,
    createdAt,
    z,
    layer: 'drawing',
    author: 'anna',
    brush: 'fineliner',
    colour: '#1e1e1e',
    size: 3,
    pressureOn: true,
    smoothing: 0.5,
    points: { xyp: new Float32Array([0, 0, 0.5, 10, 10, 0.5]), hasPressure: true },
  };
}

function scene(strokes: Stroke[], objects: SketchObject[] = []) {
  return { strokes, objects, strokeGroups: new Map<string, string>(), rejected: [] };
}

describe('time-lapse timeline', () => {
  it('orders entries by creation time, not paint order, and starts from the empty sheet', () => {
    const box = { ...rect({ createdAt: T0 + 1000, z: 5 }), id: 'box' } as SketchObject;
    const s = scene([stroke('late', T0 + 2000, 1), stroke('early', T0, 2)], [box]);
    const timeline = buildTimeline(s, { leadInMs: 500, holdMs: 500 });
    expect(timeline.entries.map((e) => e.id)).toEqual(['early', 'box', 'late']);
    expect(timeline.entries.map((e) => e.t)).toEqual([500, 1500, 2500]);
    expect(timeline.duration).toBe(3000);
    expect(timeline.estimatedCount).toBe(0);
    expect(sceneAt(s, timeline, 0).strokes).toEqual([]);
    expect(sceneAt(s, timeline, 0).objects).toEqual([]);
    const mid = sceneAt(s, timeline, 1500);
    expect(mid.strokes.map((x) => x.id)).toEqual(['early']);
    expect(mid.objects.map((x) => x.id)).toEqual(['box']);
    const end = sceneAt(s, timeline, timeline.duration);
    expect(end.strokes.map((x) => x.id)).toEqual(['late', 'early']); // paint order kept
    expect(visibleCount(timeline, 2499)).toBe(2);
  });

  it('shortens idle gaps to maxGapMs', () => {
    const s = scene([stroke('a', T0, 1), stroke('b', T0 + 3_600_000, 2), stroke('c', T0 + 3_600_200, 3)]);
    const options: TimelineOptions = { maxGapMs: 3000, leadInMs: 100, holdMs: 0 };
    const timeline = buildTimeline(s, options);
    const first: TimelineEntry | undefined = timeline.entries[0];
    expect(first?.createdAt).toBe(T0);
    expect(timeline.entries.map((e) => e.t)).toEqual([100, 3100, 3300]);
    expect(timeline.duration).toBe(3300);
  });

  it('places entries without a creation time by paint order', () => {
    const s = scene([
      stroke('first', T0, 1),
      stroke('old1', 0, 2),
      stroke('old2', 0, 3),
      stroke('later', T0 + 5, 4),
    ]);
    const timeline = buildTimeline(s);
    expect(timeline.estimatedCount).toBe(2);
    expect(timeline.entries.map((e) => e.id)).toEqual(['first', 'old1', 'old2', 'later']);
    expect(timeline.entries.filter((e) => e.estimated).map((e) => e.id)).toEqual(['old1', 'old2']);
    const allOld = buildTimeline(scene([stroke('x', 0, 2), stroke('y', 0, 1)]));
    expect(allOld.entries.map((e) => e.id)).toEqual(['y', 'x']);
  });

  it('maps playback seconds to replay time at a speed or fitted to a length', () => {
    const timeline = buildTimeline(scene([stroke('a', T0, 1), stroke('b', T0 + 59_000, 2)]), {
      leadInMs: 500,
      holdMs: 500,
      maxGapMs: 60_000,
    });
    expect(timeline.duration).toBe(60_000);
    expect(playbackSeconds(timeline, { speed: 60 })).toBe(1);
    expect(playbackSeconds(timeline, { speed: 500 })).toBe(1); // clamped to 60x
    expect(playbackSeconds(timeline, { speed: 0 })).toBe(60); // clamped to 1x
    expect(playbackSeconds(timeline, { fitSeconds: 10 })).toBe(10);
    const fit: ReplayPace = { fitSeconds: 10 };
    expect(replayTimeAt(timeline, fit, 5)).toBe(30_000);
    expect(replayTimeAt(timeline, { fitSeconds: 10 }, 99)).toBe(60_000);
    expect(replayTimeAt(timeline, { speed: 2 }, -1)).toBe(0);
  });

  it('gives video frames from the empty to the finished sheet', () => {
    const s = scene([stroke('a', T0, 1), stroke('b', T0 + 1000, 2)]);
    const timeline = buildTimeline(s);
    const times = frameTimes(timeline, 2, 10);
    expect(times).toHaveLength(20);
    expect(sceneAt(s, timeline, times[0]!).strokes).toHaveLength(0);
    expect(sceneAt(s, timeline, times.at(-1)!).strokes).toHaveLength(2);
    expect(frameTimes(timeline, 0, 30)).toHaveLength(2);
    expect(buildTimeline(scene([])).duration).toBe(0);
  });
});
