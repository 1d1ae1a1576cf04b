import { describe, expect, it } from 'vitest';
import { publicUrlFrom } from '../../server/cli/main.js';

describe('serve --public-url', () => {
  it('takes an http(s) URL with a host, without its trailing slash', () => {
    expect(publicUrlFrom(undefined)).toBeUndefined();
    expect(publicUrlFrom('')).toBeUndefined();
    expect(publicUrlFrom('https://barcamp.example.org/')).toBe('https://barcamp.example.org');
    expect(publicUrlFrom('http://laptop.local:8080')).toBe('http://laptop.local:8080');
    expect(publicUrlFrom('https://stadt.example/mitschrift/')).toBe('https://stadt.example/mitschrift');
  });

  it('names the problem with anything else', () => {
    for (const bad of [
      'barcamp.example.org',
      'ftp://x.example',
      'https://x.example/?a=1',
      'https://u:p@x.example',
    ]) {
      const result = publicUrlFrom(bad);
      expect(result, bad).toMatchObject({ error: expect.stringContaining('--public-url') });
    }
  });
});
