/**
 * The one Content-Security-Policy of Mitschrift's pages: the core sends it (server/http/securityHeaders.ts)
 * and the desktop shell adds it where a response lacks one (electron/main/security.ts).
 */

/** The policy's directives except `connect-src`, which names the sync WebSocket origins. */
const BASE_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // 'unsafe-inline' styles: the core's own error page uses a style attribute.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  'CONNECT',
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
] as const;

/** The policy with `connect-src 'self'` plus the given WebSocket origins (e.g. `ws://127.0.0.1:4000`). */
export function buildCsp(wsOrigins: readonly string[]): string {
  const connect = ["connect-src 'self'", ...wsOrigins].join(' ');
  return BASE_DIRECTIVES.map((directive) => (directive === 'CONNECT' ? connect : directive)).join('; ');
}
