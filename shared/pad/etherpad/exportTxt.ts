/**
 * Plain-text export, byte for byte what Etherpad 2.5.3 answers for `/p/<pad>/export/txt`
 * (rules restated from src/node/utils/ExportTxt.ts and checked against the fixture exports):
 *
 * - every line, including the pad's last (usually empty) line, is written followed by `\n`;
 *   character formatting is dropped;
 * - a list line is indented with one tab per level; bullets get `* `, indents nothing more;
 * - numbered items are counted by Etherpad itself, ignoring the `start` attribute: each level
 *   has a counter, all counters reset on any line that is not a numbered item (plain text,
 *   bullets, indents), and a nested item is written with its parents' counters: `1.2. `;
 * - one quirk kept on purpose: when a numbered line is shallower than the previous numbered
 *   line, only the previous line's level counter is reset (levels in between keep counting).
 */

import type { AttributePool } from './attributePool.js';
import type { AText } from './changeset.js';
import { atextToLines, lineText, type PadLine } from './lines.js';

/** Renders lines exactly as Etherpad's txt export renders the same pad. */
export function linesToTxt(lines: readonly PadLine[]): string {
  const out: string[] = [];
  const counters = new Map<number, number>();
  let prevNumberLevel: number | undefined;
  for (const line of lines) {
    let content = lineText(line);
    if (line.kind === 'bullet') {
      content = `* ${content}`;
    }
    if (line.kind !== 'number') {
      counters.clear();
    }
    const level = line.kind === 'bullet' || line.kind === 'number' || line.kind === 'indent' ? line.level : 0;
    if (level > 0) {
      out.push('\t'.repeat(level));
      if (line.kind === 'number') {
        if (prevNumberLevel !== undefined && level < prevNumberLevel) {
          counters.delete(prevNumberLevel);
        }
        counters.set(level, (counters.get(level) ?? 0) + 1);
        for (let parent = 1; parent < level; parent++) {
          out.push(`${counters.get(parent) ?? 0}.`);
        }
        out.push(`${counters.get(level) ?? 0}. `);
        prevNumberLevel = level;
      }
    }
    out.push(content, '\n');
  }
  return out.join('');
}

/** Etherpad's txt export of an attributed text. */
export function atextToTxt(atext: AText, pool: AttributePool): string {
  return linesToTxt(atextToLines(atext, pool));
}
