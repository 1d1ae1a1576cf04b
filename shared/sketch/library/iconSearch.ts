import { ICONS, type IconCategory, type IconDefinition } from './iconCatalogue.js';

/**
 * Lower case, without accents and umlaut dots ("Glühbirne" finds "gluhbirne" and "glühbirne"),
 * ß as ss, gender colons and hyphens as nothing, so "Teilnehmerin" finds "Teilnehmer:in".
 */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[:\-*_]/g, '');
}

/** The folded keywords of each icon, German and English together. */
const folded = new Map<string, string[]>(ICONS.map((icon) => [icon.id, [...icon.de, ...icon.en].map(fold)]));

/** How well one query word matches an icon's keywords: 3 a whole keyword, 2 a word's start, 1 inside, 0 not. */
function wordScore(word: string, keywords: readonly string[]): number {
  let best = 0;
  for (const keyword of keywords) {
    if (keyword === word) {
      return 3;
    }
    if (keyword.startsWith(word) || keyword.split(' ').some((part) => part.startsWith(word))) {
      best = Math.max(best, 2);
    } else if (word.length >= 3 && keyword.includes(word)) {
      best = Math.max(best, 1);
    }
  }
  return best;
}

/**
 * The icons that match a search, best first (then in catalogue order), in German or English
 * whatever the interface language: every word of the query must match a keyword (whole, at a
 * word's start, or inside it from three letters on). An empty query lists every icon of
 * `category` (or all).
 */
export function searchIcons(query: string, category?: IconCategory): IconDefinition[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const pool = category ? ICONS.filter((icon) => icon.category === category) : ICONS;
  if (words.length === 0) {
    return [...pool];
  }
  const scored: Array<{ icon: IconDefinition; score: number; index: number }> = [];
  pool.forEach((icon, index) => {
    const keywords = folded.get(icon.id) ?? [];
    let score = 0;
    for (const word of words) {
      const s = wordScore(word, keywords);
      if (s === 0) {
        return;
      }
      score += s;
    }
    scored.push({ icon, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map(({ icon }) => icon);
}
