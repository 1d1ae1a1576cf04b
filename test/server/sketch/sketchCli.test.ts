import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WORKSPACE_DOC, docNameFor } from '../../../shared/docs/docName.js';
import { addEvent } from '../../../shared/docs/workspaceIndex.js';
import { addSession } from '../../../shared/event/eventChanges.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import { readSketchScene } from '../../../shared/sketch/objects/sketchScene.js';
import { withWorkspace } from '../../../server/plan/storeAccess.js';
import { runCliToEnd, startServe } from '../../helpers/cliProcess.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { EXCALIDRAW_FIXTURES } from '../../shared/sketch/excalidrawFixtures.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
  // A workspace with one event and two sessions, made in-process (the lock is released after).
  withWorkspace(temp.dir, (access) => {
    access.change(docNameFor('event', 'barcamp'), (doc) => {
      addSession(doc, { id: 'keynote', title: 'Keynote: Offene Daten', createdAt: '2026-05-20T09:00:00Z' });
      addSession(doc, { id: 'workshop', title: 'Workshop', createdAt: '2026-05-20T10:00:00Z' });
    });
    access.change(WORKSPACE_DOC, (doc) =>
      addEvent(doc, { id: 'barcamp', title: 'BarCamp 2026', createdAt: '2026-05-01T00:00:00Z' }),
    );
  });
});
afterEach(() => temp.cleanup());

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';
const TALK = join(EXCALIDRAW_FIXTURES, 'talk.excalidraw');

function sessionSketchId(sessionId: string): string | undefined {
  return withWorkspace(temp.dir, (access) =>
    access.read(
      docNameFor('event', 'barcamp'),
      (doc) => readEvent(doc).sessions.find((s) => s.id === sessionId)?.sketchId,
    ),
  );
}

// Each case starts several CLI processes (about a second each); allow for a loaded CI machine.
describe('mitschrift sketch (CLI)', { timeout: 90_000 }, () => {
  it('imports a drawing as a new sketchnote of a session, exports it, and re-imports the export', async () => {
    const imported = await runCliToEnd(['sketch', 'import', 'keynote', TALK, '--data', temp.dir]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const lines = imported.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Read talk.excalidraw: Excalidraw drawing, version 2, 14 elements.');
    expect(lines).toContain(
      'Imported: 2 arrow, 1 diamond, 1 ellipse, 2 freedraw, 1 image, 1 line, 1 rectangle, 2 text.',
    );
    expect(lines).toContain('Skipped: 1 embeddable, 1 frame.');
    expect(lines).toContain('Deleted in the file (not imported): 1.');
    expect(imported.stdout).toContain('note: 1 frame not imported');
    expect(imported.stdout).toContain(
      'Made 2 strokes, 9 objects and 1 image in a new sketchnote for the session "Keynote: Offene Daten" of the event "BarCamp 2026".',
    );
    const sketchId = lastLine(imported.stdout);
    expect(sketchId).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(sessionSketchId('keynote')).toBe(sketchId);
    expect(existsSync(join(temp.dir, 'mitschrift.lock'))).toBe(false);

    const out = join(temp.dir, 'export.excalidraw');
    const exported = await runCliToEnd([
      'sketch',
      'export',
      sketchId,
      '--format',
      'excalidraw',
      '--data',
      temp.dir,
      '--out',
      out,
    ]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe('');
    expect(exported.stderr).toBe(`Wrote ${out} (11 elements).\n`);
    const file = JSON.parse(readFileSync(out, 'utf8')) as {
      type: string;
      version: number;
      elements: unknown[];
    };
    expect([file.type, file.version, file.elements.length]).toEqual(['excalidraw', 2, 11]);

    const again = await runCliToEnd(['sketch', 'import', 'workshop', out, '--data', temp.dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      'Imported: 2 arrow, 1 diamond, 1 ellipse, 2 freedraw, 1 image, 1 line, 1 rectangle, 2 text.',
    );
    const second = lastLine(again.stdout);
    const scenes = withWorkspace(temp.dir, (access) =>
      [sketchId, second].map((id) => access.read(docNameFor('sketch', id), readSketchScene)),
    );
    expect(scenes[1]!.objects).toEqual(scenes[0]!.objects);
    expect(scenes[1]!.strokes.map((s) => s.id)).toEqual(scenes[0]!.strokes.map((s) => s.id));

    // Importing again for the same session makes another sketchnote and says what became of the old one.
    const replaced = await runCliToEnd(['sketch', 'import', 'keynote', TALK, '--data', temp.dir]);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain(
      `note: the session's previous sketchnote ${sketchId} stays in the workspace`,
    );
    expect(sessionSketchId('keynote')).toBe(lastLine(replaced.stdout));

    // To stdout without --out.
    const piped = await runCliToEnd([
      'sketch',
      'export',
      sketchId,
      '--format',
      'excalidraw',
      '--data',
      temp.dir,
    ]);
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ type: 'excalidraw', version: 2 });
  });

  it('refuses bad files, unknown sessions and sketches, and bad options clearly, writing nothing', async () => {
    const badFile = await runCliToEnd([
      'sketch',
      'import',
      'keynote',
      join(EXCALIDRAW_FIXTURES, 'future-version.excalidraw'),
      '--data',
      temp.dir,
    ]);
    expect(badFile.code).toBe(1);
    expect(badFile.stderr).toContain('future-version.excalidraw: The file has version 3');
    expect(badFile.stderr).toContain('Nothing was imported.');
    expect(badFile.stdout).toBe('');

    const absurd = await runCliToEnd([
      'sketch',
      'import',
      'keynote',
      join(EXCALIDRAW_FIXTURES, 'absurd-coordinates.excalidraw'),
      '--data',
      temp.dir,
    ]);
    expect(absurd.code).toBe(1);
    expect(absurd.stderr).toContain('Element 2 ("far-away", freedraw): the x of a point is 1000000000');

    const unknown = await runCliToEnd(['sketch', 'import', 'no-such-session', TALK, '--data', temp.dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no session "no-such-session"');
    expect(sessionSketchId('keynote')).toBeUndefined();

    const huge = join(temp.dir, 'huge.excalidraw');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024 + 1, 0x20));
    const tooLarge = await runCliToEnd(['sketch', 'import', 'keynote', huge, '--data', temp.dir]);
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toContain('the file is 50.0 MB; Excalidraw files may be at most 50.0 MB');

    const noSketch = await runCliToEnd([
      'sketch',
      'export',
      'nope',
      '--format',
      'excalidraw',
      '--data',
      temp.dir,
    ]);
    expect(noSketch.code).toBe(1);
    expect(noSketch.stderr).toContain('there is no sketchnote "nope"');

    const format = await runCliToEnd(['sketch', 'export', 'nope', '--format', 'gif', '--data', temp.dir]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be png, svg, pdf or excalidraw, not "gif"');
    expect(format.stderr).toContain(
      'usage: mitschrift sketch export SKETCH --format png|svg|pdf [--dpi N] [--scale S] --data DIR --out FILE',
    );
    expect(format.stderr).toContain(
      'mitschrift sketch export SKETCH --format excalidraw --data DIR [--out FILE]',
    );

    const usage = await runCliToEnd(['sketch', 'import', 'keynote']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: mitschrift sketch import SESSION FILE --data DIR');

    const help = await runCliToEnd(['--help']);
    expect(help.stdout).toContain('mitschrift sketch import SESSION FILE --data DIR');
    expect(help.stdout).toContain(
      'mitschrift sketch export SKETCH --format excalidraw --data DIR [--out FILE]',
    );
  });

  it('refuses with the lock message while a core serves the workspace', async () => {
    const server = await startServe(['--port', '0', '--data', temp.dir]);
    try {
      const locked = await runCliToEnd(['sketch', 'import', 'keynote', TALK, '--data', temp.dir]);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(
        /is in use by another Mitschrift process \(pid \d+ on .*http:\/\/127\.0\.0\.1:\d+/,
      );
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(sessionSketchId('keynote')).toBeUndefined();
  });
});
