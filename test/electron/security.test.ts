import { describe, expect, it, vi } from 'vitest';
import {
  ALLOWED_PERMISSIONS,
  cspFor,
  installSessionGuards,
  installWebContentsGuards,
  isExternalLink,
  isSameOrigin,
  STRICT_CSP,
  type OpenExternal,
} from '../../electron/main/security.js';
import { APP_ORIGIN, FakeSession, FakeWebContents } from './fakes.js';

const FOREIGN_URLS = [
  'https://example.org/',
  'http://127.0.0.1:43118/', // same host, other port
  'http://localhost:43117/', // same port, other host name
  'https://127.0.0.1:43117/', // same host and port, other scheme
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'chrome://gpu',
  'mitschrift://open/e/abc',
  'not a url',
  '',
];

const SAME_ORIGIN_URLS = [
  `${APP_ORIGIN}/`,
  `${APP_ORIGIN}/e/abc?x=1#top`,
  `${APP_ORIGIN}/wall/abc`,
  // The URL parser normalises; a string prefix check would get these wrong in both directions.
  'HTTP://127.0.0.1:43117/pad/x',
];

describe('isSameOrigin', () => {
  it.each(SAME_ORIGIN_URLS)('accepts %s', (url) => {
    expect(isSameOrigin(url, APP_ORIGIN)).toBe(true);
  });

  it.each([...FOREIGN_URLS, 'http://127.0.0.1:43117.evil.example/', 'http://127.0.0.1:43117@evil.example/'])(
    'refuses %s',
    (url) => {
      expect(isSameOrigin(url, APP_ORIGIN)).toBe(false);
    },
  );

  it('never matches when the app origin itself is opaque or malformed', () => {
    expect(isSameOrigin('file:///a', 'file:///b')).toBe(false);
    expect(isSameOrigin('about:blank', 'about:blank')).toBe(false);
    expect(isSameOrigin('x', 'x')).toBe(false);
  });
});

describe('isExternalLink', () => {
  it('accepts plain https: links', () => {
    expect(isExternalLink('https://example.org/path?q=1')).toBe(true);
  });

  it.each([
    'http://example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'mailto:a@example.org',
    'smb://host/share',
    'https://trusted.example@evil.example/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isExternalLink(url)).toBe(false);
  });
});

function guarded() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn<OpenExternal>(() => Promise.resolve());
  installWebContentsGuards(contents, APP_ORIGIN, openExternal);
  return { contents, openExternal };
}

describe.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s guard', (event) => {
  it.each(SAME_ORIGIN_URLS)('lets %s through', (url) => {
    expect(guarded().contents.fire(event, url)).toBe(false);
  });

  it.each(FOREIGN_URLS)('cancels %s', (url) => {
    const { contents, openExternal } = guarded();
    expect(contents.fire(event, url)).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('webview guard', () => {
  it('always prevents a <webview> from attaching', () => {
    expect(guarded().contents.fire('will-attach-webview', `${APP_ORIGIN}/`)).toBe(true);
  });
});

describe('window-open handler', () => {
  it('denies same-origin windows and opens nothing', () => {
    const { contents, openExternal } = guarded();
    expect(contents.openWindow(`${APP_ORIGIN}/wall/abc`)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies an https: link and hands it to the system browser', () => {
    const { contents, openExternal } = guarded();
    expect(contents.openWindow('https://example.org/agenda')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://example.org/agenda');
  });

  it.each(FOREIGN_URLS.filter((url) => !url.startsWith('https:')))('denies %s and drops it', (url) => {
    const { contents, openExternal } = guarded();
    expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('survives a failing system browser', async () => {
    const contents = new FakeWebContents();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    installWebContentsGuards(contents, APP_ORIGIN, () => Promise.reject(new Error('no browser')));
    expect(contents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
    warn.mockRestore();
  });
});

describe('session guards', () => {
  function session() {
    const fake = new FakeSession();
    installSessionGuards(fake, APP_ORIGIN);
    return fake;
  }

  it.each([...ALLOWED_PERMISSIONS])('grants %s to the app origin only', (permission) => {
    const fake = session();
    expect(fake.request(permission, `${APP_ORIGIN}/wall/abc`)).toBe(true);
    expect(fake.check(permission, APP_ORIGIN)).toBe(true);
    // Electron reports check origins with a trailing slash; the parser copes either way.
    expect(fake.check(permission, `${APP_ORIGIN}/`)).toBe(true);
    for (const url of FOREIGN_URLS) {
      expect(fake.request(permission, url)).toBe(false);
      expect(fake.check(permission, url)).toBe(false);
    }
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'hid',
    'usb',
    'serial',
    'display-capture',
    'unknown',
  ])('denies %s, even to the app origin', (permission) => {
    const fake = session();
    expect(fake.request(permission, `${APP_ORIGIN}/`)).toBe(false);
    expect(fake.check(permission, APP_ORIGIN)).toBe(false);
  });

  it('allows only the two documented permissions', () => {
    expect([...ALLOWED_PERMISSIONS].sort()).toEqual(['clipboard-sanitized-write', 'fullscreen']);
  });

  it('adds the CSP to app responses that have none', () => {
    const answer = session().headers(`${APP_ORIGIN}/`, { 'content-type': ['text/html'] });
    expect(answer.responseHeaders).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': [cspFor(APP_ORIGIN)],
    });
  });

  it('keeps a CSP the core already sent, whatever its header case', () => {
    expect(
      session().headers(`${APP_ORIGIN}/`, { 'content-security-policy': ["default-src 'none'"] }),
    ).toEqual({});
    expect(
      session().headers(`${APP_ORIGIN}/`, { 'Content-Security-Policy': ["default-src 'none'"] }),
    ).toEqual({});
  });

  it('leaves responses from other origins alone', () => {
    expect(session().headers('https://example.org/', {})).toEqual({});
    expect(session().headers('devtools://devtools/bundled/inspector.html')).toEqual({});
  });
});

describe('Content-Security-Policy', () => {
  const directives = (policy: string) =>
    new Map(
      policy.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );

  it('is strict: no inline or eval scripts, no plugins, no base or framing', () => {
    const policy = directives(STRICT_CSP);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(STRICT_CSP).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  it('allows the sync WebSocket on the app origin and nothing else', () => {
    expect(directives(cspFor(APP_ORIGIN)).get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:43117']);
    expect(directives(cspFor('https://mitschrift.example:8443')).get('connect-src')).toEqual([
      "'self'",
      'wss://mitschrift.example:8443',
    ]);
  });

  it('changes nothing but connect-src', () => {
    const strict = directives(STRICT_CSP);
    const forOrigin = directives(cspFor(APP_ORIGIN));
    strict.delete('connect-src');
    forOrigin.delete('connect-src');
    expect(forOrigin).toEqual(strict);
  });

  it('refuses an app origin that is not http(s)', () => {
    expect(() => cspFor('file:///app')).toThrow(/http/);
  });
});
