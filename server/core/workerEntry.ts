import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

/**
 * Where the code of a worker thread is, for the worker pools of imports and bundle exports.
 * Bundled (out/main, by electron-vite): `<name>.js` beside the entry files, and the calling module
 * is either in out/main or in out/main/chunks. From source (vitest, tsx): `<name>.ts` beside the
 * calling module, started through a tiny bootstrap that registers tsx's loader in the thread.
 */

/** What `new Worker(url, { execArgv })` needs. */
export interface WorkerEntry {
  url: URL;
  execArgv: string[];
}

const tsxPackageSchema = z.object({
  exports: z.object({ './esm/api': z.object({ import: z.object({ default: z.string() }) }) }),
});

/** The ESM entry of tsx's API (`register`), from its package's exports map (tsx is a devDependency). */
function tsxApiUrl(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const parsed = tsxPackageSchema.parse(JSON.parse(readFileSync(manifest, 'utf8')));
  return new URL(parsed.exports['./esm/api'].import.default, pathToFileURL(manifest)).href;
}

const found = new Map<string, WorkerEntry>();

/**
 * The entry of the worker `name` (without ending) that lives beside the module `callerUrl`
 * (its `import.meta.url`); throws a clear error when the build lacks it.
 */
export function workerEntry(name: string, callerUrl: string): WorkerEntry {
  const key = `${name}@${callerUrl}`;
  const known = found.get(key);
  if (known) {
    return known;
  }
  let entry: WorkerEntry | undefined;
  if (/\.ts$/.test(callerUrl)) {
    const source = new URL(`${name}.ts`, callerUrl);
    const bootstrap =
      `import { register } from ${JSON.stringify(tsxApiUrl(callerUrl))};\n` +
      `register();\n` +
      `await import(${JSON.stringify(source.href)});\n`;
    entry = { url: new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), execArgv: [] };
  } else {
    // The file name is built at run time so that the bundler does not try to resolve it as an asset.
    const file = `${name}.js`;
    const candidate = [new URL(`./${file}`, callerUrl), new URL(`../${file}`, callerUrl)].find((url) =>
      existsSync(fileURLToPath(url)),
    );
    if (!candidate) {
      throw new Error(
        `The worker ${file} is missing beside ${fileURLToPath(callerUrl)}; rebuild Mitschrift (npm run build).`,
      );
    }
    entry = { url: candidate, execArgv: [] };
  }
  found.set(key, entry);
  return entry;
}
