import { describe, expect, it } from 'vitest';
import { findJoinLinkInArgv, joinUrlWithPath, parseJoinLink } from '../../electron/main/joinLinks.js';

describe('parseJoinLink', () => {
  it.each([
    ['mitschrift://open/e/abc', '/e/abc'],
    ['mitschrift://open/pad/Session_7', '/pad/Session_7'],
    ['mitschrift://open/sketch/s-1', '/sketch/s-1'],
    ['mitschrift://open/wall/abc', '/wall/abc'],
    ['mitschrift://open/e/abc/', '/e/abc'],
    ['MITSCHRIFT://open/e/abc', '/e/abc'],
    [`mitschrift://open/e/${'a'.repeat(64)}`, `/e/${'a'.repeat(64)}`],
  ])('%s → %s', (url, path) => {
    expect(parseJoinLink(url)).toBe(path);
  });

  it.each([
    'https://open/e/abc',
    'http://127.0.0.1:1234/e/abc',
    'file:///e/abc',
    'javascript:alert(1)',
    'mitschrift://evil/e/abc',
    'mitschrift://OPEN/e/abc',
    'mitschrift://user@open/e/abc',
    'mitschrift://open:80/e/abc',
    'mitschrift:open/e/abc',
    'mitschrift:///e/abc',
    'mitschrift://open/',
    'mitschrift://open/e',
    'mitschrift://open/e/',
    'mitschrift://open/settings/abc',
    'mitschrift://open/api/events',
    'mitschrift://open/constructor/abc',
    'mitschrift://open/__proto__/abc',
    'mitschrift://open/e/abc/def',
    'mitschrift://open/e/abc//',
    'mitschrift://open/e/..',
    'mitschrift://open/e/%2e%2e',
    'mitschrift://open/e/a%2Fb',
    'mitschrift://open/e/a b',
    'mitschrift://open/e/ä',
    `mitschrift://open/e/${'a'.repeat(65)}`,
    'mitschrift://open/e/abc?token=x',
    'mitschrift://open/e/abc#frag',
    'mitschrift://open//e/abc',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(parseJoinLink(url)).toBeNull();
  });
});

describe('findJoinLinkInArgv', () => {
  it('finds the link among Chromium switches (Windows/Linux second instance)', () => {
    expect(
      findJoinLinkInArgv([
        '/opt/Mitschrift/mitschrift',
        '--allow-file-access-from-files',
        'mitschrift://open/wall/x1',
      ]),
    ).toBe('/wall/x1');
  });

  it('skips invalid links and takes the first valid one', () => {
    expect(findJoinLinkInArgv(['app', 'mitschrift://evil/e/a', 'mitschrift://open/pad/p'])).toBe('/pad/p');
  });

  it('returns null without a link', () => {
    expect(findJoinLinkInArgv(['app', '.', 'https://open/e/abc'])).toBeNull();
    expect(findJoinLinkInArgv([])).toBeNull();
  });
});

describe('joinUrlWithPath', () => {
  it('keeps origin and token and swaps in the path', () => {
    expect(joinUrlWithPath('http://127.0.0.1:4000/?token=abc_DEF-1', '/wall/x')).toBe(
      'http://127.0.0.1:4000/wall/x?token=abc_DEF-1',
    );
  });
});
