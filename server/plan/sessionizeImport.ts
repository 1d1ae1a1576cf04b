import { z } from 'zod';
import type {
  FileProblem,
  ImportedSession,
  PlanField,
  PlanPreview,
  PreviewRow,
  RowProblem,
} from '../../shared/event/importedPlan.js';
import { MAX_PLAN_ROWS } from '../../shared/api/eventContract.js';
import { failedPreview, finishPreview, tooManyRows } from './planPreview.js';
import { parseDateTime } from './planValues.js';

/**
 * Reads a Sessionize "All" export: the public JSON at `https://sessionize.com/api/v2/{id}/view/All`,
 * saved to a file. Shape (only the fields used here are required; the rest is ignored):
 *
 *   { sessions: [{ id, title, description|null, startsAt|null, endsAt|null, isServiceSession,
 *                  isPlenumSession, speakers: [speakerId], categoryItems: [itemId], roomId|null }],
 *     speakers: [{ id, firstName, lastName, fullName }],
 *     categories: [{ id, title, items: [{ id, name }] }],
 *     rooms: [{ id, name, sort }] }
 *
 * Times without an offset are the event's local time; with `Z` or an offset they are converted to
 * it (integrations disagree on which one Sessionize sends). Speakers become hosts (full names), category
 * items become tags. Service sessions (breaks, registration) are not sessions of a BarCamp plan and
 * are listed as skipped. Sessionize has no votes.
 */

const idLike = z.union([z.string(), z.number()]).transform(String);

const sessionSchema = z.looseObject({
  id: idLike,
  title: z.string(),
  description: z.string().nullable().optional(),
  startsAt: z.string().nullable().optional(),
  endsAt: z.string().nullable().optional(),
  isServiceSession: z.boolean().optional(),
  isPlenumSession: z.boolean().optional(),
  speakers: z.array(z.union([idLike, z.looseObject({ id: idLike })])).optional(),
  categoryItems: z.array(idLike).optional(),
  roomId: idLike.nullable().optional(),
});

const speakerSchema = z.looseObject({
  id: idLike,
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  fullName: z.string().nullable().optional(),
});

const categorySchema = z.looseObject({
  id: idLike,
  title: z.string().optional(),
  items: z.array(z.looseObject({ id: idLike, name: z.string() })).optional(),
});

const roomSchema = z.looseObject({ id: idLike, name: z.string(), sort: z.number().optional() });

const allViewSchema = z.looseObject({
  sessions: z.array(z.unknown()),
  speakers: z.array(speakerSchema).optional(),
  categories: z.array(categorySchema).optional(),
  rooms: z.array(roomSchema).optional(),
});

/** Reads Sessionize JSON bytes into a preview (see the file comment for the shape). */
export function importSessionizePlan(bytes: Uint8Array, timeZone: string): PlanPreview {
  const source = { format: 'sessionize' as const, bytes: bytes.length };
  const fileError = (code: string, message: string): PlanPreview =>
    failedPreview(source, timeZone, [{ severity: 'error', code, message }]);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch (error) {
    return fileError(
      'invalid-json',
      `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const wrongView = recogniseOtherView(json);
  if (wrongView) {
    return fileError('sessionize-wrong-view', wrongView);
  }
  const parsed = allViewSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    return fileError(
      'sessionize-wrong-shape',
      'This is not a Sessionize "All" export (…/api/v2/{id}/view/All): expected an object with sessions, speakers, ' +
        `categories and rooms. Problems: ${issues.join('; ')}.`,
    );
  }
  const all = parsed.data;
  if (all.sessions.length > MAX_PLAN_ROWS) {
    return failedPreview(source, timeZone, [tooManyRows('sessions')]);
  }
  const speakers = new Map(
    (all.speakers ?? []).map((s) => [
      s.id,
      (s.fullName ?? `${s.firstName ?? ''} ${s.lastName ?? ''}`).trim(),
    ]),
  );
  const items = new Map(
    (all.categories ?? []).flatMap((c) => (c.items ?? []).map((i) => [i.id, i.name] as const)),
  );
  const rooms = [...(all.rooms ?? [])].sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0));
  const roomNames = new Map(rooms.map((r) => [r.id, r.name.trim()]));

  const fileProblems: FileProblem[] = [];
  const sessions: ImportedSession[] = [];
  const rows: PreviewRow[] = all.sessions.map((raw, index) => {
    const row = readSession(raw, index, { speakers, items, roomNames, timeZone });
    if (row.session) {
      sessions.push(row.session);
    }
    return {
      line: index + 1,
      values: row.values,
      problems: row.problems,
      session: row.session ? sessions.length - 1 : null,
    };
  });
  if (all.sessions.length === 0) {
    fileProblems.push({ severity: 'warning', code: 'no-rows', message: 'The export has no sessions.' });
  }
  return finishPreview({
    source,
    columns: [],
    rows,
    fileProblems,
    sessions,
    timeZone,
    rooms: rooms.map((r) => ({ name: r.name.trim(), capacity: null })).filter((r) => r.name !== ''),
  });
}

interface Lookups {
  speakers: Map<string, string>;
  items: Map<string, string>;
  roomNames: Map<string, string>;
  timeZone: string;
}

function readSession(
  raw: unknown,
  index: number,
  lookups: Lookups,
): {
  values: Partial<Record<PlanField, string>>;
  problems: RowProblem[];
  session: ImportedSession | undefined;
} {
  const problems: RowProblem[] = [];
  const parsed = sessionSchema.safeParse(raw);
  const label = (id?: string): string => `Session ${index + 1}${id ? ` (id ${id})` : ''}`;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? '(session)');
      problems.push({
        severity: 'error',
        code: 'sessionize-bad-field',
        column,
        message: `${label()}, field ${issue.path.join('.') || '(session)'}: ${issue.message}.`,
      });
    }
    return { values: {}, problems, session: undefined };
  }
  const s = parsed.data;
  const report = (
    severity: RowProblem['severity'],
    column: string,
    field: PlanField | undefined,
    code: string,
    text: string,
  ): void => {
    problems.push({
      severity,
      code,
      column,
      ...(field ? { field } : {}),
      message: `${label(s.id)}, field ${column}: ${text}`,
    });
  };
  const hosts: string[] = [];
  for (const speaker of s.speakers ?? []) {
    const id = typeof speaker === 'string' ? speaker : speaker.id;
    const name = lookups.speakers.get(id);
    if (name) {
      hosts.push(name);
    } else {
      report(
        'warning',
        'speakers',
        'hosts',
        'unknown-speaker',
        `speaker ${id} is not in the speakers list and is left out.`,
      );
    }
  }
  const tags: string[] = [];
  for (const itemId of s.categoryItems ?? []) {
    const name = lookups.items.get(itemId);
    if (name) {
      tags.push(name.trim());
    } else {
      report(
        'warning',
        'categoryItems',
        'tags',
        'unknown-category',
        `category item ${itemId} is not in the categories list and is left out.`,
      );
    }
  }
  const room = s.roomId === null || s.roomId === undefined ? '' : (lookups.roomNames.get(s.roomId) ?? '');
  const values: Partial<Record<PlanField, string>> = {
    title: s.title,
    hosts: hosts.join('; '),
    room,
    start: s.startsAt ?? '',
    end: s.endsAt ?? '',
    tags: tags.join('; '),
    description: s.description ?? '',
  };
  if (s.isServiceSession) {
    report(
      'warning',
      'isServiceSession',
      undefined,
      'service-session',
      `"${s.title}" is a service session (a break or registration) and is not imported.`,
    );
    return { values, problems, session: undefined };
  }
  if (s.title.trim() === '') {
    report('error', 'title', 'title', 'title-missing', 'the title is empty.');
  }
  if (s.roomId !== null && s.roomId !== undefined && room === '') {
    report('error', 'roomId', 'room', 'unknown-room', `room ${s.roomId} is not in the rooms list.`);
  }
  const time = (
    column: 'startsAt' | 'endsAt',
    field: 'start' | 'end',
    text: string | null | undefined,
  ): string | null | undefined => {
    if (!text) {
      return null;
    }
    const result = parseDateTime(text, lookups.timeZone);
    if (!result.ok) {
      report('error', column, field, result.code, result.message);
      return undefined;
    }
    return result.value;
  };
  const start = time('startsAt', 'start', s.startsAt);
  const end = time('endsAt', 'end', s.endsAt);
  if (start && end === null) {
    report('error', 'endsAt', 'end', 'end-missing', 'the session has a start but no end.');
  } else if (end && start === null) {
    report('error', 'startsAt', 'start', 'start-missing', 'the session has an end but no start.');
  } else if (start && end && end <= start) {
    report(
      'error',
      'endsAt',
      'end',
      'end-before-start',
      `the session ends (${s.endsAt ?? ''}) before it starts (${s.startsAt ?? ''}).`,
    );
  }
  const scheduled = Boolean(start && end && room);
  if (start && end && !room && !problems.some((p) => p.severity === 'error')) {
    report(
      'warning',
      'roomId',
      'room',
      'time-without-room',
      'the session has a time but no room; it is imported as an unscheduled proposal.',
    );
  }
  if (problems.some((p) => p.severity === 'error')) {
    return { values, problems, session: undefined };
  }
  return {
    values,
    problems,
    session: {
      title: s.title.trim(),
      hosts: [...new Set(hosts)],
      description: (s.description ?? '').trim(),
      tags: [...new Set(tags.filter(Boolean))],
      votes: null,
      room: scheduled ? room : null,
      start: scheduled ? (start ?? null) : null,
      end: scheduled ? (end ?? null) : null,
      status: scheduled ? 'scheduled' : 'proposed',
    },
  };
}

/** Names the other Sessionize views, whose JSON people save by mistake, with the way to the right one. */
function recogniseOtherView(json: unknown): string | undefined {
  if (!Array.isArray(json)) {
    return undefined;
  }
  const first: unknown = json[0];
  if (typeof first !== 'object' || first === null) {
    return undefined;
  }
  const hint = 'Export the "All" view instead: https://sessionize.com/api/v2/{id}/view/All.';
  if ('groupName' in first && 'sessions' in first) {
    return `This is the Sessionize "Sessions" view, which has no rooms list or speaker names. ${hint}`;
  }
  if ('timeSlots' in first && 'rooms' in first) {
    return `This is the Sessionize "GridSmart" view. ${hint}`;
  }
  if ('fullName' in first || 'firstName' in first) {
    return `This is the Sessionize "Speakers" view, which has no sessions. ${hint}`;
  }
  return undefined;
}
