import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The portal's API token on the desktop, encrypted with Electron's `safeStorage` (the OS keychain:
 * Keychain, DPAPI, libsecret/kwallet) in one file under the app's user data. The core keeps the
 * token only in memory (`publishTokenStorage: 'memory'`); the shell decrypts it for each start and
 * stores what the core reports. Without working encryption (Linux without a keyring: safeStorage
 * then falls back to a fixed key, `basic_text`) nothing is written: the token lasts until the app
 * quits, and the log says why. Written against a structural adapter so it is tested in Node.
 */

/** The part of Electron's safeStorage the vault uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store is used ('basic_text' means none, only a fixed key). */
  getSelectedStorageBackend?(): string;
}

/** Loads and saves the encrypted token file. */
export interface PublishTokenVault {
  /** The kept token, or undefined (none, unreadable, or encryption unavailable). */
  load(): string | undefined;
  /** Keeps a new token encrypted, or removes it (null). */
  save(token: string | null): void;
}

/** Whether safeStorage protects with a real secret store (not Linux's fixed-key fallback). */
function encrypts(storage: SafeStorageLike): boolean {
  if (!storage.isEncryptionAvailable()) {
    return false;
  }
  return storage.getSelectedStorageBackend?.() !== 'basic_text';
}

/** A vault keeping the token in `file`, encrypted by `storage`. */
export function publishTokenVault(
  storage: SafeStorageLike,
  file: string,
  log: (message: string) => void = (message) => console.error(message),
): PublishTokenVault {
  return {
    load() {
      if (!existsSync(file)) {
        return undefined;
      }
      if (!encrypts(storage)) {
        log('The portal token cannot be decrypted: the system offers no secret store now. Enter it again.');
        return undefined;
      }
      try {
        const token = storage.decryptString(readFileSync(file)).trim();
        return token.length >= 8 ? token : undefined;
      } catch (error) {
        log(
          `The stored portal token could not be decrypted (${error instanceof Error ? error.name : 'error'}); enter it again.`,
        );
        return undefined;
      }
    },
    save(token) {
      if (token === null) {
        rmSync(file, { force: true });
        return;
      }
      if (!encrypts(storage)) {
        rmSync(file, { force: true });
        log(
          'The portal token is kept until Mitschrift quits: the system offers no secret store to encrypt it.',
        );
        return;
      }
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.tmp-${process.pid}`;
      writeFileSync(temp, storage.encryptString(token), { mode: 0o600 });
      renameSync(temp, file);
    },
  };
}
