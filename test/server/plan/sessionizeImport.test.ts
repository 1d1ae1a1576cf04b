import { describe, expect, it } from 'vitest';
import { planPreviewSchema, type PlanPreview } from '../../../shared/event/importedPlan.js';
import { readPlanFile } from '../../../server/plan/planFile.js';
import { SESSIONIZE_FILE, fixtureBytes } from './fixtures.js';

const read = (json: unknown): PlanPreview =>
  readPlanFile(
    new TextEncoder().encode(typeof json === 'string' ? json : JSON.stringify(json)),
    'Europe/Berlin',
  );

describe('Sessionize import', () => {
  it('reads the "All" export: rooms, local times, speakers as hosts, category items as tags', () => {
    const preview = readPlanFile(fixtureBytes(SESSIONIZE_FILE), 'Europe/Berlin');
    expect(planPreviewSchema.parse(preview)).toEqual(preview);
    expect(preview.source.format).toBe('sessionize');
    expect(preview.complete).toBe(true);
    expect(preview.summary).toMatchObject({
      rows: 7,
      sessions: 6,
      scheduled: 5,
      proposed: 1,
      rooms: 3,
      slots: 4,
      errors: 0,
      warnings: 1,
    });
    expect(preview.rows[3]).toMatchObject({
      line: 4,
      session: null,
      problems: [
        {
          severity: 'warning',
          code: 'service-session',
          message: expect.stringContaining('"Mittagspause" is a service session'),
        },
      ],
    });
    expect(preview.plan.rooms.map((r) => r.name)).toEqual(['Plenum', 'Raum Isar', 'Raum Würm']);
    expect(preview.plan.sessions[1]).toEqual({
      title: 'Open Data im Landkreis',
      hosts: ['Mara Beispielhof', 'Jannik Probst'],
      description: 'Welche Daten gibt es schon, welche fehlen?\nMit Beispielen aus drei Gemeinden.',
      tags: ['Open Data', 'Digitale Dienste'],
      votes: null,
      room: 'Raum Isar',
      start: '2024-10-26T10:45',
      end: '2024-10-26T11:30',
      status: 'scheduled',
    });
    expect(preview.plan.sessions[2]?.description).toBe('');
    expect(preview.plan.sessions[4]).toMatchObject({
      start: '2024-10-27T10:00',
      end: '2024-10-27T10:45',
      room: 'Plenum',
    });
    expect(preview.plan.sessions[5]).toMatchObject({
      title: 'Chatbots in der Bürgerberatung',
      status: 'proposed',
      room: null,
      start: null,
    });
  });

  it('names the problem when the JSON is broken or another view was saved', () => {
    expect(read('{"sessions": [').fileProblems[0]).toMatchObject({
      code: 'invalid-json',
      message: expect.stringContaining('not valid JSON'),
    });
    expect(read([{ groupId: null, groupName: 'All', sessions: [] }]).fileProblems[0]?.message).toContain(
      '"Sessions" view',
    );
    expect(
      read([{ date: '2024-10-26T00:00:00', isDefault: true, rooms: [], timeSlots: [] }]).fileProblems[0]
        ?.message,
    ).toContain('"GridSmart"');
    expect(read([{ id: 'x', firstName: 'A', fullName: 'A B' }]).fileProblems[0]?.message).toContain(
      '"Speakers" view',
    );
    const wrong = read({ talks: [] });
    expect(wrong.complete).toBe(false);
    expect(wrong.fileProblems[0]).toMatchObject({
      code: 'sessionize-wrong-shape',
      message: expect.stringMatching(/not a Sessionize "All" export.*sessions: /),
    });
    expect(read({ sessions: 'none' }).fileProblems[0]?.code).toBe('sessionize-wrong-shape');
  });

  it('reports bad sessions one by one and converts UTC times to Berlin time', () => {
    const preview = read({
      sessions: [
        {
          id: '1',
          title: 'Gut',
          startsAt: '2024-10-26T08:45:00Z',
          endsAt: '2024-10-26T09:30:00Z',
          roomId: 7,
          speakers: ['x'],
          categoryItems: [99],
        },
        { id: '2', title: 42 },
        {
          id: '3',
          title: 'Raum fehlt',
          startsAt: '2024-10-26T10:00:00',
          endsAt: '2024-10-26T11:00:00',
          roomId: 8,
        },
        {
          id: '4',
          title: 'Rückwärts',
          startsAt: '2024-10-26T11:00:00',
          endsAt: '2024-10-26T10:00:00',
          roomId: 7,
        },
        { id: '5', title: 'Kein Ende', startsAt: '2024-10-26T11:00:00', endsAt: null, roomId: 7 },
      ],
      speakers: [],
      categories: [],
      rooms: [{ id: 7, name: 'Saal', sort: 0 }],
    });
    expect(preview.plan.sessions).toEqual([
      {
        title: 'Gut',
        hosts: [],
        description: '',
        tags: [],
        votes: null,
        room: 'Saal',
        start: '2024-10-26T10:45',
        end: '2024-10-26T11:30',
        status: 'scheduled',
      },
    ]);
    expect(preview.rows.flatMap((r) => r.problems).map((p) => [p.severity, p.code, p.column])).toEqual([
      ['warning', 'unknown-speaker', 'speakers'],
      ['warning', 'unknown-category', 'categoryItems'],
      ['error', 'sessionize-bad-field', 'title'],
      ['error', 'unknown-room', 'roomId'],
      ['error', 'end-before-start', 'endsAt'],
      ['error', 'end-missing', 'endsAt'],
    ]);
    expect(preview.rows[1]?.problems[0]?.message).toMatch(/^Session 2, field title: /);
  });
});
