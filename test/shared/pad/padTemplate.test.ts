import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRoom, addSession, addSlot } from '../../../shared/event/eventChanges.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import { checkPadDoc, plainText } from '../../../shared/pad/padJson.js';
import {
  DEFAULT_PAD_TEMPLATE,
  readPadTemplate,
  templatePadDoc,
  templateValuesFor,
  writePadTemplate,
} from '../../../shared/pad/padTemplate.js';

describe('pad template', () => {
  it('fills title, hosts, room and time from the plan, with the default sections', () => {
    const event = new Y.Doc();
    addRoom(event, { id: 'r1', name: 'Raum A', capacity: null, order: 0 });
    addSlot(event, { id: 's1', start: '2025-06-14T14:00', end: '2025-06-14T14:45' });
    addSession(event, {
      id: 'sess1',
      title: 'Barrierefreiheit *im* Web',
      hosts: ['Leyla Yılmaz', 'Moritz Weiß'],
      cell: { roomId: 'r1', slotId: 's1' },
      createdAt: '2025-06-01T10:00:00Z',
    });
    const values = templateValuesFor(readEvent(event), 'sess1');
    expect(values).toEqual({
      title: 'Barrierefreiheit *im* Web',
      hosts: 'Leyla Yılmaz, Moritz Weiß',
      room: 'Raum A',
      time: '14.06.2025, 14:00–14:45',
    });
    const doc = templatePadDoc(readPadTemplate(event) ?? DEFAULT_PAD_TEMPLATE, values!);
    expect(checkPadDoc(doc)).toEqual([]);
    const text = plainText(doc);
    expect(text).toContain('Barrierefreiheit *im* Web');
    expect(text).toContain('Leyla Yılmaz, Moritz Weiß');
    expect(text).toContain('Raum A');
    expect(text).toContain('14:00–14:45');
    const headings = doc.content.filter((n) => n.type === 'heading').map((n) => plainText(n));
    expect(headings).toEqual([
      'Barrierefreiheit *im* Web',
      'Notizen',
      'Ergebnisse',
      'Offene Fragen',
      'Links',
    ]);
    // A line to type into under every section.
    expect(doc.content[doc.content.length - 1]?.type).toBe('paragraph');
  });

  it('keeps the event’s own template in its meta map', () => {
    const event = new Y.Doc();
    expect(readPadTemplate(event)).toBeUndefined();
    writePadTemplate(event, '## {{title}}\n\nWer: {{hosts}}');
    expect(readPadTemplate(event)).toBe('## {{title}}\n\nWer: {{hosts}}');
    writePadTemplate(event, '  ');
    expect(readPadTemplate(event)).toBeUndefined();
    expect(templateValuesFor(readEvent(event), 'none')).toBeUndefined();
  });
});
