import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishTokenVault, type SafeStorageLike } from '../../electron/main/publishTokenVault.js';

/** A stand-in for safeStorage: a reversible scramble, and switches for what the OS offers. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  const scramble = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ 0x5a));
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => Buffer.concat([Buffer.from('v10'), scramble(Buffer.from(text, 'utf8'))]),
    decryptString: (encrypted) => {
      if (encrypted.subarray(0, 3).toString() !== 'v10') {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
      return scramble(encrypted.subarray(3)).toString('utf8');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mitschrift-vault-'));
  dirs.push(dir);
  return join(dir, 'user-data', 'ckan-token.enc');
}

describe('the desktop portal token vault', () => {
  it('keeps the token encrypted (never the plain text on disk, mode 0600) and reads it back', () => {
    const file = tempFile();
    const vault = publishTokenVault(fakeSafeStorage(), file, () => undefined);
    expect(vault.load()).toBeUndefined();
    vault.save('ckan-secret-token-1234');
    expect(readFileSync(file).includes(Buffer.from('ckan-secret-token-1234'))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(publishTokenVault(fakeSafeStorage(), file).load()).toBe('ckan-secret-token-1234');
    vault.save(null);
    expect(vault.load()).toBeUndefined();
  });

  it('writes nothing without a real secret store, and says so', () => {
    for (const storage of [
      fakeSafeStorage({ available: false }),
      fakeSafeStorage({ backend: 'basic_text' }),
    ]) {
      const file = tempFile();
      const log: string[] = [];
      publishTokenVault(storage, file, (m) => log.push(m)).save('ckan-secret-token-1234');
      expect(() => statSync(file)).toThrow();
      expect(log.join('\n')).toMatch(/no secret store/);
      expect(log.join('\n')).not.toContain('ckan-secret-token-1234');
    }
  });

  it('answers no token (and logs why, without the bytes) when the file cannot be decrypted', () => {
    const file = tempFile();
    publishTokenVault(fakeSafeStorage(), file).save('ckan-secret-token-1234');
    writeFileSync(file, 'garbage that is not ciphertext');
    const log: string[] = [];
    expect(publishTokenVault(fakeSafeStorage(), file, (m) => log.push(m)).load()).toBeUndefined();
    expect(log.join('\n')).toMatch(/could not be decrypted.*enter it again/);
    expect(log.join('\n')).not.toContain('garbage');
  });
});
