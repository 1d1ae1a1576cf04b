import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_SCHEME } from '../../electron/main/joinLinks.js';

/**
 * The packaging contract, checked without an Electron binary: electron-builder.yml must pass
 * electron-builder's own JSON schema and the project's security and integration rules.
 */

const root = join(import.meta.dirname, '../..');

type Json = Record<string, unknown>;

function readConfig(): Json {
  const parsed = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'), {
    filename: 'electron-builder.yml',
  });
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('electron-builder.yml is not a mapping');
  }
  return parsed as Json;
}

function section(config: Json, key: string): Json {
  const value = config[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`electron-builder.yml has no "${key}" mapping`);
  }
  return value as Json;
}

/**
 * The validator electron-builder itself uses (app-builder-lib/out/util/config/schemaValidator.js),
 * minus coerceTypes so a quoted "true" is reported instead of silently converted. The schema is
 * draft-07 with a non-standard `typeof` keyword (for function-valued options), which only
 * `strict: false` accepts, as electron-builder does.
 */
function compileSchema(): ValidateFunction {
  const schema = JSON.parse(
    readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
  ) as Json;
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(path: string): { width: number; height: number; colorType: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).toString('hex'), `${path} is a PNG`).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes.readUInt8(25) };
}

let validate: ValidateFunction;
let config: Json;

beforeAll(() => {
  validate = compileSchema();
  config = readConfig();
});

describe('electron-builder.yml against electron-builder’s schema', () => {
  it('is valid', () => {
    const valid = validate(config);
    expect(valid, describeErrors(validate.errors)).toBe(true);
  });

  it('catches a bogus top-level key (so the validation above can fail)', () => {
    expect(validate({ ...config, bogusOption: true })).toBe(false);
    expect(describeErrors(validate.errors)).toMatch(/additional properties.*bogusOption/i);
  });

  it('catches a bogus key inside a platform section', () => {
    expect(validate({ ...config, linux: { ...section(config, 'linux'), notAnOption: 1 } })).toBe(false);
    expect(
      validate({ ...config, electronFuses: { ...section(config, 'electronFuses'), runAsnode: false } }),
    ).toBe(false);
  });

  it('catches a value of the wrong type', () => {
    expect(validate({ ...config, asar: 'yes' })).toBe(false);
    expect(validate({ ...config, protocols: [{ schemes: ['mitschrift'] }] })).toBe(false);
  });
});

describe('packaging rules', () => {
  it('names the app and keeps build resources out of the package', () => {
    expect(config.appId).toBe('de.mitschrift.app');
    expect(config.productName).toBe('Mitschrift');
    expect(config.directories).toEqual({ buildResources: 'build', output: 'dist' });
  });

  it('ships an allowlist of files: bundles, manifest and assets, never source maps', () => {
    const files = config.files;
    expect(Array.isArray(files)).toBe(true);
    const patterns = files as unknown[];
    expect(patterns.every((p) => typeof p === 'string')).toBe(true);
    const included = (patterns as string[]).filter((p) => !p.startsWith('!'));
    // Every positive pattern is rooted in a known folder or names one file: no "**/*" catch-all.
    for (const pattern of included) {
      expect(pattern, `files pattern ${pattern}`).toMatch(/^(out\/|assets\/|package\.json$)/);
    }
    expect(included).toEqual(expect.arrayContaining(['out/**', 'package.json', 'assets/**']));
    expect(patterns).toContain('!**/*.map');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Json;
    expect(String(pkg.main)).toMatch(/^out\//);
  });

  it('packs the app into an asar archive', () => {
    expect(config.asar).toBe(true);
  });

  it('sets every fuse to its hardened value', () => {
    expect(section(config, 'electronFuses')).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('registers the protocol the main process parses', () => {
    expect(config.protocols).toEqual([{ name: 'Mitschrift', schemes: [PROTOCOL_SCHEME] }]);
  });

  it('associates exported event archives', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: 'mitschrift',
        name: 'Mitschrift-Archiv',
        mimeType: 'application/x-mitschrift-archive',
        role: 'Editor',
        description: expect.stringMatching(/\S/),
      }),
    ]);
  });

  it('builds AppImage and deb with the metadata a deb needs', () => {
    const linux = section(config, 'linux');
    expect(linux.target).toEqual(['AppImage', 'deb']);
    expect(linux.category).toMatch(/^(Office|Graphics)$/);
    expect(linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(linux.synopsis).toMatch(/\S/);
    // The desktop entry's MimeType is computed from protocols and fileAssociations; an explicit
    // one would be overwritten, so it must not be set by hand.
    expect(section(section(linux, 'desktop'), 'entry')).not.toHaveProperty('MimeType');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      author?: { email?: string };
      homepage?: string;
    };
    expect(pkg.author?.email).toMatch(/@/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });

  it('builds an assisted NSIS installer with a choice of folder', () => {
    expect(section(config, 'win').target).toEqual(['nsis']);
    expect(section(config, 'nsis')).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
    });
  });

  it('builds a hardened-runtime dmg', () => {
    expect(section(config, 'mac')).toMatchObject({
      target: ['dmg'],
      category: 'public.app-category.productivity',
      hardenedRuntime: true,
    });
  });
});

describe('icons in build/', () => {
  it('has a 1024×1024 RGBA build/icon.png', () => {
    expect(pngHeader(join(root, 'build/icon.png'))).toEqual({ width: 1024, height: 1024, colorType: 6 });
  });

  it.each([16, 32, 48, 64, 128, 256, 512])('has build/icons/%ix%i.png at that size with alpha', (size) => {
    expect(pngHeader(join(root, `build/icons/${size}x${size}.png`))).toEqual({
      width: size,
      height: size,
      colorType: 6,
    });
  });

  it('keeps the SVG source and its licence next to each other', () => {
    expect(existsSync(join(root, 'assets/icons/mitschrift.svg'))).toBe(true);
    expect(readFileSync(join(root, 'assets/icons/LICENSE'), 'utf8')).toMatch(/AGPL-3\.0-or-later/);
  });
});
