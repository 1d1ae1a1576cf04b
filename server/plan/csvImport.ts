import type {
  FileProblem,
  ImportedSession,
  PlanField,
  PlanPreview,
  PreviewRow,
  RowProblem,
} from '../../shared/event/importedPlan.js';
import { MAX_PLAN_ROWS } from '../../shared/api/eventContract.js';
import { readCsvTable } from './csvTable.js';
import { decodePlanBytes } from './decodeText.js';
import { ENGLISH_HEADERS, expectedHeadersText, fieldForHeader } from './planColumns.js';
import { finishPreview, tooManyRows } from './planPreview.js';
import {
  parseDateTime,
  parseStatus,
  parseVotes,
  splitHosts,
  splitTags,
  unguardFormula,
  type Parsed,
} from './planValues.js';

/**
 * Reads a session plan from CSV bytes as organisers hand it over: any of UTF-8, UTF-8 with BOM,
 * UTF-16 or Windows-1252; separated by comma, semicolon or tab; with German or English headers
 * (planColumns.ts). Every data row appears in the preview with its problems; no row is dropped
 * without a problem that names its line and column.
 *
 * Row rules: a title is required. Room, start and end make a scheduled session when all three are
 * given, a proposal when none is; a room without times is a proposal (warning), times without a room
 * or only one of start and end are errors. End must be after start. An empty row is skipped with a
 * warning. Values that start with an apostrophe guarding a formula lose that apostrophe (see
 * planValues.ts, guardFormula).
 */
export function importCsvPlan(bytes: Uint8Array, timeZone: string): PlanPreview {
  const decoded = decodePlanBytes(bytes);
  const fileProblems: FileProblem[] = [...decoded.problems];
  const base = { format: 'csv' as const, bytes: bytes.length, encoding: decoded.encoding };
  if (fileProblems.some((p) => p.severity === 'error')) {
    return finishPreview({ source: base, columns: [], rows: [], fileProblems, sessions: [], timeZone });
  }
  const table = readCsvTable(
    decoded.text,
    (header) => header.filter((h) => fieldForHeader(h)).length,
    MAX_PLAN_ROWS,
  );
  const source = { ...base, delimiter: table.delimiter };
  if (table.records.length + table.errors.length > MAX_PLAN_ROWS) {
    fileProblems.push(tooManyRows('rows'));
    return finishPreview({ source, columns: [], rows: [], fileProblems, sessions: [], timeZone });
  }
  const columns = table.header.map((header) => ({
    header: header.trim(),
    field: fieldForHeader(header) ?? null,
  }));

  // Which column holds which field; a second column for the same field is reported and ignored.
  const fieldColumn = new Map<PlanField, number>();
  const unknown: string[] = [];
  columns.forEach((column, index) => {
    if (!column.field) {
      if (column.header !== '' || table.records.some((r) => (r.values[index] ?? '').trim() !== '')) {
        unknown.push(column.header === '' ? `column ${index + 1} (no header)` : `"${column.header}"`);
      }
      return;
    }
    const first = fieldColumn.get(column.field);
    if (first === undefined) {
      fieldColumn.set(column.field, index);
    } else {
      fileProblems.push({
        severity: 'warning',
        code: 'duplicate-column',
        message: `Column ${index + 1} "${column.header}" is a second ${ENGLISH_HEADERS[column.field]} column; only column ${first + 1} "${columns[first]?.header ?? ''}" is imported.`,
      });
      column.field = null;
    }
  });

  if (!fieldColumn.has('title')) {
    const found = table.header.length ? table.header.map((h) => `"${h}"`).join(', ') : 'nothing';
    fileProblems.push({
      severity: 'error',
      code: 'no-columns',
      message:
        `Could not find the columns: line ${table.headerLine} must be a header with at least a title column. ` +
        `Expected headers: ${expectedHeadersText()}, separated by a comma, semicolon or tab. ` +
        `Found ${found} (read as ${describeDelimiter(table.delimiter)}-separated).`,
    });
    return finishPreview({ source, columns, rows: [], fileProblems, sessions: [], timeZone });
  }
  if (unknown.length) {
    fileProblems.push({
      severity: 'warning',
      code: 'unknown-columns',
      message: `These columns are not imported: ${unknown.join(', ')}. Known headers: ${expectedHeadersText()}.`,
    });
  }
  if (fieldColumn.has('start') !== fieldColumn.has('end')) {
    fileProblems.push({
      severity: 'error',
      code: 'start-end-columns',
      message: `The file has a ${fieldColumn.has('start') ? 'start' : 'end'} column but no ${fieldColumn.has('start') ? 'end' : 'start'} column; a session needs both.`,
    });
  }

  const sessions: ImportedSession[] = [];
  const rows: PreviewRow[] = [];
  for (const record of table.records) {
    if (record.quoteProblem) {
      rows.push({
        line: record.line,
        values: {},
        session: null,
        problems: [
          {
            severity: 'error',
            code: 'broken-quotes',
            column: '(row)',
            message: `Line ${record.quoteProblem.line}: ${record.quoteProblem.message}`,
          },
        ],
      });
      continue;
    }
    const row = readRow(record.line, record.values, columns, fieldColumn, timeZone);
    if (row.session) {
      sessions.push(row.session);
    }
    rows.push({
      line: record.line,
      values: row.values,
      problems: row.problems,
      session: row.session ? sessions.length - 1 : null,
    });
  }
  for (const error of table.errors) {
    rows.push({
      line: error.line,
      values: {},
      session: null,
      problems: [
        {
          severity: 'error',
          code: error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed-quote' : 'unreadable-csv',
          column: '(row)',
          message: `Line ${error.line}: ${error.message}`,
        },
      ],
    });
  }
  if (table.records.length === 0 && table.errors.length === 0) {
    fileProblems.push({
      severity: 'warning',
      code: 'no-rows',
      message: 'The file has a header but no sessions.',
    });
  }
  return finishPreview({ source, columns, rows, fileProblems, sessions, timeZone });
}

function describeDelimiter(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter === ';' ? 'semicolon' : 'comma';
}

interface RowResult {
  values: Partial<Record<PlanField, string>>;
  problems: RowProblem[];
  session: ImportedSession | undefined;
}

function readRow(
  line: number,
  cells: string[],
  columns: { header: string; field: PlanField | null }[],
  fieldColumn: Map<PlanField, number>,
  timeZone: string,
): RowResult {
  const values: Partial<Record<PlanField, string>> = {};
  for (const [field, index] of fieldColumn) {
    values[field] = unguardFormula((cells[index] ?? '').trim());
  }
  const problems: RowProblem[] = [];
  const report = (
    severity: RowProblem['severity'],
    field: PlanField | '(row)',
    code: string,
    message: string,
  ): void => {
    const header =
      field === '(row)' ? '(row)' : (columns[fieldColumn.get(field) ?? -1]?.header ?? ENGLISH_HEADERS[field]);
    const where = field === '(row)' ? `Line ${line}` : `Line ${line}, column "${header}"`;
    problems.push({
      severity,
      code,
      column: header,
      ...(field === '(row)' ? {} : { field }),
      message: `${where}: ${message}`,
    });
  };

  if (cells.every((c) => c.trim() === '')) {
    report('warning', '(row)', 'empty-row', 'the row is empty and was skipped.');
    return { values, problems, session: undefined };
  }
  if (cells.length > columns.length && cells.slice(columns.length).some((c) => c.trim() !== '')) {
    report(
      'error',
      '(row)',
      'too-many-values',
      `the row has ${cells.length} values but the header has ${columns.length} columns. ` +
        'A value probably contains the separator without being in double quotes.',
    );
  } else if (cells.length < columns.length) {
    report(
      'warning',
      '(row)',
      'missing-values',
      `the row has ${cells.length} values but the header has ${columns.length} columns; the missing ones are read as empty.`,
    );
  }

  const take = <T>(field: PlanField, result: Parsed<T>): T | undefined => {
    if (!result.ok) {
      report('error', field, result.code, result.message);
      return undefined;
    }
    if (result.warning) {
      report('warning', field, result.warning.code, result.warning.message);
    }
    return result.value;
  };

  const title = values.title ?? '';
  if (title === '') {
    report('error', 'title', 'title-missing', 'the title is empty.');
  }
  const votes = take('votes', parseVotes(values.votes ?? ''));
  const status = take('status', parseStatus(values.status ?? ''));
  const room = (values.room ?? '').replace(/\s+/g, ' ');
  const startText = values.start ?? '';
  const endText = values.end ?? '';
  const start =
    startText === '' ? null : (take('start', parseDateTime(startText, timeZone, values.date)) ?? undefined);
  const end =
    endText === '' ? null : (take('end', parseDateTime(endText, timeZone, values.date)) ?? undefined);

  let placed = false;
  if (start === null && end !== null) {
    report('error', 'start', 'start-missing', 'the end is given but the start is empty.');
  } else if (end === null && start !== null) {
    report('error', 'end', 'end-missing', 'the start is given but the end is empty.');
  } else if (start && end) {
    if (end <= start) {
      report(
        'error',
        'end',
        'end-before-start',
        `the session ends (${endText}) ${end === start ? 'when' : 'before'} it starts (${startText}).`,
      );
    } else if (room === '') {
      report('error', 'room', 'room-missing', 'the session has a time but no room.');
    } else {
      placed = true;
    }
  } else if (start === null && end === null && room !== '') {
    report(
      'warning',
      'room',
      'room-without-time',
      `the session has a room (${room}) but no time; it is imported as an unscheduled proposal.`,
    );
  }

  // Problems in the order of the file's columns, row-wide ones first, as a person reads the row.
  const position = (p: RowProblem): number => (p.field ? (fieldColumn.get(p.field) ?? -1) : -1);
  problems.sort((a, b) => position(a) - position(b));
  if (problems.some((p) => p.severity === 'error')) {
    return { values, problems, session: undefined };
  }
  const scheduled = placed && start && end;
  const session: ImportedSession = {
    title,
    hosts: splitHosts(values.hosts ?? ''),
    description: values.description ?? '',
    tags: splitTags(values.tags ?? ''),
    votes: votes ?? null,
    room: scheduled ? room : null,
    start: scheduled ? start : null,
    end: scheduled ? end : null,
    status: status === 'cancelled' ? 'cancelled' : scheduled ? 'scheduled' : 'proposed',
  };
  if (status === 'scheduled' && !scheduled) {
    report(
      'warning',
      'status',
      'status-without-place',
      'the status says scheduled but the row has no room and time; it is imported as a proposal.',
    );
  } else if (status === 'proposed' && scheduled) {
    report(
      'warning',
      'status',
      'status-with-place',
      'the status says proposed but the row has a room and time; it is imported as scheduled.',
    );
  }
  return { values, problems, session };
}
