import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ICON_CATEGORIES, ICONS } from '../../../../shared/sketch/library/iconCatalogue.js';
import { searchIcons } from '../../../../shared/sketch/library/iconSearch.js';
import { iconClipboard } from '../../../../shared/sketch/library/libraryItems.js';
import { pasteItems } from '../../../../shared/sketch/objects/clipboard.js';
import { groupMembers } from '../../../../shared/sketch/objects/objectEdits.js';
import { strokeGroupsMap } from '../../../../shared/sketch/objects/objectLayout.js';
import { readSketchScene } from '../../../../shared/sketch/objects/sketchScene.js';
import { idSequence } from '../objectsFixtures.js';

/** The built-in icons: enough of them, in every group, findable in German and English, placed as editable strokes. */

describe('the icon catalogue', () => {
  it('has at least 60 icons with unique ids, in every category', () => {
    expect(ICONS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ICONS.map((icon) => icon.id)).size).toBe(ICONS.length);
    for (const category of ICON_CATEGORIES) {
      expect(ICONS.filter((icon) => icon.category === category).length, category).toBeGreaterThanOrEqual(3);
    }
  });

  it('names every icon in German and English and draws it inside its box', () => {
    for (const icon of ICONS) {
      expect(icon.de.length, icon.id).toBeGreaterThanOrEqual(2);
      expect(icon.en.length, icon.id).toBeGreaterThanOrEqual(2);
      expect(icon.lines.length, icon.id).toBeGreaterThan(0);
      for (const line of icon.lines) {
        expect(line.length % 2, icon.id).toBe(0);
        expect(line.length, icon.id).toBeGreaterThanOrEqual(2);
        for (const value of line) {
          expect(Number.isFinite(value), icon.id).toBe(true);
          expect(value, icon.id).toBeGreaterThanOrEqual(-2);
          expect(value, icon.id).toBeLessThanOrEqual(102);
        }
      }
    }
  });
});

describe('searching icons', () => {
  const ids = (query: string): string[] => searchIcons(query).map((icon) => icon.id);

  it('finds by German and English keywords, whatever the interface language', () => {
    expect(ids('Idee')[0]).toBe('lightBulb');
    expect(ids('idea')[0]).toBe('lightBulb');
    expect(ids('town hall')[0]).toBe('townHall');
    expect(ids('Rathaus')[0]).toBe('townHall');
    expect(ids('Uhr')).toContain('clock');
  });

  it('ignores case, umlauts and gender colons', () => {
    expect(ids('GLUHBIRNE')).toContain('lightBulb');
    expect(ids('glühbirne')).toContain('lightBulb');
    expect(ids('Teilnehmerin')).toContain('person');
  });

  it('needs every word to match and ranks whole keywords first', () => {
    expect(ids('Pfeil')[0]).toBe('arrowRight');
    expect(ids('Pfeil links')).toEqual(['arrowLeft']);
    expect(ids('xyzzy')).toEqual([]);
    expect(searchIcons('', 'emotions').every((icon) => icon.category === 'emotions')).toBe(true);
    expect(searchIcons('').length).toBe(ICONS.length);
  });
});

describe('placing an icon', () => {
  it('pastes as one group of fineliner strokes of the asked size and colour', () => {
    const star = ICONS.find((icon) => icon.id === 'star')!;
    const text = iconClipboard(star, {
      size: 200,
      colour: '#1e88e5',
      layer: 'drawing',
      author: 'anna',
      now: 1000,
    });
    const doc = new Y.Doc();
    const result = pasteItems(doc, text, {
      at: { x: 500, y: 300 },
      newId: idSequence(),
      author: 'anna',
      now: 2000,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.rejected).toEqual([]);
    const scene = readSketchScene(doc);
    expect(scene.strokes).toHaveLength(star.lines.length);
    for (const stroke of scene.strokes) {
      expect(stroke).toMatchObject({
        brush: 'fineliner',
        colour: '#1e88e5',
        layer: 'drawing',
        author: 'anna',
      });
      expect(stroke.size).toBeCloseTo(8, 5);
      const { minX, minY, maxX, maxY } = stroke.points.summary!;
      expect(minX).toBeGreaterThanOrEqual(500 - 0.2);
      expect(minY).toBeGreaterThanOrEqual(300 - 0.2);
      expect(maxX).toBeLessThanOrEqual(700.2);
      expect(maxY).toBeLessThanOrEqual(500.2);
    }
    const groupId = strokeGroupsMap(doc).get(result.added[0]!.id);
    expect(typeof groupId).toBe('string');
    expect(groupMembers(doc, groupId as string)).toHaveLength(star.lines.length);
  });
});
