import { expect, it } from 'vitest';
import type { PlanPreview } from '../../../shared/event/importedPlan.js';
import { readPlanFile } from '../../../server/plan/planFile.js';
import { describeHandouts, handoutPath } from '../../helpers/sharedHandouts.js';
import { fixtureBytes, withoutEmoji } from './fixtures.js';

/**
 * Extra check with the team's handouts (../shared/fixtures/barcamp, a plan in the style of
 * #MucGov18 in three shapes): the same properties the tests check on our own plan fixtures.
 */
const SHAPES = {
  utf8: 'mucgov18-sessionplan.csv',
  excelUtf8: 'mucgov18-sessionplan-excel-de.csv',
  excelAnsi: 'mucgov18-sessionplan-excel-de-ansi.csv',
} as const;

const read = (name: string): PlanPreview =>
  readPlanFile(fixtureBytes(handoutPath('barcamp', name)), 'Europe/Berlin', 'csv');

describeHandouts('CSV import of the handouts’ BarCamp plan', () => {
  it('reads each shape cleanly: 27 rows, 26 scheduled, 1 proposal, 6 rooms, 6 slots', () => {
    const encodings = { utf8: 'utf-8', excelUtf8: 'utf-8-bom', excelAnsi: 'windows-1252' };
    for (const [shape, name] of Object.entries(SHAPES)) {
      const preview = read(name);
      expect(preview.source).toMatchObject({ encoding: encodings[shape as keyof typeof SHAPES] });
      expect(preview.fileProblems).toEqual([]);
      expect(preview.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(preview.summary).toMatchObject({ rows: 27, scheduled: 26, proposed: 1, rooms: 6, slots: 6 });
    }
  });

  it('gives the same plan from every shape (the cp1252 file without its one emoji)', () => {
    const reference = read(SHAPES.utf8).plan;
    expect(read(SHAPES.excelUtf8).plan).toEqual(reference);
    const plain = (p: PlanPreview['plan']) => p.sessions.map((s) => ({ ...s, title: withoutEmoji(s.title) }));
    expect(plain(read(SHAPES.excelAnsi).plan)).toEqual(plain(reference));
  });
});
