import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  FRAME_LAYOUTS,
  frameTemplate,
  talkHeaderTemplate,
  type TemplateStyle,
} from '../../../../shared/sketch/library/sheetTemplates.js';
import { scaledClipboard } from '../../../../shared/sketch/library/libraryItems.js';
import { pasteItems } from '../../../../shared/sketch/objects/clipboard.js';
import { objectBounds } from '../../../../shared/sketch/objects/objectBounds.js';
import { readSketchScene } from '../../../../shared/sketch/objects/sketchScene.js';
import { SHEET_SIZES } from '../../../../shared/sketch/sketchLayout.js';
import { idSequence } from '../objectsFixtures.js';

/** The built-in templates: made for the sheet they go on, valid objects, the header's text in its banner. */

const STYLE: TemplateStyle = {
  colour: '#37474f',
  accent: '#fff3b0',
  fontFamily: 'hand',
  style: 'handDrawn',
  layer: 'background',
  author: 'rec',
  now: 5000,
};

function pasted(template: { clipboard: string; at: { x: number; y: number } }) {
  const doc = new Y.Doc();
  const result = pasteItems(doc, template.clipboard, {
    at: template.at,
    newId: idSequence(),
    author: 'rec',
    now: 6000,
  });
  if (!result.ok) {
    throw new Error(result.reason);
  }
  expect(result.rejected).toEqual([]);
  return readSketchScene(doc).objects;
}

describe('the talk header', () => {
  it('puts the title in a banner at the top and the details under it, on every sheet', () => {
    for (const [format, size] of Object.entries(SHEET_SIZES)) {
      const area = { x: 0, y: 0, ...size };
      const objects = pasted(
        talkHeaderTemplate(
          area,
          { title: 'Offene Daten im Quartier', details: 'Mit Alex · Raum Elbe' },
          STYLE,
        ),
      );
      const banner = objects.find((o) => o.kind === 'banner');
      const title = objects.find((o) => o.kind === 'text' && o.text === 'Offene Daten im Quartier');
      const details = objects.find((o) => o.kind === 'text' && o.text === 'Mit Alex · Raum Elbe');
      expect(banner, format).toBeDefined();
      expect(title?.kind === 'text' && title.containerId).toBe(banner?.id);
      expect(details, format).toBeDefined();
      for (const object of objects) {
        const box = objectBounds(object);
        expect(box.x, format).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, format).toBeLessThanOrEqual(size.width);
        // The header stays in the sheet's top quarter.
        expect(box.y + box.height, format).toBeLessThanOrEqual(size.height / 4);
        expect(object.layer).toBe('background');
        expect(object.groupId).toBeDefined();
      }
      // Type grows with the sheet, as the pens do.
      if (title?.kind === 'text') {
        expect(title.fontSize, format).toBeGreaterThan(Math.min(size.width, size.height * 1.5) / 40);
      }
    }
  });

  it('leaves the details out when there are none', () => {
    const objects = pasted(
      talkHeaderTemplate({ x: 0, y: 0, ...SHEET_SIZES.a3 }, { title: 'Titel', details: ' ' }, STYLE),
    );
    expect(objects.map((o) => o.kind).sort()).toEqual(['banner', 'text']);
  });
});

describe('frames', () => {
  it('divides every sheet inside its edges and below the header', () => {
    for (const [format, size] of Object.entries(SHEET_SIZES)) {
      const area = { x: 100, y: 50, ...size };
      const header = pasted(talkHeaderTemplate(area, { title: 'T', details: 'D' }, STYLE));
      const headerBottom = Math.max(...header.map((o) => objectBounds(o).y + objectBounds(o).height));
      for (const layout of FRAME_LAYOUTS) {
        const objects = pasted(frameTemplate(layout, area, STYLE));
        expect(objects.length, `${format} ${layout}`).toBeGreaterThan(0);
        for (const object of objects) {
          const box = objectBounds(object);
          expect(box.x, `${format} ${layout}`).toBeGreaterThanOrEqual(area.x);
          expect(box.y, `${format} ${layout}`).toBeGreaterThanOrEqual(area.y);
          expect(box.x + box.width, `${format} ${layout}`).toBeLessThanOrEqual(area.x + area.width + 1);
          expect(box.y + box.height, `${format} ${layout}`).toBeLessThanOrEqual(area.y + area.height + 1);
          if (layout !== 'border') {
            expect(box.y, `${format} ${layout}`).toBeGreaterThan(headerBottom);
          }
        }
      }
    }
  });

  it('makes three columns and four fields', () => {
    const area = { x: 0, y: 0, ...SHEET_SIZES.a0 };
    expect(pasted(frameTemplate('columns', area, STYLE)).filter((o) => o.kind === 'rect')).toHaveLength(3);
    expect(pasted(frameTemplate('grid', area, STYLE)).filter((o) => o.kind === 'rect')).toHaveLength(4);
  });
});

describe('scaling saved content to another sheet', () => {
  it('scales positions, sizes, stroke widths and type', () => {
    const template = frameTemplate('columns', { x: 0, y: 0, ...SHEET_SIZES.a3 }, STYLE);
    const header = talkHeaderTemplate({ x: 0, y: 0, ...SHEET_SIZES.a3 }, { title: 'T', details: '' }, STYLE);
    const half = scaledClipboard(header.clipboard, 0.5);
    expect(half).not.toBeNull();
    const before = pasted({ clipboard: header.clipboard, at: { x: 0, y: 0 } });
    const after = pasted({ clipboard: half!, at: { x: 0, y: 0 } });
    const size = (objects: typeof before, kind: string) => objects.find((o) => o.kind === kind)!;
    expect(size(after, 'banner').w).toBeCloseTo(size(before, 'banner').w / 2, 0);
    expect(size(after, 'banner').strokeWidth).toBeCloseTo(size(before, 'banner').strokeWidth / 2, 3);
    const text = (objects: typeof before) => objects.find((o) => o.kind === 'text');
    const [t0, t1] = [text(before), text(after)];
    expect(t0?.kind === 'text' && t1?.kind === 'text' && t1.fontSize / t0.fontSize).toBeCloseTo(0.5, 1);
    expect(scaledClipboard(template.clipboard, 2)).not.toBeNull();
    expect(scaledClipboard('not json', 2)).toBeNull();
    expect(scaledClipboard('{"width":1}', 2)).toBeNull();
  });
});
