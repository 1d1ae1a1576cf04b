import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WORKSPACE_DOC, docNameFor } from '../../../shared/docs/docName.js';
import { addEvent } from '../../../shared/docs/workspaceIndex.js';
import { addSession, ensureSketchId } from '../../../shared/event/eventChanges.js';
import { withWorkspace } from '../../../server/plan/storeAccess.js';
import { runCliToEnd } from '../../helpers/cliProcess.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { showcaseDoc } from '../export/exportFixtures.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
  withWorkspace(temp.dir, (access) => {
    access.change(docNameFor('event', 'barcamp'), (doc) => {
      addSession(doc, { id: 'talk', title: 'Stadtgespräch', createdAt: '2026-05-20T09:00:00Z' });
      addSession(doc, { id: 'pause', title: 'Pause', createdAt: '2026-05-20T10:00:00Z' });
      ensureSketchId(doc, 'talk');
    });
    access.change(docNameFor('sketch', 'talk'), (doc) =>
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(showcaseDoc())),
    );
    access.change(WORKSPACE_DOC, (doc) =>
      addEvent(doc, { id: 'barcamp', title: 'BarCamp 2026', createdAt: '2026-05-01T00:00:00Z' }),
    );
  });
});
afterEach(() => temp.cleanup());

// Each case starts CLI processes (about a second each); allow for a loaded machine.
describe('mitschrift sketch export-event', { timeout: 120_000 }, () => {
  it('exports every sketchnote of the event into a folder, one file per session', async () => {
    const out = join(temp.dir, 'out');
    const made = await runCliToEnd([
      'sketch',
      'export-event',
      'barcamp',
      '--format',
      'svg',
      '--data',
      temp.dir,
      '--out',
      out,
    ]);
    expect(made.code).toBe(0);
    expect(made.stderr).toContain('[1/1] Stadtgespräch');
    expect(made.stderr).toContain(`Exported 1 of 1 sketchnote of "BarCamp 2026" to ${out}.`);
    expect(readdirSync(out)).toEqual(['stadtgespraech-talk.svg']);
    expect(readFileSync(join(out, 'stadtgespraech-talk.svg'), 'utf8')).toContain('<svg');
    const shown = await runCliToEnd(['event', 'show', 'barcamp', '--data', temp.dir]);
    expect(shown.stdout).toContain('[sketch talk]');
  });

  it('refuses an unknown event, a missing --out and the excalidraw format', async () => {
    const unknown = await runCliToEnd([
      'sketch',
      'export-event',
      'nope',
      '--format',
      'pdf',
      '--data',
      temp.dir,
      '--out',
      temp.dir,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no event "nope"');
    const noOut = await runCliToEnd([
      'sketch',
      'export-event',
      'barcamp',
      '--format',
      'pdf',
      '--data',
      temp.dir,
    ]);
    expect(noOut.code).not.toBe(0);
    expect(noOut.stderr).toContain('--out DIR is needed');
    const excalidraw = await runCliToEnd([
      'sketch',
      'export-event',
      'barcamp',
      '--format',
      'excalidraw',
      '--data',
      temp.dir,
      '--out',
      temp.dir,
    ]);
    expect(excalidraw.code).not.toBe(0);
    expect(excalidraw.stderr).toContain('--format must be png, svg or pdf');
  });
});
