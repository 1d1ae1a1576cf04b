import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  publishSettingsSchema,
  type PublishSettings,
  type PublishSettingsInfo,
} from '../../shared/api/publishContract.js';

/**
 * The workspace's publishing settings (portal, organisation, profile, upload limit) and the
 * portal's API token, kept apart: the settings in `<data>/publish.json`, the token in
 * `<data>/ckan-token` (mode 0600, like the join links) under `mitschrift serve`, or only in memory
 * in the desktop app, whose shell keeps it encrypted with Electron's safeStorage and hands it over
 * after every start. `CKAN_API_TOKEN` in the environment wins over both (as in the CLI). The token
 * is never written to a log or an answer: callers get `set` or `not set` and where it came from.
 */

/** Where the token is kept when it is set over the API. */
export type TokenStorage = 'file' | 'memory';

/** The desktop shell's side of a `memory` token: the token it kept, and who to tell of changes. */
export interface ShellTokenKeeper {
  /** The token the shell decrypted at start (safeStorage), if it kept one. */
  token?: string;
  /** Told of every new token (and null when it is cleared), so the shell can keep it encrypted. */
  onChange?: (token: string | null) => void;
}

/** The settings before anyone chose any. */
const DEFAULTS: PublishSettings = {
  portal: '',
  organisation: '',
  licence: '',
  profile: 'public',
  maxMb: 10,
};

const SETTINGS_FILE = 'publish.json';
const TOKEN_FILE = 'ckan-token';

/** Writes a file under a temporary name, then renames it into place. */
function writeAtomic(path: string, text: string, mode: number): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text, { mode });
  renameSync(temp, path);
}

/** A workspace's publishing settings and token (see the file comment). */
export class PublishConfig {
  private memoryToken: string | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly storage: TokenStorage,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly shell: ShellTokenKeeper = {},
  ) {
    this.memoryToken = storage === 'memory' ? shell.token : undefined;
  }

  /** The settings; a missing or damaged file gives the defaults (settings are easy to enter again). */
  settings(): PublishSettings {
    const path = join(this.dataDir, SETTINGS_FILE);
    if (!existsSync(path)) {
      return { ...DEFAULTS };
    }
    try {
      const parsed = publishSettingsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      return parsed.success ? parsed.data : { ...DEFAULTS };
    } catch {
      return { ...DEFAULTS };
    }
  }

  /** Saves the settings. */
  saveSettings(settings: PublishSettings): void {
    writeAtomic(join(this.dataDir, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`, 0o600);
  }

  /** The token and where it comes from, or undefined when none is set. */
  token(): { token: string; source: NonNullable<PublishSettingsInfo['tokenSource']> } | undefined {
    const fromEnv = this.env.CKAN_API_TOKEN?.trim();
    if (fromEnv) {
      return { token: fromEnv, source: 'environment' };
    }
    if (this.storage === 'memory') {
      return this.memoryToken === undefined ? undefined : { token: this.memoryToken, source: 'shell' };
    }
    const path = join(this.dataDir, TOKEN_FILE);
    const saved = existsSync(path) ? readFileSync(path, 'utf8').trim() : '';
    return saved === '' ? undefined : { token: saved, source: 'file' };
  }

  /** Keeps a new token (file with mode 0600, or memory in the desktop app). */
  setToken(token: string): void {
    if (this.storage === 'memory') {
      this.memoryToken = token;
      this.shell.onChange?.(token);
      return;
    }
    writeAtomic(join(this.dataDir, TOKEN_FILE), `${token}\n`, 0o600);
  }

  /** Forgets the token (an environment variable stays, it is not ours to change). */
  clearToken(): void {
    if (this.storage === 'memory') {
      this.memoryToken = undefined;
      this.shell.onChange?.(null);
      return;
    }
    rmSync(join(this.dataDir, TOKEN_FILE), { force: true });
  }

  /** What the owner's settings page shows: the settings and whether a token is set. */
  info(): PublishSettingsInfo {
    const token = this.token();
    return { ...this.settings(), token: token ? 'set' : 'not-set', tokenSource: token?.source ?? null };
  }
}
