import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventListResponseSchema } from '../../../shared/api/contract.js';
import { eventDetailSchema, type EventDetail } from '../../../shared/api/eventContract.js';
import { runCliToEnd, startServe } from '../../helpers/cliProcess.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { PLAN_FILES, EMOJI_TITLE, SESSIONIZE_FILE, withoutEmoji } from './fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}

async function importPlan(file: string, data: string, ...extra: string[]): Promise<string> {
  const result = await runCliToEnd(['event', 'import-plan', file, '--data', data, ...extra]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const id = lastLine(result.stdout);
  expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
  return id;
}

async function show(id: string, data: string): Promise<EventDetail> {
  const result = await runCliToEnd(['event', 'show', id, '--data', data, '--json']);
  expect(result.code).toBe(0);
  return eventDetailSchema.parse(JSON.parse(result.stdout));
}

/** The fields of a session that must survive any import and export, without the ids made on import. */
function planFields(detail: EventDetail) {
  return detail.sessions.map(({ title, hosts, room, start, end, votes, tags, description, status }) => ({
    title,
    hosts,
    room,
    start,
    end,
    votes,
    tags,
    description,
    status,
  }));
}

async function eventList(data: string) {
  const result = await runCliToEnd(['event', 'list', '--data', data, '--json']);
  expect(result.code).toBe(0);
  return eventListResponseSchema.parse(JSON.parse(result.stdout)).events;
}

// Each case starts several CLI processes (about a second each); allow for a loaded CI machine.
describe('mitschrift event (CLI)', { timeout: 90_000 }, () => {
  it('lists every event usage line in --help', async () => {
    const { code, stdout } = await runCliToEnd(['--help']);
    expect(code).toBe(0);
    for (const usage of [
      'mitschrift serve [--host H] [--port P] [--data DIR]',
      'mitschrift event import-plan FILE --data DIR [--title T]',
      'mitschrift event list --data DIR [--json]',
      'mitschrift event show EVENT --data DIR [--json]',
      'mitschrift event export-plan EVENT --format csv|ics --data DIR [--out FILE]',
    ]) {
      expect(stdout).toContain(usage);
    }
  });

  it('imports each fixture shape to the same plan, lists and shows it', async () => {
    const ids = {
      utf8: await importPlan(PLAN_FILES.utf8, temp.dir, '--title', 'OGD Leipzig (UTF-8)'),
      excelUtf8: await importPlan(PLAN_FILES.excelUtf8, temp.dir, '--title', 'OGD Leipzig (Excel)'),
      excelAnsi: await importPlan(PLAN_FILES.excelAnsi, temp.dir),
    };
    const events = await eventList(temp.dir);
    expect(events.map((e) => [e.id, e.title])).toEqual([
      [ids.excelAnsi, 'ogd-leipzig-2026-sessionplan-excel-de-ansi'],
      [ids.excelUtf8, 'OGD Leipzig (Excel)'],
      [ids.utf8, 'OGD Leipzig (UTF-8)'],
    ]);

    const utf8 = await show(ids.utf8, temp.dir);
    expect(utf8).toMatchObject({
      id: ids.utf8,
      title: 'OGD Leipzig (UTF-8)',
      timeZone: 'Europe/Berlin',
      days: ['2026-06-13'],
      conflicts: [],
      problems: [],
    });
    expect(utf8.rooms.map((r) => r.name)).toEqual([
      'Festsaal',
      'Saal Nord',
      'Saal Süd',
      'Werkstatt',
      'Bibliothek',
      'Dachgarten',
    ]);
    expect(utf8.slots).toHaveLength(6);
    expect(utf8.sessions).toHaveLength(27);
    expect(utf8.sessions.filter((s) => s.status === 'scheduled')).toHaveLength(26);
    expect(utf8.sessions[0]).toMatchObject({
      title: 'Eröffnung & Sessionplanung',
      hosts: ['Orga-Team'],
      room: 'Festsaal',
      start: '2026-06-13T09:00:00+02:00',
      end: '2026-06-13T10:00:00+02:00',
      votes: null,
      tags: ['orga'],
      status: 'scheduled',
    });
    expect(utf8.sessions[1]?.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(utf8.sessions[26]).toMatchObject({
      title: EMOJI_TITLE,
      hosts: ['Ronny Pietsch'],
      room: null,
      start: null,
      end: null,
      votes: 3,
      status: 'proposed',
    });

    expect(planFields(await show(ids.excelUtf8, temp.dir))).toEqual(planFields(utf8));
    // The Windows-1252 file has no emoji (cp1252 cannot encode it): compare that one title without it.
    const ansi = planFields(await show(ids.excelAnsi, temp.dir));
    expect(ansi.map((s) => ({ ...s, title: withoutEmoji(s.title) }))).toEqual(
      planFields(utf8).map((s) => ({ ...s, title: withoutEmoji(s.title) })),
    );
  });

  it('exports csv that re-imports to an equal plan, and ics, to a file or stdout', async () => {
    const id = await importPlan(PLAN_FILES.excelUtf8, temp.dir, '--title', 'OGD Leipzig');
    const out = join(temp.dir, 'plan.csv');
    const exported = await runCliToEnd([
      'event',
      'export-plan',
      id,
      '--format',
      'csv',
      '--data',
      temp.dir,
      '--out',
      out,
    ]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe(
      'title,host,room,start,end,votes,tags,description,status',
    );
    const again = await importPlan(out, temp.dir, '--title', 'Re-import');
    expect(planFields(await show(again, temp.dir))).toEqual(planFields(await show(id, temp.dir)));

    const ics = await runCliToEnd(['event', 'export-plan', id, '--format', 'ics', '--data', temp.dir]);
    expect(ics.code).toBe(0);
    expect(ics.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.stdout.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(26);
    expect(ics.stdout).toMatch(new RegExp(`^UID:[A-Za-z0-9_-]{12}@${id}\\.mitschrift\\r$`, 'm'));
    expect(ics.stdout).toContain('DTSTART:20260613T081500Z\r\n');
  });

  it('imports a Sessionize export', async () => {
    const id = await importPlan(SESSIONIZE_FILE, temp.dir, '--title', 'Offene Verwaltung 2024');
    const detail = await show(id, temp.dir);
    expect(detail.sessions.map((s) => [s.title, s.start])).toContainEqual([
      'Sonntagsfrühstück: Was nehmen wir mit?',
      '2024-10-27T10:00:00+01:00',
    ]);
    expect(detail.days).toEqual(['2024-10-26', '2024-10-27']);
  });

  it('refuses a file with bad rows: non-zero exit, row-level messages, nothing written', async () => {
    await importPlan(PLAN_FILES.utf8, temp.dir);
    const before = await eventList(temp.dir);
    const docsBefore = readdirSync(join(temp.dir, 'docs')).sort();
    const bad = join(temp.dir, 'bad.csv');
    writeFileSync(
      bad,
      '\uFEFFTitel;Raum;Beginn;Ende;Stimmen\r\n' +
        'Gut;Raum 1;05.05.2018 10:45;05.05.2018 11:30;3\r\n' +
        'Februar;Raum 1;31.02.2018 10:00;31.02.2018 11:00;\r\n' +
        'Rückwärts;Raum 2;05.05.2018 11:00;05.05.2018 10:00;ca. 5\r\n',
    );
    const refused = await runCliToEnd(['event', 'import-plan', bad, '--data', temp.dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'error: Line 3, column "Beginn": "31.02.2018" is not a date: February 2018 has 28 days.',
    );
    expect(refused.stderr).toContain(
      'error: Line 4, column "Ende": the session ends (05.05.2018 10:00) before it starts (05.05.2018 11:00).',
    );
    expect(refused.stderr).toContain(
      'error: Line 4, column "Stimmen": "ca. 5" is not a whole number of votes.',
    );
    expect(refused.stderr).toContain('nothing was imported');
    expect(refused.stderr).toContain('--skip-bad-rows');
    expect(lastLine(refused.stdout)).not.toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(await eventList(temp.dir)).toEqual(before);
    expect(readdirSync(join(temp.dir, 'docs')).sort()).toEqual(docsBefore);

    const pipes = join(temp.dir, 'pipes.csv');
    writeFileSync(pipes, 'title|host|room\nA|B|C\n');
    const noColumns = await runCliToEnd([
      'event',
      'import-plan',
      pipes,
      '--data',
      temp.dir,
      '--skip-bad-rows',
    ]);
    expect(noColumns.code).toBe(1);
    expect(noColumns.stderr).toContain('Could not find the columns');

    const huge = join(temp.dir, 'huge.csv');
    writeFileSync(huge, Buffer.alloc(10 * 1024 * 1024, 0x61));
    const tooLarge = await runCliToEnd(['event', 'import-plan', huge, '--data', temp.dir]);
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toContain('The file is 10.0 MB; plan files may be at most 5.0 MB.');
    expect(await eventList(temp.dir)).toEqual(before);

    const skipped = await runCliToEnd(['event', 'import-plan', bad, '--data', temp.dir, '--skip-bad-rows']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('skipped: Line 3, column "Beginn"');
    expect(skipped.stdout).toContain('skipped: Line 4, column "Ende"');
    expect(skipped.stdout).toContain(
      'Imported 1 session (1 scheduled, 0 proposed, 0 cancelled) in 1 room and 1 time slot',
    );
    const id = lastLine(skipped.stdout);
    expect((await show(id, temp.dir)).sessions.map((s) => s.title)).toEqual(['Gut']);
  });

  it('refuses while serve holds the workspace; a core started later lists the CLI-made event', async () => {
    const server = await startServe(['--port', '0', '--data', temp.dir]);
    const locked = await runCliToEnd(['event', 'import-plan', PLAN_FILES.utf8, '--data', temp.dir]);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(
      /is in use by another Mitschrift process \(pid \d+ on .*http:\/\/127\.0\.0\.1:\d+/,
    );
    const lockedList = await runCliToEnd(['event', 'list', '--data', temp.dir, '--json']);
    expect(lockedList.code).toBe(1);
    expect(lockedList.stderr).toContain('is in use by another Mitschrift process');
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    const id = await importPlan(PLAN_FILES.utf8, temp.dir, '--title', 'OGD Leipzig');
    expect(existsSync(join(temp.dir, 'mitschrift.lock'))).toBe(false);
    const core = await startLoopbackCore(temp.dir);
    try {
      const headers = { Authorization: `Bearer ${core.token}` };
      const list = eventListResponseSchema.parse(
        await (await fetch(`${core.origin}/api/events`, { headers })).json(),
      );
      expect(list.events).toEqual([expect.objectContaining({ id, title: 'OGD Leipzig' })]);
      const detail = eventDetailSchema.parse(
        await (await fetch(`${core.origin}/api/events/${id}`, { headers })).json(),
      );
      expect(detail.sessions).toHaveLength(27);
    } finally {
      await core.close();
    }
  });

  it('answers unknown events and bad options clearly', async () => {
    await importPlan(PLAN_FILES.utf8, temp.dir);
    const unknown = await runCliToEnd(['event', 'show', 'nope', '--data', temp.dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no event "nope"');
    const format = await runCliToEnd(['event', 'export-plan', 'nope', '--format', 'pdf', '--data', temp.dir]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be csv, csv-excel-de or ics');
    const missing = await runCliToEnd(['event', 'list', '--data', join(temp.dir, 'missing')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no workspace at');
    expect(existsSync(join(temp.dir, 'missing'))).toBe(false);
  });
});
