import type { ServerResponse } from 'node:http';

import { buildCsp } from '../../shared/http/csp.js';

/** The Content-Security-Policy for pages the core serves; `host` is the request's Host header. */
export function contentSecurityPolicy(host: string): string {
  // A Host header that is not a plain host[:port] is never echoed into the policy.
  return buildCsp(/^[A-Za-z0-9.:[\]-]+$/.test(host) ? [`ws://${host}`, `wss://${host}`] : []);
}

/** Sets the headers every response carries. */
export function setSecurityHeaders(res: ServerResponse, host: string): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(host));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}
