import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRoom, addSession, addSlot, setCancelled } from '../../../shared/event/eventChanges.js';
import type { EventSnapshot } from '../../../shared/event/eventSnapshot.js';
import type { ImportedPlan } from '../../../shared/event/importedPlan.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import { applyPlan } from '../../../server/plan/applyPlan.js';
import { exportPlanCsv } from '../../../server/plan/csvExport.js';
import { readPlanFile } from '../../../server/plan/planFile.js';
import { guardFormula, unguardFormula } from '../../../server/plan/planValues.js';
import { PLAN_FILES, fixtureBytes } from './fixtures.js';

const BERLIN = 'Europe/Berlin';

/** A deterministic random source, so ids in these tests are stable. */
function counterRandom(): (n: number) => Uint8Array {
  let next = 0;
  return (n) => Uint8Array.from({ length: n }, () => next++ % 256);
}

function snapshotOf(plan: ImportedPlan): EventSnapshot {
  const doc = new Y.Doc();
  applyPlan(doc, plan, { random: counterRandom(), now: new Date('2025-01-01T00:00:00Z') });
  return readEvent(doc);
}

function reimport(text: string): ImportedPlan {
  const preview = readPlanFile(new TextEncoder().encode(text), BERLIN, 'csv');
  expect(preview.rows.flatMap((r) => r.problems)).toEqual([]);
  expect(preview.fileProblems).toEqual([]);
  return preview.plan;
}

describe('CSV export', () => {
  const fixturePlan = readPlanFile(fixtureBytes(PLAN_FILES.utf8), BERLIN).plan;
  const snapshot = snapshotOf(fixturePlan);

  it('writes the fixture shape: every line is the fixture line plus the status column', () => {
    const csv = exportPlanCsv(snapshot, 'csv');
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(0, -2).split('\r\n');
    const fixture = readFileSync(PLAN_FILES.utf8, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(fixture.length);
    expect(lines[0]).toBe(`${fixture[0] ?? ''},status`);
    lines.slice(1).forEach((line, i) => {
      const status = i === lines.length - 2 ? 'proposed' : 'scheduled';
      expect(line).toBe(`${fixture[i + 1] ?? ''},"${status}"`);
    });
  });

  it('re-imports to the identical plan, in both shapes', () => {
    expect(reimport(exportPlanCsv(snapshot, 'csv'))).toEqual(fixturePlan);
    const excel = exportPlanCsv(snapshot, 'csv-excel-de');
    expect(
      excel.startsWith(
        '\uFEFFTitel;Sessiongeber:in;Raum;Beginn;Ende;Stimmen;Schlagworte;Beschreibung;Status\r\n',
      ),
    ).toBe(true);
    expect(excel).toContain(
      '"Offene Haushaltsdaten für alle";"Greta Lößner; Tobias Wendt";"Saal Nord";"13.06.2026 10:15";"13.06.2026 11:00";24;"opendata, haushalt";',
    );
    expect(reimport(excel)).toEqual(fixturePlan);
  });

  it('neutralises formulas with an apostrophe and gets the exact text back on re-import', () => {
    const titles = [
      '=1+2',
      '+49 89 233',
      '-Minus',
      '@home',
      "'=already guarded",
      "'apostrophe only",
      '\tTab',
      'Normal',
    ];
    const doc = new Y.Doc();
    addRoom(doc, { id: 'r1', name: '=Raum' });
    addSlot(doc, { id: 't1', start: '2018-05-05T10:45', end: '2018-05-05T11:30' });
    titles.forEach((title, i) =>
      addSession(doc, {
        id: `s${i}`,
        title,
        hosts: ['@Anna', 'Ben'],
        tags: ['-x'],
        description: 'Zeile 1\n"Zitat", Zeile 2',
        createdAt: `2025-01-01T00:00:00.00${i}Z`,
        ...(i === 0 ? { cell: { roomId: 'r1', slotId: 't1' } } : {}),
      }),
    );
    setCancelled(doc, 's0', true);
    const csv = exportPlanCsv(readEvent(doc), 'csv');
    expect(csv).toContain(`"'=1+2","'@Anna; Ben","'=Raum"`);
    expect(csv).toContain(`"'+49 89 233"`);
    expect(csv).toContain(`"'-Minus"`);
    expect(csv).toContain(`"'@home"`);
    expect(csv).toContain(`"''=already guarded"`);
    expect(csv).toContain(`"'apostrophe only"`);
    expect(csv).toContain(`"'-x"`);
    expect(csv).not.toMatch(/(^|,)"[=+\-@\t]/m);
    const back = reimport(csv);
    expect(back.sessions.map((s) => s.title)).toEqual(titles);
    expect(back.sessions[0]).toMatchObject({
      room: '=Raum',
      hosts: ['@Anna', 'Ben'],
      tags: ['-x'],
      status: 'cancelled',
      description: 'Zeile 1\n"Zitat", Zeile 2',
    });
    expect(guardFormula('=x')).toBe("'=x");
    expect(unguardFormula(guardFormula("''=x"))).toBe("''=x");
    expect(unguardFormula("'hello")).toBe("'hello");
  });
});
