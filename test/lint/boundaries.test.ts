import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (eslint.config.js)', () => {
  it.each([
    ['shared/x.ts', "import { startCore } from '../server/core/startCore.js';\nvoid startCore;\n"],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"],
    ['shared/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['renderer/src/x.ts', "import { startCore } from '../../server/core/startCore.js';\nvoid startCore;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n"],
    ['renderer/src/x.ts', "import { x } from '../../electron/main/security.js';\nvoid x;\n"],
    ['server/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['server/x.ts', "import { x } from '../renderer/src/main.js';\nvoid x;\n"],
    ['electron/main/x.ts', "import { x } from '../../renderer/src/main.js';\nvoid x;\n"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"],
    ['renderer/src/x.ts', "import { EventEmitter } from 'events';\nvoid EventEmitter;\n"],
  ])('refuses the import in %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/x.ts', "import { padPath } from '../../shared/routes/deepLinks.js';\nvoid padPath;\n"],
    ['server/x.ts', "import { padPath } from '../shared/routes/deepLinks.js';\nvoid padPath;\n"],
    ['electron/main/x.ts', "import { startCore } from '../../server/core/startCore.js';\nvoid startCore;\n"],
    ['renderer/src/x.ts', "import { EventsView } from './events/EventsView.js';\nvoid EventsView;\n"],
  ])('allows the import in %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
