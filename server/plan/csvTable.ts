import { parse, type CsvError } from 'csv-parse/sync';

/** The column separators a plan file may use. */
type Delimiter = ',' | ';' | '\t';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** One record of a CSV file with the line it starts on. */
interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted value may span lines). */
  line: number;
  /** Line where it ends. */
  endLine: number;
  values: string[];
  /** Set when the record's double quotes do not pair up, so its values cannot be trusted. */
  quoteProblem?: { line: number; message: string };
}

/** A part of the file that could not be read as records at all. */
interface CsvTableError {
  line: number;
  endLine: number;
  code: string;
  message: string;
}

/** A CSV file split into its header and records. */
export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  /** Line of the header (2 when an Excel `sep=;` line comes first). */
  headerLine: number;
  records: CsvRecord[];
  errors: CsvTableError[];
}

/** Splits one line into fields at `delimiter`, honouring double quotes (for guessing only). */
function splitLine(line: string, delimiter: Delimiter): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        current += ch;
      }
    } else if (ch === '"' && current.trim() === '') {
      quoted = true;
    } else if (ch === delimiter) {
      fields.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  fields.push(current);
  return fields;
}

/** The first record's text: up to the first line break outside double quotes. */
function firstRecordText(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      quoted = !quoted;
    } else if (ch === '\n' && !quoted) {
      return text.slice(0, i);
    }
  }
  return text;
}

/**
 * Picks the separator of a header line: the one that yields the most recognised column names
 * (`score`), then the one that yields the most columns. Separators inside quotes do not count, so
 * a quoted header "Titel, Untertitel" does not make a comma file.
 */
function detectDelimiter(headerLine: string, score: (header: string[]) => number): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  let bestColumns = 0;
  for (const delimiter of DELIMITERS) {
    const fields = splitLine(headerLine, delimiter);
    const s = score(fields);
    if (s > bestScore || (s === bestScore && fields.length > bestColumns)) {
      best = delimiter;
      bestScore = s;
      bestColumns = fields.length;
    }
  }
  return best;
}

function asRawRecord(value: unknown): { record: string[]; raw: string } {
  if (typeof value === 'object' && value !== null && 'record' in value && 'raw' in value) {
    const { record, raw } = value;
    if (Array.isArray(record) && record.every((v) => typeof v === 'string') && typeof raw === 'string') {
      return { record, raw };
    }
  }
  throw new Error(
    'csv-parse returned records without raw text; the option "raw" is not supported by this version.',
  );
}

/**
 * Checks a record's raw text against RFC 4180 quoting: after the quote that closes a quoted value
 * only the separator or the line end may follow. csv-parse (with relax_quotes, so that quotes inside
 * unquoted values stay text as in Excel) reads such a row anyway, into shifted, garbled values; this
 * finds it so the row can be refused with a clear message instead. Blanks after the quote are allowed.
 */
function checkQuotes(
  raw: string,
  delimiter: Delimiter,
  firstLine: number,
): { line: number; message: string } | undefined {
  let line = firstLine;
  let inQuotes = false;
  let afterClose = false;
  let atFieldStart = true;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (inQuotes) {
      if (ch === '"' && raw[i + 1] === '"') {
        i++;
      } else if (ch === '"') {
        inQuotes = false;
        afterClose = true;
      } else if (ch === '\n') {
        line++;
      }
    } else if (afterClose) {
      if (ch === delimiter || ch === '\n') {
        afterClose = false;
        atFieldStart = true;
      } else if (ch !== ' ' && ch !== '\t') {
        const context = raw.slice(Math.max(0, i - 30), i + 10).replace(/\n/g, ' ');
        return {
          line,
          message:
            `the double quotes do not pair up: a quoted value is closed and followed by "${ch}" (near …${context}…). ` +
            'Close each quoted value right before the separator, and double a quote ("") that belongs to the text.',
        };
      }
    } else {
      inQuotes = ch === '"' && atFieldStart;
      atFieldStart = ch === delimiter || ch === '\n';
    }
  }
  return undefined;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    n++;
  }
  return n;
}

/**
 * Reads CSV text with csv-parse. Line breaks are normalised to "\n" first (files mix CRLF, LF and
 * old Mac CR), quotes inside unquoted values are kept as text (as Excel does), and rows may have
 * more or fewer values than the header (the caller reports that per row). The one thing that
 * cannot be read is a quote that is never closed: it swallows the rest of the file, and is
 * reported with the line where it opened.
 */
export function readCsvTable(
  rawText: string,
  score: (header: string[]) => number,
  maxRecords = Number.POSITIVE_INFINITY,
): CsvTable {
  let text = rawText.replace(/\r\n?/g, '\n');
  let headerLine = 1;
  let forced: Delimiter | undefined;
  const sep = /^sep=(.)\n/i.exec(text);
  if (sep && DELIMITERS.includes(sep[1] as Delimiter)) {
    // Excel's hint line "sep=;" names the separator and is not the header.
    forced = sep[1] as Delimiter;
    text = text.slice(sep[0].length);
    headerLine = 2;
  }
  const delimiter = forced ?? detectDelimiter(firstRecordText(text), score);
  const errors: CsvTableError[] = [];
  const skipped: { raw: string; error: CsvError | undefined }[] = [];
  const output: unknown[] = parse(text, {
    delimiter,
    record_delimiter: '\n',
    info: true,
    raw: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    // Stop reading after the header and maxRecords + 1 records: enough to tell the file is too long.
    ...(Number.isFinite(maxRecords) ? { to: maxRecords + 2 } : {}),
    on_skip: (error, raw) => {
      skipped.push({ raw: raw ?? '', error });
      return undefined;
    },
  });
  // With `info` and `raw`, csv-parse returns {record, raw, info} objects; its types do not say so.
  const parsed = output.map(asRawRecord);
  // The raw texts of all records, in order, add up to the whole text: count lines from them.
  let line = headerLine;
  const records: CsvRecord[] = [];
  for (const { record, raw } of parsed) {
    const lines = countNewlines(raw.endsWith('\n') ? raw.slice(0, -1) : raw);
    const quoteProblem = checkQuotes(raw, delimiter, line);
    records.push({ line, endLine: line + lines, values: record, ...(quoteProblem ? { quoteProblem } : {}) });
    line += countNewlines(raw);
  }
  for (const { raw, error } of skipped) {
    const lines = countNewlines(raw.endsWith('\n') ? raw.slice(0, -1) : raw);
    const endLine = line + lines;
    errors.push({
      line,
      endLine,
      code: error?.code ?? 'CSV_ERROR',
      message:
        error?.code === 'CSV_QUOTE_NOT_CLOSED'
          ? `a value opens a double quote (") that is never closed, so lines ${line} to ${endLine} (the rest of the file) ` +
            'were read as one value. Close the quote, or double it ("") if it belongs to the text.'
          : `this part of the file could not be read as CSV (${error?.message ?? 'unknown error'}).`,
    });
    line = endLine + 1;
  }
  const [header, ...rest] = records;
  return { delimiter, header: header?.values ?? [], headerLine, records: rest, errors };
}
