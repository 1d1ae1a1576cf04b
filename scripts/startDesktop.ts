/**
 * `npm start`: opens the desktop app, or, when Electron's binary is not installed (CI, machines
 * without internet, `ELECTRON_SKIP_BINARY_DOWNLOAD`), says what to do instead of Electron's own
 * "failed to install correctly" message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Why the Electron binary in `electronDir` (node_modules/electron) cannot start, or null when it can. */
export function electronBinaryProblem(electronDir: string): string | null {
  if (!existsSync(join(electronDir, 'package.json'))) {
    return 'the electron package is not installed (run `npm install`).';
  }
  const pathFile = join(electronDir, 'path.txt');
  if (process.env['ELECTRON_OVERRIDE_DIST_PATH']) {
    return null;
  }
  if (!existsSync(pathFile)) {
    return 'the Electron binary was never downloaded (npm install skipped it, e.g. with ELECTRON_SKIP_BINARY_DOWNLOAD or without internet).';
  }
  const executable = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? null : `the Electron binary ${executable} is missing.`;
}

/** The lines `npm start` prints when the desktop app cannot start. */
export function missingElectronMessage(problem: string): string {
  return [
    `Mitschrift cannot open the desktop app: ${problem}`,
    'Next step: `node node_modules/electron/install.js` downloads Electron (needs internet once; Node >= 22.12).',
    'Without it, `npm run serve` runs the same app in your browser.',
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(import.meta.dirname, '..');
  const problem = electronBinaryProblem(join(root, 'node_modules', 'electron'));
  if (problem !== null) {
    console.error(missingElectronMessage(problem));
    process.exit(1);
  }
  const run = spawnSync('npx', ['electron-vite', 'preview'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  process.exit(run.status ?? 1);
}
