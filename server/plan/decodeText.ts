import type { FileProblem, PlanSource } from '../../shared/event/importedPlan.js';

/** The text of a plan file and how it was encoded. */
export interface DecodedText {
  text: string;
  encoding: NonNullable<PlanSource['encoding']>;
  problems: FileProblem[];
}

/**
 * Windows-1252 characters for the bytes 0x80-0x9F (the WHATWG table; the five unassigned bytes stay
 * as the C1 control with the same number). Node 20's TextDecoder('windows-1252') decodes this range
 * as ISO-8859-1 (so „ became U+0084), which is why the table is ours.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes Windows-1252 ("ANSI" in German Windows, what Excel's plain "CSV" writes). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const CHUNK = 8192;
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const codes = Array.from(bytes.subarray(offset, offset + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b,
    );
    text += String.fromCharCode(...codes);
  }
  return text;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Finds the encoding of a text file the way a person would expect: a byte order mark decides
 * (UTF-8, or UTF-16 as Excel's "Unicode text" writes); without one, bytes that are valid UTF-8 are
 * UTF-8 (plain ASCII included), and anything else is Windows-1252, the only other encoding German
 * spreadsheet programs write. Office files that are not text at all get a clear problem instead.
 */
export function decodePlanBytes(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return notText(
      'xlsx',
      'This is an Excel workbook (.xlsx), not a CSV file. In Excel choose "Save as" → "CSV UTF-8".',
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return notText(
      'xls',
      'This is an old Excel workbook (.xls), not a CSV file. In Excel choose "Save as" → "CSV UTF-8".',
    );
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return decodeUtf8(bytes.subarray(3), 'utf-8-bom');
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      problems: [],
    };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      problems: [],
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', problems: [] };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', problems: [] };
  }
}

function decodeUtf8(bytes: Uint8Array, encoding: 'utf-8-bom'): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding, problems: [] };
  } catch {
    // A UTF-8 mark on bytes that are not UTF-8: keep going, but say that some letters may be wrong.
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding,
      problems: [
        {
          severity: 'warning',
          code: 'invalid-utf8',
          message:
            'The file says it is UTF-8 but contains bytes that are not; those characters are shown as "\uFFFD". Check names with umlauts.',
        },
      ],
    };
  }
}

function notText(kind: string, message: string): DecodedText {
  return { text: '', encoding: 'utf-8', problems: [{ severity: 'error', code: `not-csv-${kind}`, message }] };
}
