import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOKEN_FILE = 'access-token';
/** The read-only token of the workspace: pads only, no changes (see startCore). */
const VIEW_TOKEN_FILE = 'view-token';

/** Makes a new random access token. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The workspace's saved host token, made on first start, so links handed out by `serve` keep
 * working across restarts. The desktop app passes a per-launch secret instead.
 */
export function savedToken(dataDir: string): string {
  return savedTokenIn(join(dataDir, TOKEN_FILE));
}

/**
 * The workspace's saved read-only token, made on first start and kept beside `access-token`. Links
 * with it open pads read-only; delete the file to invalidate every read-only link handed out.
 */
export function savedViewToken(dataDir: string): string {
  return savedTokenIn(join(dataDir, VIEW_TOKEN_FILE));
}

function savedTokenIn(file: string): string {
  try {
    const token = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{16,}$/.test(token)) {
      return token;
    }
  } catch {
    // No token yet: make one below.
  }
  const token = newToken();
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return token;
}
