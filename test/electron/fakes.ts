import type {
  HeadersReceivedDetailsLike,
  HeadersReceivedResponseLike,
  NavigationEventLike,
  PermissionDetailsLike,
  SessionLike,
  WebContentsLike,
  WindowOpenDetailsLike,
} from '../../electron/main/security.js';
import type { IpcMainLike, InvokeEventLike, SenderFrameLike } from '../../electron/main/ipc.js';

/** Stand-ins for the Electron objects the guards and the IPC wrapper register on. */

export const APP_ORIGIN = 'http://127.0.0.1:43117';

type Listener = (event: NavigationEventLike) => void;

/** A navigation-like event that records whether a guard cancelled it. */
class FakeEvent implements NavigationEventLike {
  prevented = false;
  constructor(readonly url: string) {}
  preventDefault(): void {
    this.prevented = true;
  }
}

/** A webContents that records listeners and the window-open handler, and lets tests fire them. */
export class FakeWebContents implements WebContentsLike {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: WindowOpenDetailsLike) => { action: 'deny' }) | null = null;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: WindowOpenDetailsLike) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Fires `event` for `url` and reports whether any guard cancelled it. */
  fire(event: string, url: string): boolean {
    const listeners = this.listeners.get(event) ?? [];
    if (listeners.length === 0) {
      throw new Error(`No listener for ${event}`);
    }
    const fake = new FakeEvent(url);
    for (const listener of listeners) {
      listener(fake);
    }
    return fake.prevented;
  }

  /** Calls the window-open handler as Electron would for window.open(url) or target=_blank. */
  openWindow(url: string): { action: string } {
    if (!this.windowOpenHandler) {
      throw new Error('No window-open handler');
    }
    return this.windowOpenHandler({ url });
  }
}

type RequestHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<SessionLike['setPermissionCheckHandler']>[0];
type HeadersListener = (
  details: HeadersReceivedDetailsLike,
  callback: (response: HeadersReceivedResponseLike) => void,
) => void;

/** A session that captures its permission handlers and the headers listener. */
export class FakeSession implements SessionLike {
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }

  /** What the request handler answers for a permission asked by a page at `requestingUrl`. */
  request(permission: string, requestingUrl: string, details: PermissionDetailsLike = {}): boolean {
    if (!this.requestHandler) {
      throw new Error('No permission request handler');
    }
    let answer: boolean | undefined;
    this.requestHandler({}, permission, (granted) => (answer = granted), { requestingUrl, ...details });
    if (answer === undefined) {
      throw new Error('The request handler never called back');
    }
    return answer;
  }

  /** What the check handler answers for `permission` from `origin`. */
  check(permission: string, origin: string): boolean {
    if (!this.checkHandler) {
      throw new Error('No permission check handler');
    }
    return this.checkHandler(null, permission, origin, { requestingUrl: origin, isMainFrame: true });
  }

  /** Runs the headers listener on one response. */
  headers(url: string, responseHeaders?: Record<string, string[]>): HeadersReceivedResponseLike {
    if (!this.headersListener) {
      throw new Error('No onHeadersReceived listener');
    }
    let answer: HeadersReceivedResponseLike | undefined;
    this.headersListener({ url, responseHeaders }, (response) => (answer = response));
    if (answer === undefined) {
      throw new Error('The headers listener never called back');
    }
    return answer;
  }
}

type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** An ipcMain with handle() and an invoke() that behaves like Electron's for unregistered channels. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  /** What the renderer's ipcRenderer.invoke(channel, ...args) would get, sent from `frame`. */
  async invoke(frame: SenderFrameLike | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) {
      throw new Error(`No handler registered for '${channel}'`);
    }
    return listener({ senderFrame: frame }, ...args);
  }
}

/** A main frame on `url`. */
export function mainFrame(url: string): SenderFrameLike {
  return { url, parent: null };
}

/** A subframe on `url` inside a main frame on the app origin. */
export function subFrame(url: string): SenderFrameLike {
  return { url, parent: mainFrame(`${APP_ORIGIN}/`) };
}
