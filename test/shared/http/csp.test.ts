import { describe, expect, it } from 'vitest';

import { STRICT_CSP, cspFor } from '../../../electron/main/security.js';
import { contentSecurityPolicy } from '../../../server/http/securityHeaders.js';
import { buildCsp } from '../../../shared/http/csp.js';

describe('one CSP for core and shell', () => {
  it('the core and the shell send the same policy for the same origin, apart from wss:', () => {
    expect(cspFor('http://127.0.0.1:4000')).toBe(buildCsp(['ws://127.0.0.1:4000']));
    expect(contentSecurityPolicy('127.0.0.1:4000')).toBe(
      buildCsp(['ws://127.0.0.1:4000', 'wss://127.0.0.1:4000']),
    );
    expect(STRICT_CSP).toBe(buildCsp([]));
  });

  it('never echoes a malformed Host header into the policy', () => {
    expect(contentSecurityPolicy("evil; script-src 'unsafe-eval'")).toBe(STRICT_CSP);
  });
});
