import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkEtherpadFile, parseEtherpadFile, atextToTxt } from '../../../shared/pad/etherpad/index.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { runCliToEnd } from '../../helpers/cliProcess.js';
import { makeTempDir } from '../../helpers/tempDir.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/etherpad');
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('mitschrift-padcli-');
});
afterEach(() => temp.cleanup());

describe('mitschrift pad', () => {
  it(
    'imports a .etherpad file and exports txt, md, html and .etherpad (contract)',
    { timeout: 60_000 },
    async () => {
      const data = join(temp.dir, 'ws');
      const imported = await runCliToEnd([
        'pad',
        'import',
        'sess-1',
        join(FIXTURES, 'ogd-mehrautoren.etherpad'),
        '--data',
        data,
      ]);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(
        /Imported ogd-mehrautoren\.etherpad \(etherpad\) into pad sess-1: 7 revisions, 3 authors/,
      );

      const txt = await runCliToEnd(['pad', 'export', 'sess-1', '--format', 'txt', '--data', data]);
      expect(txt.code).toBe(0);
      expect(txt.stdout).toBe(readFileSync(join(FIXTURES, 'ogd-mehrautoren.txt'), 'utf8'));

      const out = join(temp.dir, 'notes.etherpad');
      const ep = await runCliToEnd([
        'pad',
        'export',
        'sess-1',
        '--format',
        'etherpad',
        '--data',
        data,
        '--out',
        out,
      ]);
      expect(ep.code).toBe(0);
      expect(ep.stderr).toContain(`Wrote ${out}.`);
      const exported = readFileSync(out, 'utf8');
      expect(checkEtherpadFile(exported)).toEqual([]);
      const parsed = parseEtherpadFile(exported);
      expect(parsed.head).toBe(6);
      expect(atextToTxt(parsed.atext, parsed.pool)).toBe(txt.stdout);

      const md = await runCliToEnd(['pad', 'export', 'sess-1', '--format', 'md', '--data', data]);
      expect(md.stdout).toContain('\\- Größte Hürde: Buchungsschlüssel');
      const html = await runCliToEnd(['pad', 'export', 'sess-1', '--format', 'html', '--data', data]);
      expect(html.stdout).toMatch(/^<!doctype html>/);

      // HTML, Markdown and text by their endings; each import is a new revision on top.
      const notes = join(temp.dir, 'notes.md');
      writeFileSync(notes, '# Neu\n\n- [x] erledigt\n');
      expect((await runCliToEnd(['pad', 'import', 'sess-1', notes, '--data', data])).code).toBe(0);
      expect((await runCliToEnd(['pad', 'export', 'sess-1', '--format', 'txt', '--data', data])).stdout).toBe(
        'Neu\n\t* [x] erledigt\n',
      );
      const again = await runCliToEnd(['pad', 'export', 'sess-1', '--format', 'etherpad', '--data', data]);
      expect(parseEtherpadFile(again.stdout).head).toBe(7);
    },
  );

  it(
    'refuses bad files, unknown formats and a served workspace, changing nothing; strips scripts from HTML',
    { timeout: 60_000 },
    async () => {
      const data = join(temp.dir, 'ws');
      expect(
        (
          await runCliToEnd([
            'pad',
            'import',
            's',
            join(FIXTURES, 'ogd-formatierung.etherpad'),
            '--data',
            data,
          ])
        ).code,
      ).toBe(0);
      const before = (await runCliToEnd(['pad', 'export', 's', '--format', 'txt', '--data', data])).stdout;

      const bad = await runCliToEnd([
        'pad',
        'import',
        's',
        join(FIXTURES, 'malformed/corrupt-changeset.etherpad'),
        '--data',
        data,
      ]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(
        /corrupt-changeset\.etherpad: The \.etherpad file cannot be imported: revision 3/,
      );
      expect(bad.stderr).toMatch(/Nothing was imported/);
      const deep = join(temp.dir, 'deep.html');
      writeFileSync(deep, '<div>'.repeat(300) + 'x');
      const nested = await runCliToEnd(['pad', 'import', 's', deep, '--data', data]);
      expect(nested.code).toBe(1);
      expect(nested.stderr).toMatch(/deep\.html: The HTML is nested more than 200 elements deep/);
      expect((await runCliToEnd(['pad', 'export', 's', '--format', 'txt', '--data', data])).stdout).toBe(
        before,
      );

      // A page with a script is imported without it, and the CLI says what it removed.
      const script = join(temp.dir, 'page.html');
      writeFileSync(script, '<p onclick="go()">hi</p><script>alert(1)</script>');
      const scripted = await runCliToEnd(['pad', 'import', 's', script, '--data', data]);
      expect(scripted.code).toBe(0);
      expect(scripted.stdout).toMatch(/^Removed: 1 script, 1 event handler\.$/m);
      expect((await runCliToEnd(['pad', 'export', 's', '--format', 'txt', '--data', data])).stdout).toBe(
        'hi\n',
      );

      const unknown = await runCliToEnd(['pad', 'import', 's', join(temp.dir, 'x.docx'), '--data', data]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/cannot tell the format of "x\.docx"/);
      expect(unknown.stderr).toMatch(/usage: mitschrift pad import SESSION FILE --data DIR/);
      const format = await runCliToEnd(['pad', 'export', 's', '--format', 'pdf', '--data', data]);
      expect(format.code).toBe(2);
      expect(
        (await runCliToEnd(['pad', 'export', 'none', '--format', 'txt', '--data', data])).stderr,
      ).toMatch(/There is no pad "none"/);

      const core = await startLoopbackCore(data);
      try {
        const locked = await runCliToEnd(['pad', 'export', 's', '--format', 'txt', '--data', data]);
        expect(locked.code).toBe(1);
        expect(locked.stderr).toMatch(/in use by another Mitschrift process/);
      } finally {
        await core.close();
      }
    },
  );
});
