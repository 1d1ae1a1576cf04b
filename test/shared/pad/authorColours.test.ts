import { describe, expect, it } from 'vitest';
import {
  ETHERPAD_PALETTE,
  LINK_COLOUR,
  MIN_CONTRAST,
  TEXT_COLOUR,
  caretColourFor,
  colourForUser,
  colourFromEtherpad,
  contrastRatio,
} from '../../../shared/pad/authorColours.js';
import { mulberry32 } from '../../../shared/random.js';

describe('authorship colours', () => {
  it('gives each user one stable colour that keeps text and links readable (WCAG AA)', () => {
    const random = mulberry32(7);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const id = `u${Math.floor(random() * 1e15).toString(36)}`;
      const colour = colourForUser(id);
      expect(colour).toBe(colourForUser(id));
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastRatio(colour, TEXT_COLOUR)).toBeGreaterThanOrEqual(7);
      expect(contrastRatio(colour, LINK_COLOUR)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrastRatio(caretColourFor(colour), '#ffffff')).toBeGreaterThanOrEqual(4.5);
      seen.add(colour);
    }
    expect(seen.size).toBeGreaterThan(100);
  });

  it('makes every Etherpad palette colour readable', () => {
    ETHERPAD_PALETTE.forEach((_, i) => {
      const colour = colourFromEtherpad(i, 'a.x');
      expect(contrastRatio(colour, TEXT_COLOUR)).toBeGreaterThanOrEqual(7);
      expect(contrastRatio(colour, LINK_COLOUR)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    });
    expect(colourFromEtherpad('#d722bb', 'a.x')).not.toBe('#d722bb');
    expect(colourFromEtherpad('not a colour', 'a.x')).toBe(colourForUser('a.x'));
  });
});

describe('distinct colours in one pad', () => {
  it('moves a newcomer’s colour away from hues other authors already have', async () => {
    const { distinctColour, hueOf, MIN_HUE_DISTANCE } = await import('../../../shared/pad/authorColours.js');
    const taken: string[] = [];
    // Seven authors fit 40° apart; a BarCamp session pad rarely has more writers at once.
    for (let i = 0; i < 7; i++) {
      const colour = distinctColour(`user-${i}`, taken);
      for (const other of taken) {
        const d = Math.abs(hueOf(colour) - hueOf(other)) % 360;
        expect(Math.min(d, 360 - d)).toBeGreaterThanOrEqual(MIN_HUE_DISTANCE - 3);
      }
      expect(contrastRatio(colour, TEXT_COLOUR)).toBeGreaterThanOrEqual(7);
      taken.push(colour);
    }
    // Alone in a pad, a person keeps their own colour.
    expect(distinctColour('user-x', [])).toBe(colourForUser('user-x'));
  });
});
