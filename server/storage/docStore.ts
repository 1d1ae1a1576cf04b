import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { StoreProblem } from '../../shared/api/contract.js';
import { docNameSchema, type DocName } from '../../shared/docs/docName.js';
import {
  UpdateLogError,
  UpdateLogWriter,
  readLogFile,
  describeError,
  removeStaleTempFiles,
  writeLogAtomically,
  type LogWriteOptions,
} from './updateLog.js';

/** The file name suffix of a document's log. */
export const LOG_SUFFIX = '.ylog';

/** A document the store refuses to open because its file is damaged; the rest of the workspace works. */
export class DocUnavailableError extends Error {
  constructor(readonly problem: StoreProblem) {
    super(`Document "${problem.doc}" cannot be opened: ${problem.message}`);
    this.name = 'DocUnavailableError';
  }
}

/**
 * A loaded document whose changes cannot be written right now (disk full, I/O error): it refuses
 * new connections and HTTP changes until the core has written its state again (see SharedDoc).
 */
export class DocWriteFailedError extends DocUnavailableError {
  constructor(problem: StoreProblem) {
    super(problem);
    this.name = 'DocWriteFailedError';
    this.message = problem.message;
  }
}

/** A loaded document with its open log. */
export interface StoredDoc {
  doc: Y.Doc;
  log: UpdateLogWriter;
}

/** Reads and writes the Yjs documents of one workspace folder, one log file per document. */
export class DocStore {
  readonly docsDir: string;
  private readonly problemsByFile = new Map<string, StoreProblem>();
  /** Loaded documents whose last write failed, by document name (cleared when they recover). */
  private readonly writeFailures = new Map<DocName, StoreProblem>();

  constructor(
    readonly dataDir: string,
    private readonly options: LogWriteOptions = {},
  ) {
    this.docsDir = join(dataDir, 'docs');
    mkdirSync(this.docsDir, { recursive: true, mode: 0o700 });
  }

  /** The file that holds a document. */
  fileFor(docName: DocName): string {
    return join(this.docsDir, encodeURIComponent(docName) + LOG_SUFFIX);
  }

  /** Names of every stored document. */
  listDocNames(): DocName[] {
    const names: DocName[] = [];
    for (const entry of readdirSync(this.docsDir)) {
      if (!entry.endsWith(LOG_SUFFIX)) {
        continue;
      }
      const parsed = docNameSchema.safeParse(decodeURIComponent(entry.slice(0, -LOG_SUFFIX.length)));
      if (parsed.success) {
        names.push(parsed.data);
      }
    }
    return names.sort();
  }

  /**
   * Removes temp files of compactions a dead process left behind (ours only: `<doc>.ylog.tmp-<pid>`),
   * then reads every document file once and returns what is damaged; no log file is changed.
   */
  scan(): StoreProblem[] {
    removeStaleTempFiles(this.docsDir, LOG_SUFFIX);
    for (const name of this.listDocNames()) {
      const file = this.fileFor(name);
      try {
        const parsed = readLogFile(file);
        if (parsed.truncation) {
          this.record(
            name,
            parsed.truncation,
            'the intact part will be used; the damaged file is kept as a copy',
          );
        } else {
          applyAll(new Y.Doc(), parsed.updates, file);
        }
      } catch (error) {
        this.record(
          name,
          asLogError(error, file),
          'this document stays closed; the rest of the workspace opens',
        );
      }
    }
    return this.problems();
  }

  /** Every problem found so far, and every document that cannot be written right now. */
  problems(): StoreProblem[] {
    return [...this.problemsByFile.values(), ...this.writeFailures.values()];
  }

  /** Lists a document whose changes cannot be written (until {@link clearWriteFailure}). */
  reportWriteFailure(problem: StoreProblem & { doc: DocName }): void {
    this.writeFailures.set(problem.doc, problem);
  }

  /** A document that could not be written is written again. */
  clearWriteFailure(doc: DocName): void {
    this.writeFailures.delete(doc);
  }

  /**
   * Loads a document and opens its log for appends. A cut-off tail is repaired (the original is
   * kept as `<file>.damaged-<time>`); any other damage throws {@link DocUnavailableError}.
   */
  open(docName: DocName, options: { gc: boolean }): StoredDoc {
    const file = this.fileFor(docName);
    const doc = new Y.Doc({ gc: options.gc });
    if (existsSync(file)) {
      let parsed;
      try {
        parsed = readLogFile(file);
        applyAll(doc, parsed.updates, file);
      } catch (error) {
        const problem = this.record(
          docName,
          asLogError(error, file),
          'this document stays closed; the rest of the workspace opens',
        );
        throw new DocUnavailableError(problem);
      }
      if (parsed.truncation) {
        const backup = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        this.writeOrRefuse(docName, file, () => {
          copyFileSync(file, backup);
          writeLogAtomically(file, parsed.updates.length ? [Y.encodeStateAsUpdate(doc)] : [], this.options);
        });
        this.record(
          docName,
          parsed.truncation,
          `the intact part was kept; the damaged file was copied to ${backup}`,
        );
      }
    } else {
      this.writeOrRefuse(docName, file, () => writeLogAtomically(file, [], this.options));
    }
    return { doc, log: new UpdateLogWriter(file, this.options) };
  }

  /** Runs a write needed to open a document; if the disk refuses it, the document is not opened. */
  private writeOrRefuse(docName: DocName, file: string, write: () => void): void {
    try {
      write();
    } catch (error) {
      throw new DocWriteFailedError({
        file,
        doc: docName,
        kind: 'write-failed',
        message: `Speichern fehlgeschlagen / storage write failed (${docName}): ${describeError(error)}; the document cannot be opened until the disk takes it.`,
      });
    }
  }

  private record(doc: DocName, error: UpdateLogError, consequence: string): StoreProblem {
    const problem: StoreProblem = {
      file: error.file,
      doc,
      kind: error.kind,
      message: `${error.message}; ${consequence}.`,
    };
    this.problemsByFile.set(error.file, problem);
    return problem;
  }
}

function applyAll(doc: Y.Doc, updates: readonly Uint8Array[], file: string): void {
  const [first, ...rest] = updates;
  if (!first) {
    return;
  }
  try {
    Y.applyUpdate(doc, rest.length === 0 ? first : Y.mergeUpdates([first, ...rest]));
  } catch (error) {
    throw new UpdateLogError('corrupted', file, 0, `records are not valid Yjs updates: ${String(error)}`);
  }
}

function asLogError(error: unknown, file: string): UpdateLogError {
  if (error instanceof UpdateLogError) {
    return error;
  }
  return new UpdateLogError('corrupted', file, 0, error instanceof Error ? error.message : String(error));
}
