import { describe, expect, it } from 'vitest';
import {
  IMPORT_ERROR_CODES,
  IMPORT_PROBLEM_CODES,
  isKnownImportError,
  isKnownImportProblem,
} from '../../../shared/event/importProblemCodes.js';
import type { PlanPreview } from '../../../shared/event/importedPlan.js';
import { readPlanFile } from '../../../server/plan/planFile.js';

const BERLIN = 'Europe/Berlin';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function codes(preview: PlanPreview): string[] {
  return [...preview.fileProblems, ...preview.rows.flatMap((r) => r.problems)].map((p) => p.code);
}

/** Bad files of every kind a person hands over, each read the way the API reads it. */
const BAD_FILES: Array<[string, Uint8Array, 'csv' | 'sessionize' | undefined]> = [
  ['no header', utf8('foo;bar\n1;2\n'), 'csv'],
  ['only a header', utf8('Titel;Raum\n'), 'csv'],
  ['start without end column', utf8('Titel;Beginn\nA;05.12.2026 10:00\n'), 'csv'],
  ['two title columns and an unknown one', utf8('Titel;Titel;Farbe\nA;B;rot\n'), 'csv'],
  [
    'bad rows',
    utf8(
      [
        'Titel;Sessiongeber;Raum;Beginn;Ende;Stimmen;Status',
        ';Ada;Saal;05.12.2026 10:00;05.12.2026 11:00;3;',
        'A;Ada;Saal;05.12.2026 11:00;05.12.2026 10:00;;',
        'B;Ada;;05.12.2026 10:00;05.12.2026 11:00;;',
        'C;Ada;Saal;;05.12.2026 11:00;;',
        'D;Ada;Saal;05.12.2026 10:00;;;',
        'E;Ada;Saal;gestern;05.12.2026 11:00;;',
        'F;Ada;Saal;31.02.2026 10:00;31.02.2026 11:00;;',
        'G;Ada;Saal;05.12.2026 25:00;05.12.2026 26:00;;',
        'H;Ada;Saal;05.12.2026 10:00:30;05.12.2026 11:00;;',
        'I;Ada;Saal;10:00;11:00;;',
        'J;Ada;Saal;29.03.2026 02:30;29.03.2026 03:30;;',
        'K;Ada;Saal;05.12.2026 10:00;05.12.2026 11:00;viele;',
        'L;Ada;Saal;05.12.2026 10:00;05.12.2026 11:00;;vielleicht',
        'M;Ada;Saal;;;;',
        'N;Ada;;;;;geplant',
        'O;Ada;Saal;05.12.2026 10:00;05.12.2026 11:00;;vorgeschlagen',
        ';;;;;;',
        'P;Ada;Saal;05.12.2026 10:00;05.12.2026 11:00;1;geplant;zu;viel',
        'Q;Ada',
        'R;"Ada;Saal',
      ].join('\n'),
    ),
    'csv',
  ],
  ['an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), undefined],
  ['an old Excel workbook', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), undefined],
  ['broken UTF-8', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Titel\nA'), 0xff, 0x41]), 'csv'],
  ['not JSON', utf8('{"sessions": ['), 'sessionize'],
  ['the wrong JSON', utf8('{"foo": 1}'), 'sessionize'],
  [
    'Sessionize with problems',
    utf8(
      JSON.stringify({
        sessions: [
          {
            id: '1',
            title: 'Pause',
            isServiceSession: true,
            speakers: [],
            categoryItems: [],
            roomId: null,
            startsAt: null,
            endsAt: null,
          },
          {
            id: '2',
            title: '',
            speakers: ['x'],
            categoryItems: [99],
            roomId: 7,
            startsAt: '2026-12-05T10:00:00',
            endsAt: null,
          },
          {
            id: '3',
            title: 'Ok',
            speakers: [],
            categoryItems: [],
            roomId: null,
            startsAt: '2026-12-05T10:00:00',
            endsAt: '2026-12-05T11:00:00',
          },
        ],
        speakers: [],
        categories: [],
        rooms: [],
      }),
    ),
    'sessionize',
  ],
];

describe('import problem codes the UI translates', () => {
  it('knows every code the core reports for bad files', () => {
    const seen = new Set<string>();
    for (const [name, bytes, hint] of BAD_FILES) {
      const found = codes(readPlanFile(bytes, BERLIN, hint));
      expect(found.length, name).toBeGreaterThan(0);
      for (const code of found) {
        seen.add(code);
        expect(isKnownImportProblem(code), `${name}: ${code}`).toBe(true);
      }
    }
    // The bad files above reach most codes; the list is not padded with codes nobody reports.
    expect(seen.size).toBeGreaterThanOrEqual(25);
  });

  it('lists each code once', () => {
    expect(new Set(IMPORT_PROBLEM_CODES).size).toBe(IMPORT_PROBLEM_CODES.length);
    expect(isKnownImportProblem('something-new')).toBe(false);
  });

  it('knows the codes of a refused import, and nothing else', () => {
    expect(new Set(IMPORT_ERROR_CODES).size).toBe(IMPORT_ERROR_CODES.length);
    for (const code of IMPORT_ERROR_CODES) {
      expect(isKnownImportError(code)).toBe(true);
    }
    expect(isKnownImportError(undefined)).toBe(false);
    expect(isKnownImportError('Import refused: too many imports')).toBe(false);
  });
});
