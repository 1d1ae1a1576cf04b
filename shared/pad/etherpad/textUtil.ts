/** Small string helpers shared by the Etherpad codec. */

/** Shortens a string for an error message, so a 20 MB input never ends up in one. */
export function preview(s: string, max = 40): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length} characters)`;
}

/** Counts `\n` in `text[start, end)` without copying the slice (documents can be megabytes). */
export function countNewlines(text: string, start = 0, end = text.length): number {
  // A plain loop, not indexOf: indexOf would run on past `end` to the next newline, which turns
  // many small ranges in one long line into quadratic work.
  let n = 0;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      n++;
    }
  }
  return n;
}
