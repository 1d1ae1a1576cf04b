import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../electron.vite.config.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** The folders whose code ships in the app (bench/ and test/ do not). */
const SHIPPED_SOURCE = ['electron', 'server', 'shared', 'renderer/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return /\.(ts|tsx|mts|css)$/.test(name) ? [path] : [];
  });
}

/** Package names imported (statically or dynamically) by a source text. */
function importedPackages(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(
    /(?:from\s+|import\s*\(\s*|import\s+|@import\s+)['"]([^'"./][^'"]*)['"]/g,
  )) {
    const spec = match[1] ?? '';
    const parts = spec.split('/');
    names.add(spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? spec));
  }
  return names;
}

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
/** Source files of the standalone engine page, built only for tests and benchmarks. */
const isTestPage = (file: string): boolean => file.includes(join('renderer', 'src', 'sketch', 'standalone'));

describe('what ships', () => {
  const shippedFiles = SHIPPED_SOURCE.flatMap((dir) => sourceFiles(join(ROOT, dir))).filter(
    (f) => !isTestPage(f),
  );
  const shippedImports = new Set(
    shippedFiles.flatMap((file) => [...importedPackages(readFileSync(file, 'utf8'))]),
  );

  it('every runtime dependency is imported by code that ships', () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => !shippedImports.has(name));
    expect(
      unused,
      'runtime dependencies no shipped code imports (move to devDependencies or remove)',
    ).toEqual([]);
  });

  it('shipped code imports only runtime dependencies (and Node or Electron built-ins)', () => {
    const runtime = new Set(Object.keys(pkg.dependencies));
    const devOnly = [...shippedImports].filter((name) => !runtime.has(name) && name in pkg.devDependencies);
    // electron is provided by the shell at run time; the rest must be runtime dependencies.
    expect(devOnly.filter((name) => name !== 'electron')).toEqual([]);
  });

  it('the benchmark baseline (fabric) is a dev dependency used only by the test and benchmark page', () => {
    expect(pkg.dependencies).not.toHaveProperty('fabric');
    expect(pkg.devDependencies).toHaveProperty('fabric');
    expect(shippedImports.has('fabric')).toBe(false);
  });

  it('the shipped renderer build has no test or benchmark page; the test build has it', () => {
    type Config = { renderer?: { build?: { rollupOptions?: { input?: Record<string, string> } } } };
    const resolveFor = (mode: string): Config => {
      const factory = viteConfig as unknown as (env: { mode: string; command: string }) => Config;
      return factory({ mode, command: 'build' });
    };
    const inputsOf = (mode: string): string[] =>
      Object.keys(resolveFor(mode).renderer?.build?.rollupOptions?.input ?? {});
    expect(inputsOf('production')).toEqual(['index']);
    expect(inputsOf('test-pages')).toEqual(['index', 'sketchBench']);
  });
});
