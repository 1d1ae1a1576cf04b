/**
 * Navigation, window, permission and CSP guards (Electron security checklist items 5, 7, 11-15).
 * Everything here works on small structural interfaces instead of Electron's classes, so the tests
 * drive the real guards with fakes; index.ts passes the real webContents and session.
 */

import { buildCsp } from '../../shared/http/csp.js';

/** Whether `url` parses and has exactly the app's origin (scheme, host and port). */
export function isSameOrigin(url: string, appOrigin: string): boolean {
  const target = originOf(url);
  const app = originOf(appOrigin);
  // Opaque origins (file:, data:, javascript:, about:) serialise as "null" and never match.
  return target !== null && app !== null && target === app;
}

function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.origin === 'null' ? null : parsed.origin;
}

/** Whether `url` may be handed to the operating system's browser: a well-formed https: URL. */
export function isExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    // No credentials in the URL: "https://trusted@evil" is a classic phishing shape.
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The Content-Security-Policy for the app's pages, without the WebSocket origin: the core's policy
 * (shared/http/csp.ts) minus the wss: origin a loopback core never serves.
 */
export const STRICT_CSP = buildCsp([]);

/** The policy for one app origin: STRICT_CSP with the sync WebSocket (same host and port) allowed. */
export function cspFor(appOrigin: string): string {
  const url = new URL(appOrigin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`The app origin must be http: or https:, got ${appOrigin}.`);
  }
  // Older engines do not let 'self' cover ws: from an http: page, so name the origin explicitly.
  return buildCsp([`${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`]);
}

/** The part of an Electron navigation event the guards use. */
export interface NavigationEventLike {
  /** The target URL (Electron 25+ puts it on the event). */
  readonly url: string;
  preventDefault(): void;
}

/** The part of an event the guards can cancel. */
interface PreventableEventLike {
  preventDefault(): void;
}

/** What `setWindowOpenHandler` passes. */
export interface WindowOpenDetailsLike {
  readonly url: string;
}

/** The parts of Electron's WebContents the guards register on. */
export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: NavigationEventLike) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetailsLike) => { action: 'deny' }): void;
}

/** Hands a URL to the operating system (shell.openExternal in production). */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * Limits one webContents to the app origin: navigations and redirects elsewhere are cancelled,
 * webviews never attach, and window.open is always denied; an https: link opens in the system
 * browser instead, anything else is dropped.
 */
export function installWebContentsGuards(
  contents: WebContentsLike,
  appOrigin: string,
  openExternal: OpenExternal,
): void {
  const stayInApp = (event: NavigationEventLike): void => {
    if (!isSameOrigin(event.url, appOrigin)) {
      event.preventDefault();
    }
  };
  contents.on('will-navigate', stayInApp);
  // Subframes too: the UI has no reason to frame another origin.
  contents.on('will-frame-navigate', stayInApp);
  // A same-origin URL may redirect elsewhere; check the redirect target as well.
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler((details) => {
    // External links (target="_blank") leave the app; the URL was parsed and is https: only.
    if (!isSameOrigin(details.url, appOrigin) && isExternalLink(details.url)) {
      openExternal(details.url).catch((error: unknown) => {
        console.warn(`Could not open ${details.url} in the browser: ${String(error)}`);
      });
    }
    return { action: 'deny' };
  });
}

/**
 * The permissions the UI may use, and only from the app origin. Everything else (camera,
 * microphone, geolocation, notifications, HID/USB/serial, openExternal...) is denied.
 * - clipboard-sanitized-write: "Copy join link" uses navigator.clipboard.writeText.
 * - fullscreen: the projector wall calls element.requestFullscreen().
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

/** What a permission request reports about its frame. */
export interface PermissionDetailsLike {
  readonly requestingUrl?: string;
  readonly isMainFrame?: boolean;
}

/** One HTTP response as session.webRequest.onHeadersReceived reports it. */
export interface HeadersReceivedDetailsLike {
  readonly url: string;
  readonly responseHeaders?: Record<string, string[]>;
}

/** The answer to onHeadersReceived: no headers means "keep the original ones". */
export interface HeadersReceivedResponseLike {
  responseHeaders?: Record<string, string | string[]>;
}

/** The parts of Electron's Session the guards configure. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionDetailsLike,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: PermissionDetailsLike,
    ) => boolean,
  ): void;
  readonly webRequest: {
    onHeadersReceived(
      listener: (
        details: HeadersReceivedDetailsLike,
        callback: (response: HeadersReceivedResponseLike) => void,
      ) => void,
    ): void;
  };
}

/** Whether the app origin may use `permission`. */
function isPermissionAllowed(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isSameOrigin(requestingUrl, appOrigin);
}

/**
 * Denies every permission except {@link ALLOWED_PERMISSIONS} from the app origin, and adds the
 * CSP to app responses that lack one (the core sends its own; this covers any response that
 * does not, such as a future static route).
 */
export function installSessionGuards(session: SessionLike, appOrigin: string): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? '', appOrigin));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => {
    return isPermissionAllowed(permission, requestingOrigin, appOrigin);
  });
  const policy = cspFor(appOrigin);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback(withCsp(details, appOrigin, policy));
  });
}

/** The onHeadersReceived answer for one response: add `policy` to app responses without a CSP. */
function withCsp(
  details: HeadersReceivedDetailsLike,
  appOrigin: string,
  policy: string,
): HeadersReceivedResponseLike {
  const headers = details.responseHeaders ?? {};
  const hasCsp = Object.keys(headers).some((name) => name.toLowerCase() === 'content-security-policy');
  if (hasCsp || !isSameOrigin(details.url, appOrigin)) {
    return {};
  }
  return { responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } };
}
