import { describe, expect, it } from 'vitest';

import { de } from '../../../renderer/src/i18n/de.js';
import { fieldForHeader, GERMAN_HEADERS } from '../../../server/plan/planColumns.js';
import { GERMAN_PLAN_COLUMNS } from '../../../shared/event/planColumnLabels.js';

describe('the German plan column labels are one fact', () => {
  it('the CSV export and the import preview use the same German names', () => {
    expect(GERMAN_HEADERS).toEqual(GERMAN_PLAN_COLUMNS);
    expect(de.plan.import.field).toEqual(GERMAN_PLAN_COLUMNS);
  });

  it('import still accepts both spellings the export and the UI have used', () => {
    expect(fieldForHeader('Sessiongeber:in')).toBe('hosts');
    expect(fieldForHeader('Sessiongeber:innen')).toBe('hosts');
    for (const [field, label] of Object.entries(GERMAN_PLAN_COLUMNS)) {
      expect(fieldForHeader(label)).toBe(field);
    }
  });
});
