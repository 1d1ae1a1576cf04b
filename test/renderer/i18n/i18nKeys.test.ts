import { describe, expect, it } from 'vitest';
import { de } from '../../../renderer/src/i18n/de.js';
import { en } from '../../../renderer/src/i18n/en.js';
import { IMPORT_ERROR_CODES } from '../../../shared/event/importProblemCodes.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a resource tree as a dotted key with its text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') {
      out.set(path, value);
    } else {
      for (const [leaf, text] of leaves(value, path)) {
        out.set(leaf, text);
      }
    }
  }
  return out;
}

/** The {{placeholders}} a text interpolates, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('UI texts', () => {
  const german = leaves(de);
  const english = leaves(en);

  it('has exactly the same keys in German and English', () => {
    expect([...english.keys()].sort()).toEqual([...german.keys()].sort());
    expect(german.size).toBeGreaterThan(50);
  });

  it('has no empty text', () => {
    for (const [language, texts] of [
      ['de', german],
      ['en', english],
    ] as const) {
      const empty = [...texts].filter(([, text]) => text.trim() === '').map(([key]) => `${language}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...german]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('has a text in both languages for every code of a refused import', () => {
    const missing = IMPORT_ERROR_CODES.filter(
      (code) => !german.has(`plan.import.error.${code}`) || !english.has(`plan.import.error.${code}`),
    );
    expect(missing).toEqual([]);
  });
});
