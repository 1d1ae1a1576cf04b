import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventDetailSchema } from '../../../shared/api/eventContract.js';
import { EXCALIDRAW_FIXTURES } from '../../shared/sketch/excalidrawFixtures.js';
import { runCliToEnd, type CliResult } from '../../helpers/cliProcess.js';
import { makeTempDir } from '../../helpers/tempDir.js';

/**
 * The built CLI (`node bin/mitschrift.js`, the bundle in out/main that `npm run build` makes) finds
 * its import worker beside the bundle and imports through it: a plan, an HTML page, a drawing.
 */

const ROOT = resolve(import.meta.dirname, '../../..');

/** Runs the built CLI to its end. */
const run = (args: string[]): Promise<CliResult> => runCliToEnd(args, { built: true });

let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir('mitschrift-built-cli-');
});

afterEach(() => {
  temp.cleanup();
});

describe('the built CLI imports through its worker', () => {
  it('has the worker in the bundle', () => {
    // `npm test` builds before it runs the tests; a bundle from before the worker existed is stale.
    expect(existsSync(resolve(ROOT, 'out/main/importWorker.js')), 'run `npm run build` first').toBe(true);
  });

  it('imports a plan, a saved web page (reporting what it removed) and a drawing', async () => {
    const data = join(temp.dir, 'ws');
    const plan = join(temp.dir, 'plan.csv');
    writeFileSync(
      plan,
      'title,host,room,start,end\nOffene Daten,Ada,Raum A,2025-06-14T14:00,2025-06-14T14:45\n',
    );
    const imported = await run(['event', 'import-plan', plan, '--data', data, '--title', 'BarCamp']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const eventId = imported.stdout.trim().split('\n').pop() ?? '';
    const shown = await run(['event', 'show', eventId, '--data', data, '--json']);
    const sessionId = eventDetailSchema.parse(JSON.parse(shown.stdout)).sessions[0]?.id ?? '';

    const page = join(temp.dir, 'seite.html');
    writeFileSync(
      page,
      '<html><head><script src="https://cdn.example/a.js"></script><style>p{}</style></head>' +
        '<body><p onclick="x()">Offene <b>Daten</b><img src="https://t.example/p.gif" alt="(Logo)"></p></body></html>',
    );
    const padImport = await run(['pad', 'import', sessionId, page, '--data', data]);
    expect(padImport.stderr).toBe('');
    expect(padImport.code).toBe(0);
    expect(padImport.stdout).toContain(`Imported seite.html (html) into pad ${sessionId}: 1 revision`);
    expect(padImport.stdout).toContain(
      'Removed: 1 script, 1 style sheet, 1 event handler, 1 reference to another host.',
    );
    const exported = await run(['pad', 'export', sessionId, '--format', 'txt', '--data', data]);
    expect(exported.stdout).toBe('Offene Daten(Logo)\n');

    const sketch = await run([
      'sketch',
      'import',
      sessionId,
      join(EXCALIDRAW_FIXTURES, 'talk.excalidraw'),
      '--data',
      data,
    ]);
    expect(sketch.stderr).toBe('');
    expect(sketch.code).toBe(0);
    expect(sketch.stdout).toMatch(/^Imported: /m);
  });

  it('refuses a broken file with the worker’s reason and exit 1', async () => {
    const data = join(temp.dir, 'ws');
    const plan = join(temp.dir, 'plan.csv');
    writeFileSync(plan, `title\n${'Session\n'.repeat(2_001)}`);
    const refused = await run(['event', 'import-plan', plan, '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The file has more than 2,000 rows');
  });
});
