/**
 * Which pointer does what on the sketch canvas, as a pure state machine (palm rejection).
 *
 * - Before any pen has been seen, a single touch draws (a finger is the only pointer some people have).
 * - Once a pen has touched the canvas, touch never draws again (the palm rests on the screen while
 *   the pen writes): one finger pans, two fingers pinch-zoom. `setPalmRejection(false)` turns this
 *   off, so touch draws again.
 * - While a pen or mouse stroke is under way, touches are ignored altogether: a resting palm must
 *   neither pan nor zoom under the pen.
 * - A palm that lands just before the pen starts a touch stroke; the pen's arrival cancels it.
 * - A second finger during a touch stroke turns it into a pinch (the stroke is dropped).
 * - Space + drag, or the middle button, pans with the mouse or pen.
 * - A pen's eraser end (button 5) starts a stroke like its tip; the engine erases with it.
 */

export type PointerKind = 'pen' | 'touch' | 'mouse';

export interface PointerSample {
  id: number;
  kind: PointerKind;
  /** The button that changed (pointerdown/up): 0 primary, 1 middle, 2 secondary, 5 eraser. */
  button: number;
  x: number;
  y: number;
}

export type InputAction =
  | { type: 'stroke-start'; id: number; kind: PointerKind }
  | { type: 'stroke-move'; id: number }
  | { type: 'stroke-end'; id: number }
  | { type: 'stroke-cancel'; id: number }
  | { type: 'pan'; dx: number; dy: number }
  | {
      type: 'pinch';
      /** Midpoint between the fingers before and after this move, screen pixels. */
      from: { x: number; y: number };
      to: { x: number; y: number };
      /** Distance ratio (new / old). */
      scale: number;
    };

type Mode =
  | { kind: 'idle' }
  | { kind: 'stroke'; id: number; pointer: PointerKind }
  | { kind: 'pan'; id: number }
  | { kind: 'pinch'; a: number; b: number };

export class InputRouter {
  private penSeen = false;
  private palmRejection = true;
  private mode: Mode = { kind: 'idle' };
  private readonly touches = new Map<number, { x: number; y: number }>();
  private panKey = false;
  private lastPan = { x: 0, y: 0 };

  /** Whether a pen has been seen (touch then pans instead of drawing, if palm rejection is on). */
  get penDetected(): boolean {
    return this.penSeen;
  }

  get palmRejectionEnabled(): boolean {
    return this.palmRejection;
  }

  /** What the router is doing now ('idle', 'stroke', 'pan' or 'pinch'). */
  get state(): Mode['kind'] {
    return this.mode.kind;
  }

  setPalmRejection(enabled: boolean): void {
    this.palmRejection = enabled;
  }

  /** Space held: primary-button drags pan instead of drawing. */
  setPanKey(held: boolean): void {
    this.panKey = held;
  }

  private touchDraws(): boolean {
    return !(this.palmRejection && this.penSeen);
  }

  down(p: PointerSample): InputAction[] {
    if (p.kind === 'touch') {
      this.touches.set(p.id, { x: p.x, y: p.y });
      return this.touchDown(p);
    }
    if (p.kind === 'pen') {
      this.penSeen = true;
    }
    const actions: InputAction[] = [];
    if (this.mode.kind === 'stroke' && this.mode.pointer === 'touch') {
      // The palm landed first; the pen wins.
      actions.push({ type: 'stroke-cancel', id: this.mode.id });
      this.mode = { kind: 'idle' };
    }
    if (this.mode.kind === 'pan' || this.mode.kind === 'pinch') {
      // A finger gesture was under way; the pen takes over, the fingers are ignored from now on.
      this.mode = { kind: 'idle' };
    }
    if (this.mode.kind !== 'idle') {
      return actions;
    }
    if (p.button === 1 || (p.button === 0 && this.panKey)) {
      this.mode = { kind: 'pan', id: p.id };
      this.lastPan = { x: p.x, y: p.y };
      return actions;
    }
    // Button 5 is a pen's eraser end (Pointer Events): a stroke too, which the engine erases with.
    if (p.button === 0 || (p.kind === 'pen' && p.button === 5)) {
      this.mode = { kind: 'stroke', id: p.id, pointer: p.kind };
      actions.push({ type: 'stroke-start', id: p.id, kind: p.kind });
    }
    return actions;
  }

  private touchDown(p: PointerSample): InputAction[] {
    const mode = this.mode;
    if (mode.kind === 'stroke' && mode.pointer !== 'touch') {
      return []; // A palm under the pen.
    }
    if (mode.kind === 'stroke' && mode.pointer === 'touch') {
      // Second finger: this was the start of a pinch, not a stroke.
      const actions: InputAction[] = [{ type: 'stroke-cancel', id: mode.id }];
      this.mode = { kind: 'pinch', a: mode.id, b: p.id };
      return actions;
    }
    if (mode.kind === 'pan' && this.touches.has(mode.id)) {
      this.mode = { kind: 'pinch', a: mode.id, b: p.id };
      return [];
    }
    if (mode.kind !== 'idle') {
      return [];
    }
    if (this.touchDraws()) {
      this.mode = { kind: 'stroke', id: p.id, pointer: 'touch' };
      return [{ type: 'stroke-start', id: p.id, kind: 'touch' }];
    }
    this.mode = { kind: 'pan', id: p.id };
    this.lastPan = { x: p.x, y: p.y };
    return [];
  }

  move(p: PointerSample): InputAction[] {
    const mode = this.mode;
    if (p.kind === 'touch') {
      const before = this.touches.get(p.id);
      if (!before) {
        return [];
      }
      this.touches.set(p.id, { x: p.x, y: p.y });
      if (mode.kind === 'pinch' && (p.id === mode.a || p.id === mode.b)) {
        const other = this.touches.get(p.id === mode.a ? mode.b : mode.a);
        if (!other) {
          return [];
        }
        const from = { x: (before.x + other.x) / 2, y: (before.y + other.y) / 2 };
        const to = { x: (p.x + other.x) / 2, y: (p.y + other.y) / 2 };
        const d0 = Math.hypot(before.x - other.x, before.y - other.y);
        const d1 = Math.hypot(p.x - other.x, p.y - other.y);
        return [{ type: 'pinch', from, to, scale: d0 > 1 && d1 > 1 ? d1 / d0 : 1 }];
      }
    }
    if (mode.kind === 'stroke' && mode.id === p.id) {
      return [{ type: 'stroke-move', id: p.id }];
    }
    if (mode.kind === 'pan' && mode.id === p.id) {
      const action: InputAction = { type: 'pan', dx: p.x - this.lastPan.x, dy: p.y - this.lastPan.y };
      this.lastPan = { x: p.x, y: p.y };
      return [action];
    }
    return [];
  }

  up(p: PointerSample, cancelled = false): InputAction[] {
    if (p.kind === 'touch') {
      this.touches.delete(p.id);
    }
    const mode = this.mode;
    if (mode.kind === 'stroke' && mode.id === p.id) {
      this.mode = { kind: 'idle' };
      // A cancelled pen stroke keeps its ink; a cancelled touch was probably not meant to draw.
      return [{ type: cancelled && p.kind === 'touch' ? 'stroke-cancel' : 'stroke-end', id: p.id }];
    }
    if (mode.kind === 'pan' && mode.id === p.id) {
      this.mode = { kind: 'idle' };
      return [];
    }
    if (mode.kind === 'pinch' && (mode.a === p.id || mode.b === p.id)) {
      // The remaining finger keeps panning.
      const rest = mode.a === p.id ? mode.b : mode.a;
      const at = this.touches.get(rest);
      if (at) {
        this.mode = { kind: 'pan', id: rest };
        this.lastPan = { ...at };
      } else {
        this.mode = { kind: 'idle' };
      }
    }
    return [];
  }
}

/**
 * Whether a sample shows real pressure: a mouse never has any; 0.5 is what mice (and pens or
 * touch screens without a pressure sensor) report while pressed, and touch reports 0 or 1.
 */
export function hasRealPressure(kind: PointerKind, pressure: number): boolean {
  if (kind === 'mouse') {
    return false;
  }
  if (kind === 'touch') {
    return pressure > 0 && pressure !== 0.5 && pressure !== 1;
  }
  return pressure > 0 && pressure !== 0.5;
}
