import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file that keeps the workspace's public URL (`serve --public-url`), for join links. */
const PUBLIC_URL_FILE = 'public-url';

/**
 * Checks a public URL and returns its origin (`http://host:port`, no path): join links are the
 * origin plus the app's own paths. Throws an Error naming the problem.
 */
export function normalisePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`"${value}" is not a URL (expected e.g. http://192.168.1.20:8080).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`"${value}" is not an http or https URL.`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new Error(`"${value}" has more than scheme, host and port; join links add their own path.`);
  }
  return url.origin;
}

/** The workspace's configured public URL, or undefined (none, or a file that is not one). */
export function readPublicUrl(dataDir: string): string | undefined {
  try {
    return normalisePublicUrl(readFileSync(join(dataDir, PUBLIC_URL_FILE), 'utf8').trim());
  } catch {
    return undefined;
  }
}

/** Remembers the workspace's public URL (written whole, then renamed into place). */
export function savePublicUrl(dataDir: string, url: string): void {
  const file = join(dataDir, PUBLIC_URL_FILE);
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, normalisePublicUrl(url) + '\n', { mode: 0o600 });
  renameSync(temp, file);
}
