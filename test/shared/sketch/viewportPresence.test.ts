import { describe, expect, it } from 'vitest';
import { COORD_LIMIT } from '../../../shared/sketch/sketchLayout.js';
import {
  pickRecorder,
  readSharedViewport,
  roundViewport,
  VIEWPORT_AWARENESS_KEY,
} from '../../../shared/sketch/viewportPresence.js';

const rect = { x: 120, y: -40, width: 800, height: 450 };

describe("the recorder's camera in awareness", () => {
  it('reads a well-formed viewport and ignores the other fields of the state', () => {
    expect(VIEWPORT_AWARENESS_KEY).toBe('viewport');
    expect(readSharedViewport({ viewport: rect, ink: { id: 'x' }, user: { name: 'Mia' } })).toEqual(rect);
  });

  it.each([
    ['no state', undefined],
    ['null state', null],
    ['a state without a viewport', { user: { name: 'Mia' } }],
    ['a viewport taken back', { viewport: null }],
    ['a string', { viewport: 'everything' }],
    ['a missing side', { viewport: { x: 0, y: 0, width: 10 } }],
    ['a zero width', { viewport: { ...rect, width: 0 } }],
    ['a negative height', { viewport: { ...rect, height: -5 } }],
    ['NaN', { viewport: { ...rect, x: Number.NaN } }],
    ['Infinity', { viewport: { ...rect, y: Number.POSITIVE_INFINITY } }],
    ['a coordinate far outside the scene', { viewport: { ...rect, x: 3 * COORD_LIMIT } }],
    ['numbers as text', { viewport: { x: '1', y: '2', width: '3', height: '4' } }],
    ['an array', { viewport: [1, 2, 3, 4] }],
  ])('ignores %s', (_what, state) => {
    expect(readSharedViewport(state)).toBeNull();
  });

  it('keeps following the same recorder while it publishes, else takes the first valid one', () => {
    const states = new Map<number, unknown>([
      [1, { viewport: { ...rect, x: 1 } }], // this device itself
      [2, { viewport: 'broken', user: { name: 'Evil' } }],
      [3, { user: { name: 'Zuschauer' } }],
      [4, { viewport: { ...rect, x: 4 }, user: { name: 'Ada' } }],
      [5, { viewport: { ...rect, x: 5 }, user: { name: ' Mia ' } }],
    ]);
    expect(pickRecorder(states, 1, null)).toEqual({ clientId: 4, rect: { ...rect, x: 4 }, name: 'Ada' });
    expect(pickRecorder(states, 1, 5)).toEqual({ clientId: 5, rect: { ...rect, x: 5 }, name: 'Mia' });
    // The one followed so far left or broke: the next valid one.
    expect(pickRecorder(states, 1, 2)?.clientId).toBe(4);
    expect(pickRecorder(new Map([[1, { viewport: rect }]]), 1, null)).toBeNull();
  });

  it('reads a missing or malformed name as unnamed instead of refusing the camera', () => {
    for (const user of [undefined, null, 'Mia', { name: 42 }, { name: 'x'.repeat(500) }]) {
      expect(pickRecorder(new Map([[7, { viewport: rect, user }]]), 1, null)).toEqual({
        clientId: 7,
        rect,
        name: '',
      });
    }
  });

  it('rounds what it publishes to a tenth of a unit', () => {
    expect(roundViewport({ x: 1.234, y: -5.678, width: 100.04, height: 50.06 })).toEqual({
      x: 1.2,
      y: -5.7,
      width: 100,
      height: 50.1,
    });
  });
});
