import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOKEN_FILE = 'access-token';

/** Makes a new random access token. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The workspace's saved host token, made on first start, so links handed out by `serve` keep
 * working across restarts. The desktop app passes a per-launch secret instead.
 */
export function savedToken(dataDir: string): string {
  const file = join(dataDir, TOKEN_FILE);
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
