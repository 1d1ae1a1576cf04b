import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user workspace folder used when no --data is given (the platform's usual place for app data). */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env['MITSCHRIFT_DATA']) {
    return env['MITSCHRIFT_DATA'];
  }
  if (platform === 'win32') {
    return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Mitschrift', 'workspace');
  }
  if (platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', 'Mitschrift', 'workspace');
  }
  return join(env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'mitschrift', 'workspace');
}
