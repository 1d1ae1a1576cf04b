/**
 * The problems a `.etherpad` file can have, shared by the parser (which throws on the first) and
 * the checker (which lists all it can find), so both name a problem the same way.
 */

/** What kind of problem a `.etherpad` file has. */
export type EtherpadProblemCode =
  /** Not valid JSON (Etherpad: 500 SyntaxError). */
  | 'invalid-json'
  /** Valid JSON, but not an object of records. */
  | 'not-an-object'
  /** No `pad:<id>` record (Etherpad would create an empty pad; we refuse, see etherpadFile.ts). */
  | 'no-pad'
  /** Records of more than one pad ("unexpected pad ID in record"). */
  | 'pad-id-mismatch'
  /** A `globalAuthor:` record Etherpad refuses (padIDs not a string). */
  | 'global-author'
  /** The `pad:<id>` record is missing a field or has one of the wrong type. */
  | 'pad-record'
  /** The attribute pool breaks Etherpad's pool rules. */
  | 'pool'
  /** `savedRevisions` breaks Etherpad's rules (ascending numbers ≤ head, unique string ids). */
  | 'saved-revisions'
  /** A revision between 0 and head is missing (gap, or head beyond the last revision). */
  | 'missing-revision'
  /** A revision after head (Etherpad ignores it; we refuse, see etherpadFile.ts). */
  | 'revision-beyond-head'
  /** A revision record is missing fields or has ones of the wrong type. */
  | 'revision-record'
  /** A changeset that does not parse. */
  | 'invalid-changeset'
  /** A changeset that does not apply to the previous revision's text. */
  | 'changeset-mismatch'
  /** A changeset op whose attributes are unknown to the pool or not in canonical order. */
  | 'attribs-not-canonical'
  /** A key revision (every 100th) whose stored atext differs from the replay. */
  | 'key-revision-mismatch'
  /** The pad's atext differs from the text replayed from its revisions. */
  | 'atext-mismatch'
  /** A revision author that is not an `author` attribute in the pool. */
  | 'unknown-author'
  /** `chatHead` invalid, or a chat message 0..chatHead missing. */
  | 'chat'
  /** Larger than Etherpad's default import limit (checker only). */
  | 'too-large';

/** One problem, with the record key and revision it concerns when there is one. */
export interface EtherpadProblem {
  code: EtherpadProblemCode;
  message: string;
  key?: string;
  rev?: number;
}

/** Thrown by `parseEtherpadFile` for a file Etherpad (or we, where documented) would refuse. */
export class EtherpadFileError extends Error {
  override readonly name = 'EtherpadFileError';
  readonly code: EtherpadProblemCode;
  readonly key: string | undefined;
  readonly rev: number | undefined;

  constructor(problem: EtherpadProblem) {
    super(problem.message);
    this.code = problem.code;
    this.key = problem.key;
    this.rev = problem.rev;
  }
}

/** Etherpad 2.5.3's default `importMaxFileSize` (50 MB); larger uploads are refused. */
export const ETHERPAD_IMPORT_MAX_BYTES = 52_428_800;

/** Etherpad writes a key revision (full atext and pool) every this many revisions. */
export const KEY_REVISION_INTERVAL = 100;
