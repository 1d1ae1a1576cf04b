import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  planPreviewSchema,
  type ImportedSession,
  type PlanPreview,
} from '../../../shared/event/importedPlan.js';
import { decodePlanBytes, decodeWindows1252 } from '../../../server/plan/decodeText.js';
import { readPlanFile } from '../../../server/plan/planFile.js';
import { splitHosts, splitTags } from '../../../server/plan/planValues.js';
import { EMOJI_TITLE, PLAN_FILES, PLAN_SESSIONIZE_FILE, fixtureBytes, withoutEmoji } from './fixtures.js';

const BERLIN = 'Europe/Berlin';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const read = (text: string | Uint8Array): PlanPreview =>
  readPlanFile(typeof text === 'string' ? utf8(text) : text, BERLIN, 'csv');
const rowProblems = (preview: PlanPreview) => preview.rows.flatMap((r) => r.problems);
const errors = (preview: PlanPreview) => rowProblems(preview).filter((p) => p.severity === 'error');

describe('CSV import of the three fixture shapes', () => {
  const previews = {
    utf8: read(fixtureBytes(PLAN_FILES.utf8)),
    excelUtf8: read(fixtureBytes(PLAN_FILES.excelUtf8)),
    excelAnsi: read(fixtureBytes(PLAN_FILES.excelAnsi)),
  };

  it('reads each shape cleanly, detecting encoding and separator', () => {
    expect(previews.utf8.source).toEqual({ format: 'csv', bytes: 4257, encoding: 'utf-8', delimiter: ',' });
    expect(previews.excelUtf8.source).toEqual({
      format: 'csv',
      bytes: 3992,
      encoding: 'utf-8-bom',
      delimiter: ';',
    });
    expect(previews.excelAnsi.source).toEqual({
      format: 'csv',
      bytes: 3922,
      encoding: 'windows-1252',
      delimiter: ';',
    });
    for (const preview of Object.values(previews)) {
      expect(planPreviewSchema.parse(preview)).toEqual(preview);
      expect(preview.fileProblems).toEqual([]);
      expect(rowProblems(preview)).toEqual([]);
      expect(preview.complete).toBe(true);
      expect(preview.summary).toMatchObject({
        rows: 27,
        sessions: 27,
        scheduled: 26,
        proposed: 1,
        cancelled: 0,
        rooms: 6,
        slots: 6,
      });
      expect(preview.rows.map((r) => r.line)).toEqual(Array.from({ length: 27 }, (_, i) => i + 2));
      expect(preview.conflicts).toEqual([]);
    }
  });

  it('gives the same 27 sessions with identical fields from every shape', () => {
    const reference = previews.utf8.plan;
    expect(previews.excelUtf8.plan).toEqual(reference);
    // The Windows-1252 file cannot hold the emoji: `xxd` shows "Sprachassistenten;" (0x3b right
    // after the "n", no "?" or space), so Excel dropped it with its space. Every other field of every
    // session is compared exactly; that one title is compared with the emoji removed.
    const ansiLine = readFileSync(PLAN_FILES.excelAnsi)
      .toString('latin1')
      .split('\n')
      .find((l) => l.startsWith('Sächsisch'));
    expect(ansiLine?.startsWith('Sächsisch für Sprachassistenten;')).toBe(true);
    const normalised = (sessions: ImportedSession[]) =>
      sessions.map((s) => ({ ...s, title: withoutEmoji(s.title) }));
    expect(normalised(previews.excelAnsi.plan.sessions)).toEqual(normalised(reference.sessions));
    expect(
      previews.excelAnsi.plan.sessions
        .filter((s, i) => s.title !== reference.sessions[i]?.title)
        .map((s) => s.title),
    ).toEqual(['Sächsisch für Sprachassistenten']);
    expect({ ...previews.excelAnsi.plan, sessions: [] }).toEqual({ ...reference, sessions: [] });
  });

  it('reads the fields as the organisers meant them', () => {
    const { plan } = previews.excelUtf8;
    expect(plan.rooms.map((r) => r.name)).toEqual([
      'Festsaal',
      'Saal Nord',
      'Saal Süd',
      'Werkstatt',
      'Bibliothek',
      'Dachgarten',
    ]);
    expect(plan.slots.map((s) => `${s.start.slice(11)}-${s.end.slice(11)}`)).toEqual([
      '09:00-10:00',
      '10:15-11:00',
      '11:15-12:00',
      '13:00-13:45',
      '14:00-14:45',
      '15:00-15:45',
    ]);
    expect(plan.sessions[0]).toEqual({
      title: 'Eröffnung & Sessionplanung',
      hosts: ['Orga-Team'],
      description: 'Grußwort, Ablauf des Tages und Pitch der Session-Vorschläge',
      tags: ['orga'],
      votes: null,
      room: 'Festsaal',
      start: '2026-06-13T09:00',
      end: '2026-06-13T10:00',
      status: 'scheduled',
    });
    const byTitle = new Map(plan.sessions.map((s) => [s.title, s]));
    expect(byTitle.get('Amt für Statistik und Wahlen öffnet seine Daten')?.hosts).toEqual([
      'Amt für Statistik und Wahlen',
    ]);
    expect(byTitle.get('Offene Haushaltsdaten für alle')?.hosts).toEqual(['Greta Lößner', 'Tobias Wendt']);
    expect(byTitle.get('Kinder planen ihren Spielplatz')?.hosts).toEqual([
      'Emil (11 Jahre)',
      'Hort Connewitz',
    ]);
    expect(byTitle.get('Datenschutz & Transparenz – ein Widerspruch?')?.votes).toBe(20);
    expect(byTitle.get("Bürgerhaushalt – „Was wäre, wenn's klappt?“")?.room).toBe('Saal Süd');
    expect(byTitle.get('Der "Leipzig-Pass" als App')?.room).toBe('Dachgarten');
    expect(byTitle.get('Leichte Sprache in Bescheiden')?.tags).toEqual(['sprache', 'verwaltung']);
    expect(byTitle.get(EMOJI_TITLE)).toMatchObject({
      room: null,
      start: null,
      end: null,
      votes: 3,
      status: 'proposed',
    });
  });
  it('gives the same sessions from the Sessionize export of the same plan (which has no votes)', () => {
    const sessionize = readPlanFile(fixtureBytes(PLAN_SESSIONIZE_FILE), BERLIN);
    expect(sessionize.source.format).toBe('sessionize');
    expect(sessionize.complete).toBe(true);
    expect(sessionize.summary).toMatchObject({
      sessions: 27,
      scheduled: 26,
      proposed: 1,
      rooms: 6,
      slots: 6,
    });
    const reference = previews.utf8.plan;
    expect(sessionize.plan.sessions).toEqual(reference.sessions.map((s) => ({ ...s, votes: null })));
    expect(sessionize.plan.slots).toEqual(reference.slots);
    expect(sessionize.plan.rooms.map((r) => r.name)).toEqual(reference.rooms.map((r) => r.name));
  });
});

describe('CSV import of malformed files', () => {
  it('names the expected headers when the separator is wrong (pipes)', () => {
    const preview = read(
      'title|host|room|start|end\nOpen Data|Miriam|Raum 1|2018-05-05T10:45|2018-05-05T11:30\n',
    );
    expect(preview.complete).toBe(false);
    expect(preview.rows).toEqual([]);
    expect(preview.fileProblems).toHaveLength(1);
    expect(preview.fileProblems[0]).toMatchObject({ severity: 'error', code: 'no-columns' });
    const message = preview.fileProblems[0]?.message ?? '';
    expect(message).toContain('Could not find the columns');
    expect(message).toContain(
      'title (Titel), host (Sessiongeber:in), room (Raum), start (Beginn), end (Ende)',
    );
    expect(message).toContain('"title|host|room|start|end"');
  });

  it('lists unknown headers by name and still imports the known columns', () => {
    const preview = read(
      'Titel;Raumgröße;Raum;Notizen;Beginn;Ende\nOpen Data;40;Raum 1;bring Beamer;05.05.2018 10:45;05.05.2018 11:30\n',
    );
    expect(preview.fileProblems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'unknown-columns',
        message: expect.stringContaining('"Raumgröße", "Notizen"'),
      }),
    ]);
    expect(preview.complete).toBe(true);
    expect(preview.plan.sessions).toMatchObject([
      { title: 'Open Data', room: 'Raum 1', start: '2018-05-05T10:45' },
    ]);
  });

  it('reports an unterminated quote at the line where it opens, keeping the rows before it', () => {
    const preview = read(
      'Titel;Raum\nOpen Data;Raum 1\n"eAkte – stadtweit papierlos?;Raum 2\nDesign Thinking;Raum 1\n',
    );
    expect(preview.plan.sessions.map((s) => s.title)).toEqual(['Open Data']);
    expect(preview.complete).toBe(false);
    expect(preview.rows.map((r) => [r.line, r.session])).toEqual([
      [2, 0],
      [3, null],
    ]);
    expect(errors(preview)).toEqual([
      expect.objectContaining({
        code: 'unclosed-quote',
        message: expect.stringMatching(/^Line 3: .*never closed.*lines 3 to 4/),
      }),
    ]);
  });

  it('refuses a row whose quotes do not pair up instead of importing shifted values', () => {
    const preview = read(
      'title,host,room,start,end\n' +
        '"Open Data","Miriam","Raum 1","2018-05-05T10:45","2018-05-05T11:30"\n' +
        '"eAkte – stadtweit papierlos?,"Georg","Raum 2","2018-05-05T10:45","2018-05-05T11:30"\n' +
        '"Design Thinking","Eva","Raum 1","2018-05-05T11:45","2018-05-05T12:30"\n' +
        'Leo "der Jüngste" Huber,Leo,,,\n',
    );
    expect(preview.plan.sessions.map((s) => s.title)).toEqual([
      'Open Data',
      'Design Thinking',
      'Leo "der Jüngste" Huber',
    ]);
    expect(errors(preview)).toEqual([
      expect.objectContaining({
        code: 'broken-quotes',
        message: expect.stringMatching(
          /^Line 3: the double quotes do not pair up: a quoted value is closed and followed by "G"/,
        ),
      }),
    ]);
  });

  it('rejects impossible dates and times, and sessions that end before they start, naming line and column', () => {
    const preview = read(
      'Titel;Raum;Beginn;Ende\n' +
        'Februar;Raum 1;31.02.2018 10:00;31.02.2018 11:00\n' +
        'Spät;Raum 1;05.05.2018 25:00;05.05.2018 26:00\n' +
        'Rückwärts;Raum 1;05.05.2018 11:00;05.05.2018 10:00\n' +
        'Gleich;Raum 1;05.05.2018 11:00;05.05.2018 11:00\n' +
        'Unsinn;Raum 1;morgen früh;05.05.2018 11:00\n',
    );
    expect(preview.plan.sessions).toEqual([]);
    expect(errors(preview).map((p) => [p.code, p.column, p.message])).toEqual([
      [
        'impossible-date',
        'Beginn',
        'Line 2, column "Beginn": "31.02.2018" is not a date: February 2018 has 28 days.',
      ],
      [
        'impossible-date',
        'Ende',
        'Line 2, column "Ende": "31.02.2018" is not a date: February 2018 has 28 days.',
      ],
      [
        'impossible-time',
        'Beginn',
        'Line 3, column "Beginn": "25:00" is not a time of day (00:00 to 23:59).',
      ],
      ['impossible-time', 'Ende', 'Line 3, column "Ende": "26:00" is not a time of day (00:00 to 23:59).'],
      [
        'end-before-start',
        'Ende',
        'Line 4, column "Ende": the session ends (05.05.2018 10:00) before it starts (05.05.2018 11:00).',
      ],
      [
        'end-before-start',
        'Ende',
        'Line 5, column "Ende": the session ends (05.05.2018 11:00) when it starts (05.05.2018 11:00).',
      ],
      [
        'unreadable-date',
        'Beginn',
        expect.stringContaining('Line 6, column "Beginn": "morgen früh" is not a date and time'),
      ],
    ]);
  });

  it('refuses a 10 MB file at once with a message naming the limit', () => {
    const big = new Uint8Array(10 * 1024 * 1024).fill(0x61);
    const started = Date.now();
    const preview = read(big);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(preview.complete).toBe(false);
    expect(preview.fileProblems).toEqual([
      {
        severity: 'error',
        code: 'too-large',
        message: expect.stringContaining('The file is 10.0 MB; plan files may be at most 5.0 MB.'),
      },
    ]);
  });

  it('imports titles that look like formulas as the text they are', () => {
    const preview = read(
      'title,host\n=HYPERLINK("http://x.invalid";"klick"),Mallory\n+49 89 233,Anna\n-Minus,Ben\n@home,Cem\n',
    );
    expect(preview.plan.sessions.map((s) => s.title)).toEqual([
      '=HYPERLINK("http://x.invalid";"klick")',
      '+49 89 233',
      '-Minus',
      '@home',
    ]);
  });

  it('reports every other bad row with line and column, and keeps going', () => {
    const preview = read(
      'title,host,room,start,end,votes\n' +
        ',Nobody,,,,\n' +
        'Too many,A,Raum 1,2018-05-05T10:45,2018-05-05T11:30,3,extra\n' +
        'Votes,B,,,,ca. 14\n' +
        'No room,C,,2018-05-05T10:45,2018-05-05T11:30,\n' +
        'Only start,D,Raum 1,2018-05-05T10:45,,\n' +
        'Room only,E,Raum 1,,,\n' +
        ',,,,,\n' +
        'Short,F\n' +
        'Time only,G,Raum 1,10:45,11:30,\n',
    );
    expect(rowProblems(preview).map((p) => [p.severity, p.code, p.message.split(':')[0]])).toEqual([
      ['error', 'title-missing', 'Line 2, column "title"'],
      ['error', 'too-many-values', 'Line 3'],
      ['error', 'votes-not-a-number', 'Line 4, column "votes"'],
      ['error', 'room-missing', 'Line 5, column "room"'],
      ['error', 'end-missing', 'Line 6, column "end"'],
      ['warning', 'room-without-time', 'Line 7, column "room"'],
      ['warning', 'empty-row', 'Line 8'],
      ['warning', 'missing-values', 'Line 9'],
      ['error', 'time-without-date', 'Line 10, column "start"'],
      ['error', 'time-without-date', 'Line 10, column "end"'],
    ]);
    expect(preview.plan.sessions.map((s) => [s.title, s.status])).toEqual([
      ['Room only', 'proposed'],
      ['Short', 'proposed'],
    ]);
    expect(preview.rows.every((r) => r.session !== null || r.problems.length > 0)).toBe(true);
  });

  it('counts lines correctly after values that span several lines', () => {
    const preview = read('title,description\n"A","one\ntwo\nthree"\n"B",\n\n,"x"\n');
    expect(preview.rows.map((r) => r.line)).toEqual([2, 5, 6, 7]);
    expect(preview.plan.sessions[0]?.description).toBe('one\ntwo\nthree');
    expect(errors(preview)).toEqual([
      expect.objectContaining({ code: 'title-missing', message: expect.stringMatching(/^Line 7/) }),
    ]);
  });
});

describe('CSV import: separators, encodings and other shapes', () => {
  it('picks the separator by the headers it yields, ignoring separators in quotes', () => {
    expect(read('"Titel, Untertitel";Raum\nA;B\n').source.delimiter).toBe(';');
    expect(read('title\thost\tvotes\nOpen Data\tMiriam\t3\n').plan.sessions).toMatchObject([
      { title: 'Open Data', hosts: ['Miriam'], votes: 3 },
    ]);
    const withSep = read('sep=,\r\nTitel,Raum\r\nA,B\r\n');
    expect(withSep.source.delimiter).toBe(',');
    expect(withSep.rows[0]?.line).toBe(3);
  });

  it('accepts header spellings case- and space-insensitively, and a separate date column', () => {
    const preview = read(
      'SESSION-TITEL;Referent*innen;Ort;Datum;Von;Bis;Anzahl Stimmen;Stichworte;Kurzbeschreibung\n' +
        'Open Data;Miriam Daten / Polly Zahl;Raum 1;5.5.2018;10:45 Uhr;11:30;7;opendata, visualisierung;Hallo\n',
    );
    expect(preview.fileProblems).toEqual([]);
    expect(preview.plan.sessions).toEqual([
      {
        title: 'Open Data',
        hosts: ['Miriam Daten', 'Polly Zahl'],
        room: 'Raum 1',
        start: '2018-05-05T10:45',
        end: '2018-05-05T11:30',
        votes: 7,
        tags: ['opendata', 'visualisierung'],
        description: 'Hallo',
        status: 'scheduled',
      },
    ]);
  });

  it('reads ISO times with an offset or Z as instants in the event time zone', () => {
    const preview = read(
      'title,room,start,end\nA,R,2024-10-27T09:00:00Z,2024-10-27T12:00+02:00\nB,R,2024-10-26T08:45Z,2024-10-26T09:30Z\n',
    );
    expect(preview.plan.sessions.map((s) => [s.start, s.end])).toEqual([
      ['2024-10-27T10:00', '2024-10-27T11:00'],
      ['2024-10-26T10:45', '2024-10-26T11:30'],
    ]);
  });

  it('warns about a time that does not exist because of the spring change', () => {
    const preview = read('title,room,start,end\nA,R,2024-03-31T02:30,2024-03-31T03:30\n');
    expect(rowProblems(preview)).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'nonexistent-time' }),
    ]);
    expect(preview.plan.sessions).toHaveLength(1);
  });

  it('decodes Windows-1252 with its own table (Node 20 decodes 0x80-0x9F as Latin-1)', () => {
    expect(decodeWindows1252(new Uint8Array([0x84, 0x53, 0x93, 0x20, 0x80, 0x96, 0xe4, 0xdf]))).toBe(
      '„S“ €–äß',
    );
    const ansi = new Uint8Array([...utf8('Titel;Raum\n'), 0x84, 0x53, 0x61, 0x67, 0x93, 0x3b, 0x52, 0x0a]);
    expect(read(ansi).plan.sessions[0]?.title).toBe('„Sag“');
  });

  it('reads UTF-16 "Unicode text" from Excel and refuses workbooks with advice', () => {
    const text = 'Titel\tRaum\r\nÖffentliche Räume\tR\r\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const preview = read(utf16);
    expect(preview.source).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(preview.plan.sessions[0]?.title).toBe('Öffentliche Räume');
    const xlsx = read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(xlsx.fileProblems[0]?.message).toContain('Excel workbook (.xlsx)');
    expect(decodePlanBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xff])).problems[0]?.code).toBe('invalid-utf8');
  });

  it('splits hosts only on ";", " / " and line breaks, tags on ";" and ","', () => {
    expect(splitHosts('Team E- und Open Government')).toEqual(['Team E- und Open Government']);
    expect(splitHosts('Müller & Söhne; Schutz, Hanna / Leo (9 Jahre)\nAda')).toEqual([
      'Müller & Söhne',
      'Schutz, Hanna',
      'Leo (9 Jahre)',
      'Ada',
    ]);
    expect(splitHosts('IT-Referat/E-Government')).toEqual(['IT-Referat/E-Government']);
    expect(splitTags('foto; workshop,  foto ,')).toEqual(['foto', 'workshop']);
  });
});

describe('plan files with more rows than a plan has', () => {
  const header = 'title,host,room,start,end,votes,tags,description';
  const row = (i: number): string =>
    `"Session ${i}","Host ${i}","Raum ${i % 7}","2025-06-14T10:00","2025-06-14T11:00",${i % 30},a;b,"Text ${i}"`;

  it('reads 2,000 rows, and refuses 2,001 with one clear file problem and no rows', () => {
    const fits = read([header, ...Array.from({ length: 2_000 }, (_, i) => row(i))].join('\n'));
    expect(fits.summary.sessions).toBe(2_000);
    const over = read([header, ...Array.from({ length: 2_001 }, (_, i) => row(i))].join('\n'));
    expect(over.complete).toBe(false);
    expect(over.rows).toEqual([]);
    expect(over.fileProblems).toEqual([
      expect.objectContaining({
        code: 'too-many-rows',
        message: expect.stringMatching(/more than 2,000 rows/),
      }),
    ]);
  });

  it('answers a 4.8 MB CSV with a small preview instead of every row', () => {
    const lines = [header];
    for (let i = 0; lines.length < 48_000; i++) {
      lines.push(row(i));
    }
    const bytes = utf8(lines.join('\n'));
    expect(bytes.length).toBeGreaterThan(4_500_000);
    const preview = read(bytes);
    expect(preview.fileProblems.map((p) => p.code)).toEqual(['too-many-rows']);
    expect(JSON.stringify(preview).length).toBeLessThan(2_000);
  });

  it('refuses a Sessionize export with more than 2,000 sessions the same way', () => {
    const sessions = Array.from({ length: 2_001 }, (_, i) => ({ id: String(i), title: `S ${i}` }));
    const preview = readPlanFile(
      utf8(JSON.stringify({ sessions, speakers: [], categories: [], rooms: [] })),
      BERLIN,
    );
    expect(preview.fileProblems.map((p) => p.code)).toEqual(['too-many-rows']);
    expect(preview.fileProblems[0]?.message).toMatch(/more than 2,000 sessions/);
  });
});
