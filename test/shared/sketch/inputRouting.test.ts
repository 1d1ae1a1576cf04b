import { describe, expect, it } from 'vitest';
import { hasRealPressure, InputRouter, type PointerKind } from '../../../shared/sketch/inputRouting.js';

function at(id: number, kind: PointerKind, x = 0, y = 0, button = 0) {
  return { id, kind, x, y, button };
}

describe('palm rejection', () => {
  it('lets touch draw until a pen has been seen', () => {
    const router = new InputRouter();
    expect(router.down(at(1, 'touch'))).toEqual([{ type: 'stroke-start', id: 1, kind: 'touch' }]);
    expect(router.move(at(1, 'touch', 5, 5))).toEqual([{ type: 'stroke-move', id: 1 }]);
    expect(router.up(at(1, 'touch', 5, 5))).toEqual([{ type: 'stroke-end', id: 1 }]);
  });

  it('after the first pen event, one finger pans and never draws', () => {
    const router = new InputRouter();
    router.down(at(7, 'pen'));
    router.up(at(7, 'pen'));
    expect(router.penDetected).toBe(true);
    expect(router.down(at(1, 'touch', 100, 100))).toEqual([]);
    expect(router.state).toBe('pan');
    expect(router.move(at(1, 'touch', 130, 90))).toEqual([{ type: 'pan', dx: 30, dy: -10 }]);
    expect(router.move(at(1, 'touch', 131, 95))).toEqual([{ type: 'pan', dx: 1, dy: 5 }]);
    expect(router.up(at(1, 'touch'))).toEqual([]);
    expect(router.state).toBe('idle');
  });

  it('two fingers pinch-zoom, and lifting one keeps panning with the other', () => {
    const router = new InputRouter();
    router.down(at(7, 'pen'));
    router.up(at(7, 'pen'));
    router.down(at(1, 'touch', 100, 100));
    router.down(at(2, 'touch', 200, 100));
    expect(router.state).toBe('pinch');
    const [pinch] = router.move(at(2, 'touch', 300, 100));
    expect(pinch).toEqual({ type: 'pinch', from: { x: 150, y: 100 }, to: { x: 200, y: 100 }, scale: 2 });
    router.up(at(2, 'touch'));
    expect(router.state).toBe('pan');
    expect(router.move(at(1, 'touch', 110, 100))).toEqual([{ type: 'pan', dx: 10, dy: 0 }]);
  });

  it('ignores a palm resting on the screen while the pen draws (no pan, no zoom)', () => {
    const router = new InputRouter();
    expect(router.down(at(7, 'pen'))).toEqual([{ type: 'stroke-start', id: 7, kind: 'pen' }]);
    expect(router.down(at(1, 'touch', 50, 50))).toEqual([]);
    expect(router.down(at(2, 'touch', 90, 50))).toEqual([]);
    expect(router.move(at(1, 'touch', 80, 80))).toEqual([]);
    expect(router.move(at(7, 'pen', 3, 3))).toEqual([{ type: 'stroke-move', id: 7 }]);
    expect(router.up(at(7, 'pen'))).toEqual([{ type: 'stroke-end', id: 7 }]);
  });

  it('cancels a stroke the palm started just before the pen came down', () => {
    const router = new InputRouter();
    expect(router.down(at(1, 'touch'))).toEqual([{ type: 'stroke-start', id: 1, kind: 'touch' }]);
    expect(router.down(at(7, 'pen'))).toEqual([
      { type: 'stroke-cancel', id: 1 },
      { type: 'stroke-start', id: 7, kind: 'pen' },
    ]);
    expect(router.move(at(1, 'touch', 9, 9))).toEqual([]);
  });

  it('turns a touch stroke into a pinch when a second finger lands', () => {
    const router = new InputRouter();
    router.down(at(1, 'touch', 0, 0));
    expect(router.down(at(2, 'touch', 100, 0))).toEqual([{ type: 'stroke-cancel', id: 1 }]);
    expect(router.state).toBe('pinch');
  });

  it('lets touch draw again when palm rejection is switched off', () => {
    const router = new InputRouter();
    router.down(at(7, 'pen'));
    router.up(at(7, 'pen'));
    router.setPalmRejection(false);
    expect(router.down(at(1, 'touch'))).toEqual([{ type: 'stroke-start', id: 1, kind: 'touch' }]);
    router.up(at(1, 'touch'));
    router.setPalmRejection(true);
    expect(router.down(at(2, 'touch'))).toEqual([]);
  });

  it('keeps a cancelled pen stroke but drops a cancelled touch stroke', () => {
    const router = new InputRouter();
    router.down(at(7, 'pen'));
    expect(router.up(at(7, 'pen'), true)).toEqual([{ type: 'stroke-end', id: 7 }]);
    router.setPalmRejection(false);
    router.down(at(1, 'touch'));
    expect(router.up(at(1, 'touch'), true)).toEqual([{ type: 'stroke-cancel', id: 1 }]);
  });

  it('pans with space + drag or the middle button, for mouse and pen', () => {
    const router = new InputRouter();
    router.setPanKey(true);
    expect(router.down(at(3, 'mouse', 10, 10))).toEqual([]);
    expect(router.move(at(3, 'mouse', 15, 10))).toEqual([{ type: 'pan', dx: 5, dy: 0 }]);
    router.up(at(3, 'mouse'));
    router.setPanKey(false);
    expect(router.down(at(3, 'mouse', 0, 0, 1))).toEqual([]);
    expect(router.state).toBe('pan');
    router.up(at(3, 'mouse'));
    expect(router.down(at(3, 'mouse', 0, 0, 2))).toEqual([]);
    expect(router.state).toBe('idle');
  });

  it('starts a stroke for a pen’s eraser end (button 5), never for a mouse’s button 5', () => {
    const router = new InputRouter();
    expect(router.down(at(4, 'pen', 0, 0, 5))).toEqual([{ type: 'stroke-start', id: 4, kind: 'pen' }]);
    router.up(at(4, 'pen'));
    expect(router.down(at(5, 'mouse', 0, 0, 5))).toEqual([]);
    expect(router.state).toBe('idle');
  });
});

describe('real pressure', () => {
  it('takes a pen’s pressure, never a mouse’s, and not the 0.5 of devices without a sensor', () => {
    expect(hasRealPressure('pen', 0.37)).toBe(true);
    expect(hasRealPressure('pen', 0.5)).toBe(false);
    expect(hasRealPressure('pen', 0)).toBe(false);
    expect(hasRealPressure('mouse', 0.37)).toBe(false);
    expect(hasRealPressure('touch', 1)).toBe(false);
    expect(hasRealPressure('touch', 0.62)).toBe(true);
  });
});
