import {
  InputRouter,
  type InputAction,
  type PointerKind,
  type PointerSample,
} from '../../../../shared/sketch/inputRouting.js';

/** One input sample in canvas CSS pixels. */
export interface InkSample {
  x: number;
  y: number;
  pressure: number;
  tiltX: number;
  tiltY: number;
  /** Event time stamp, ms. */
  t: number;
}

/** What the pointer, wheel and keyboard input asks the engine to do. */
export interface InputTarget {
  /** `eraserEnd`: a pen's eraser (its back end or eraser button) touched, not its tip. */
  strokeStart(pointerId: number, kind: PointerKind, sample: InkSample, eraserEnd: boolean): void;
  /** New samples (every coalesced event) and the browser's predicted continuation. */
  strokeMove(pointerId: number, samples: InkSample[], predicted: InkSample[]): void;
  strokeEnd(pointerId: number): void;
  strokeCancel(pointerId: number): void;
  pan(dx: number, dy: number): void;
  pinch(from: { x: number; y: number }, to: { x: number; y: number }, scale: number): void;
  wheelZoom(at: { x: number; y: number }, deltaY: number, deltaMode: number): void;
  keyZoom(direction: 1 | -1): void;
  fit(): void;
  /** Arrow keys with something selected move it (screen pixels); false: nothing to move, pan instead. */
  nudge(dx: number, dy: number): boolean;
  /** Marks user interaction (pans, zooms), so background work yields to it. */
  interacting(): void;
}

function kindOf(event: PointerEvent): PointerKind {
  return event.pointerType === 'pen' || event.pointerType === 'touch' ? event.pointerType : 'mouse';
}

/**
 * Listens to pointer, wheel and key events on the sketch host element and turns them into engine
 * calls: every pen sample through getCoalescedEvents(), the predicted ones through
 * getPredictedEvents(), palm rejection through the shared InputRouter.
 */
export class PointerInput {
  readonly router = new InputRouter();
  private originX = 0;
  private originY = 0;
  private readonly detachers: Array<() => void> = [];

  constructor(
    private readonly host: HTMLElement,
    private readonly target: InputTarget,
  ) {
    this.listen('pointerdown', this.onDown);
    this.listen('pointermove', this.onMove);
    this.listen('pointerup', this.onUp);
    this.listen('pointercancel', this.onCancel);
    this.listen('wheel', this.onWheel, { passive: false });
    this.listen('keydown', this.onKeyDown);
    this.listen('keyup', this.onKeyUp);
    this.listen('blur', this.onBlur);
    this.listen('contextmenu', (event: Event) => event.preventDefault());
  }

  private listen<E extends Event>(
    type: string,
    handler: (event: E) => void,
    options?: AddEventListenerOptions,
  ): void {
    const listener = handler as EventListener;
    this.host.addEventListener(type, listener, options);
    this.detachers.push(() => this.host.removeEventListener(type, listener, options));
  }

  destroy(): void {
    for (const detach of this.detachers.splice(0)) {
      detach();
    }
  }

  /** Re-reads where the host is on the page (call after layout changes). */
  updateOrigin(): void {
    const rect = this.host.getBoundingClientRect();
    this.originX = rect.left;
    this.originY = rect.top;
  }

  private sample(event: PointerEvent): InkSample {
    return {
      x: event.clientX - this.originX,
      y: event.clientY - this.originY,
      pressure: event.pressure,
      tiltX: event.tiltX,
      tiltY: event.tiltY,
      t: event.timeStamp,
    };
  }

  private routed(event: PointerEvent): PointerSample {
    return {
      id: event.pointerId,
      kind: kindOf(event),
      button: event.button,
      x: event.clientX - this.originX,
      y: event.clientY - this.originY,
    };
  }

  private run(actions: InputAction[], event: PointerEvent): void {
    for (const action of actions) {
      switch (action.type) {
        case 'stroke-start':
          // Pointer Events report a pen's eraser as button 5 / buttons bit 32.
          this.target.strokeStart(
            action.id,
            action.kind,
            this.sample(event),
            action.kind === 'pen' && (event.button === 5 || (event.buttons & 32) !== 0),
          );
          break;
        case 'stroke-move': {
          const coalesced = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
          const samples = (coalesced.length > 0 ? coalesced : [event]).map((e) => this.sample(e));
          const predicted =
            typeof event.getPredictedEvents === 'function'
              ? event.getPredictedEvents().map((e) => this.sample(e))
              : [];
          this.target.strokeMove(action.id, samples, predicted);
          break;
        }
        case 'stroke-end':
          this.target.strokeEnd(action.id);
          break;
        case 'stroke-cancel':
          this.target.strokeCancel(action.id);
          break;
        case 'pan':
          this.target.interacting();
          this.target.pan(action.dx, action.dy);
          break;
        case 'pinch':
          this.target.interacting();
          this.target.pinch(action.from, action.to, action.scale);
          break;
      }
    }
  }

  private readonly onDown = (event: PointerEvent): void => {
    this.updateOrigin();
    if (document.activeElement !== this.host) {
      this.host.focus({ preventScroll: true });
    }
    try {
      this.host.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic events have no active pointer to capture.
    }
    event.preventDefault();
    this.run(this.router.down(this.routed(event)), event);
  };

  private readonly onMove = (event: PointerEvent): void => {
    if (event.buttons === 0 && event.pointerType !== 'touch') {
      return; // Hover.
    }
    this.run(this.router.move(this.routed(event)), event);
  };

  private readonly onUp = (event: PointerEvent): void => {
    this.run(this.router.up(this.routed(event)), event);
  };

  private readonly onCancel = (event: PointerEvent): void => {
    this.run(this.router.up(this.routed(event), true), event);
  };

  private readonly onWheel = (event: WheelEvent): void => {
    event.preventDefault();
    this.target.interacting();
    if (event.ctrlKey || event.metaKey) {
      // Ctrl+wheel, and trackpad pinch (which Chromium reports as ctrl+wheel), zoom.
      this.updateOrigin();
      this.target.wheelZoom(
        { x: event.clientX - this.originX, y: event.clientY - this.originY },
        event.deltaY,
        event.deltaMode,
      );
      return;
    }
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
    const dx = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
    const dy = event.shiftKey && event.deltaX === 0 ? 0 : event.deltaY;
    this.target.pan(-dx * unit, -dy * unit);
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.metaKey || (event.ctrlKey && event.key !== '0')) {
      return;
    }
    const step = event.shiftKey ? 400 : 80;
    let handled = true;
    switch (event.key) {
      case '+':
      case '=':
        this.target.keyZoom(1);
        break;
      case '-':
      case '_':
        this.target.keyZoom(-1);
        break;
      case '0':
        this.target.fit();
        break;
      case 'ArrowLeft':
        if (!this.target.nudge(event.shiftKey ? -10 : -1, 0)) {
          this.target.pan(step, 0);
        }
        break;
      case 'ArrowRight':
        if (!this.target.nudge(event.shiftKey ? 10 : 1, 0)) {
          this.target.pan(-step, 0);
        }
        break;
      case 'ArrowUp':
        if (!this.target.nudge(0, event.shiftKey ? -10 : -1)) {
          this.target.pan(0, step);
        }
        break;
      case 'ArrowDown':
        if (!this.target.nudge(0, event.shiftKey ? 10 : 1)) {
          this.target.pan(0, -step);
        }
        break;
      case ' ':
        this.router.setPanKey(true);
        this.host.style.cursor = 'grab';
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      this.target.interacting();
    }
  };

  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (event.key === ' ') {
      this.router.setPanKey(false);
      this.host.style.cursor = '';
    }
  };

  private readonly onBlur = (): void => {
    this.router.setPanKey(false);
    this.host.style.cursor = '';
  };
}
