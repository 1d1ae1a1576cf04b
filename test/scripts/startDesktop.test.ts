import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinaryProblem, missingElectronMessage } from '../../scripts/startDesktop.js';
import { makeTempDir } from '../helpers/tempDir.js';

describe('npm start without the Electron binary', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => temp?.cleanup());

  it('names each missing piece, and accepts a complete install', () => {
    temp = makeTempDir('electron-pkg');
    const dir = join(temp.dir, 'electron');
    expect(electronBinaryProblem(dir)).toMatch(/not installed/);
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(electronBinaryProblem(dir)).toMatch(/never downloaded/);
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(electronBinaryProblem(dir)).toMatch(/binary .* is missing/);
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(electronBinaryProblem(dir)).toBeNull();
  });

  it('tells the next step and the browser alternative', () => {
    const message = missingElectronMessage('the Electron binary was never downloaded.');
    expect(message).toContain('node node_modules/electron/install.js');
    expect(message).toContain('npm run serve');
  });
});
