import { idSchema } from '../../shared/docs/docName.js';
import { eventPath, padPath, sketchPath, wallPath } from '../../shared/routes/deepLinks.js';

/**
 * mitschrift:// links, which the operating system hands to the app (argv on Windows and Linux,
 * 'open-url' on macOS). Any web page can fire one, so they are parsed strictly and only ever
 * become one of the four in-app routes with a validated id.
 */

/** The URL scheme the app registers with the operating system. */
export const PROTOCOL_SCHEME = 'mitschrift';

/** The host part of every link: `mitschrift://open/...`. */
const LINK_HOST = 'open';

const routeBuilders: Readonly<Record<string, (id: string) => string>> = {
  e: eventPath,
  pad: padPath,
  sketch: sketchPath,
  wall: wallPath,
};

/**
 * The in-app path for `mitschrift://open/{e,pad,sketch,wall}/<id>` (one optional trailing slash),
 * or null for anything else: other schemes, hosts, credentials, ports, queries, fragments or ids.
 */
export function parseJoinLink(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (
    parsed.protocol !== `${PROTOCOL_SCHEME}:` ||
    parsed.host !== LINK_HOST ||
    parsed.username !== '' ||
    parsed.password !== '' ||
    parsed.search !== '' ||
    parsed.hash !== ''
  ) {
    return null;
  }
  const segments = parsed.pathname.replace(/\/$/, '').split('/');
  if (segments.length !== 3 || segments[0] !== '') {
    return null;
  }
  const [, kind = '', id = ''] = segments;
  const build = Object.hasOwn(routeBuilders, kind) ? routeBuilders[kind] : undefined;
  if (!build || !idSchema.safeParse(id).success) {
    return null;
  }
  return build(id);
}

/** The in-app path of the first valid mitschrift:// link in a command line, or null. */
export function findJoinLinkInArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (arg.toLowerCase().startsWith(`${PROTOCOL_SCHEME}:`)) {
      const path = parseJoinLink(arg);
      if (path !== null) {
        return path;
      }
    }
  }
  return null;
}

/**
 * The core's join URL with `path` in place of its path. The core trades the token for a cookie
 * and redirects to the same path, so the window lands on the deep link in one load.
 */
export function joinUrlWithPath(joinUrl: string, path: string): string {
  const url = new URL(joinUrl);
  url.pathname = path;
  return url.toString();
}
