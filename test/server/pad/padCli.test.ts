import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkEtherpadFile, parseEtherpadFile, atextToTxt } from '../../../shared/pad/etherpad/index.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { runCli } from '../../helpers/cliProcess.js';
import { makeTempDir } from '../../helpers/tempDir.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/etherpad');
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('mitschrift-padcli-');
});
afterEach(() => temp.cleanup());

async function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const proc = runCli(args);
  const { code } = await proc.exited;
  return { code, out: proc.stdout(), err: proc.stderr() };
}

describe('mitschrift pad', () => {
  it(
    'imports a .etherpad file and exports txt, md, html and .etherpad (contract)',
    { timeout: 60_000 },
    async () => {
      const data = join(temp.dir, 'ws');
      const imported = await cli([
        'pad',
        'import',
        'sess-1',
        join(FIXTURES, 'ogd-mehrautoren.etherpad'),
        '--data',
        data,
      ]);
      expect(imported.err).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.out).toMatch(
        /Imported ogd-mehrautoren\.etherpad \(etherpad\) into pad sess-1: 7 revisions, 3 authors/,
      );

      const txt = await cli(['pad', 'export', 'sess-1', '--format', 'txt', '--data', data]);
      expect(txt.code).toBe(0);
      expect(txt.out).toBe(readFileSync(join(FIXTURES, 'ogd-mehrautoren.txt'), 'utf8'));

      const out = join(temp.dir, 'notes.etherpad');
      const ep = await cli(['pad', 'export', 'sess-1', '--format', 'etherpad', '--data', data, '--out', out]);
      expect(ep.code).toBe(0);
      expect(ep.err).toContain(`Wrote ${out}.`);
      const exported = readFileSync(out, 'utf8');
      expect(checkEtherpadFile(exported)).toEqual([]);
      const parsed = parseEtherpadFile(exported);
      expect(parsed.head).toBe(6);
      expect(atextToTxt(parsed.atext, parsed.pool)).toBe(txt.out);

      const md = await cli(['pad', 'export', 'sess-1', '--format', 'md', '--data', data]);
      expect(md.out).toContain('\\- Größte Hürde: Buchungsschlüssel');
      const html = await cli(['pad', 'export', 'sess-1', '--format', 'html', '--data', data]);
      expect(html.out).toMatch(/^<!doctype html>/);

      // HTML, Markdown and text by their endings; each import is a new revision on top.
      const notes = join(temp.dir, 'notes.md');
      writeFileSync(notes, '# Neu\n\n- [x] erledigt\n');
      expect((await cli(['pad', 'import', 'sess-1', notes, '--data', data])).code).toBe(0);
      expect((await cli(['pad', 'export', 'sess-1', '--format', 'txt', '--data', data])).out).toBe(
        'Neu\n\t* [x] erledigt\n',
      );
      const again = await cli(['pad', 'export', 'sess-1', '--format', 'etherpad', '--data', data]);
      expect(parseEtherpadFile(again.out).head).toBe(7);
    },
  );

  it(
    'refuses bad files, unknown formats and a served workspace, changing nothing; strips scripts from HTML',
    { timeout: 60_000 },
    async () => {
      const data = join(temp.dir, 'ws');
      expect(
        (await cli(['pad', 'import', 's', join(FIXTURES, 'ogd-formatierung.etherpad'), '--data', data])).code,
      ).toBe(0);
      const before = (await cli(['pad', 'export', 's', '--format', 'txt', '--data', data])).out;

      const bad = await cli([
        'pad',
        'import',
        's',
        join(FIXTURES, 'malformed/corrupt-changeset.etherpad'),
        '--data',
        data,
      ]);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(
        /corrupt-changeset\.etherpad: The \.etherpad file cannot be imported: revision 3/,
      );
      expect(bad.err).toMatch(/Nothing was imported/);
      const deep = join(temp.dir, 'deep.html');
      writeFileSync(deep, '<div>'.repeat(300) + 'x');
      const nested = await cli(['pad', 'import', 's', deep, '--data', data]);
      expect(nested.code).toBe(1);
      expect(nested.err).toMatch(/deep\.html: The HTML is nested more than 200 elements deep/);
      expect((await cli(['pad', 'export', 's', '--format', 'txt', '--data', data])).out).toBe(before);

      // A page with a script is imported without it, and the CLI says what it removed.
      const script = join(temp.dir, 'page.html');
      writeFileSync(script, '<p onclick="go()">hi</p><script>alert(1)</script>');
      const scripted = await cli(['pad', 'import', 's', script, '--data', data]);
      expect(scripted.code).toBe(0);
      expect(scripted.out).toMatch(/^Removed: 1 script, 1 event handler\.$/m);
      expect((await cli(['pad', 'export', 's', '--format', 'txt', '--data', data])).out).toBe('hi\n');

      const unknown = await cli(['pad', 'import', 's', join(temp.dir, 'x.docx'), '--data', data]);
      expect(unknown.code).toBe(2);
      expect(unknown.err).toMatch(/cannot tell the format of "x\.docx"/);
      expect(unknown.err).toMatch(/usage: mitschrift pad import SESSION FILE --data DIR/);
      const format = await cli(['pad', 'export', 's', '--format', 'pdf', '--data', data]);
      expect(format.code).toBe(2);
      expect((await cli(['pad', 'export', 'none', '--format', 'txt', '--data', data])).err).toMatch(
        /There is no pad "none"/,
      );

      const core = await startLoopbackCore(data);
      try {
        const locked = await cli(['pad', 'export', 's', '--format', 'txt', '--data', data]);
        expect(locked.code).toBe(1);
        expect(locked.err).toMatch(/in use by another Mitschrift process/);
      } finally {
        await core.close();
      }
    },
  );
});
