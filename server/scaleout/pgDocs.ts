import pg from 'pg';
import * as Y from 'yjs';
import type { DocName } from '../../shared/docs/docName.js';
import type { CoreLogger } from '../core/coreTypes.js';
import { describeError } from '../storage/updateLog.js';

/** At most this many updates go into one INSERT (a group commit). */
const MAX_BATCH_ROWS = 500;
/** ...or this many bytes. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * The tables. `mitschrift_updates` is append-only: one row per Yjs update, committed before anyone
 * sees the update. A compaction merges a document's rows into `mitschrift_documents.snapshot` and
 * deletes exactly the rows it merged, in one transaction. `mitschrift_settings` holds what every
 * node must agree on (the access tokens).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS mitschrift_documents (
  name text PRIMARY KEY,
  snapshot bytea,
  compacted_at timestamptz
);
CREATE TABLE IF NOT EXISTS mitschrift_updates (
  id bigserial PRIMARY KEY,
  doc text NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS mitschrift_updates_doc ON mitschrift_updates (doc, id);
CREATE TABLE IF NOT EXISTS mitschrift_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);`;

/** Advisory lock key that serialises schema creation between nodes starting at once. */
const SCHEMA_LOCK = 7_303_001;

interface Pending {
  doc: DocName;
  data: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The documents in PostgreSQL (node-postgres, pure JS). Appends from all documents of this node
 * are group-committed: while one INSERT runs, the next updates queue and go in the next one, so a
 * burst costs a few round trips, and each update's promise settles when its row is committed.
 */
export class PgDocs {
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private writing = false;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly logger: CoreLogger,
  ) {}

  /** Connects, creates the tables if missing and checks that the database answers. */
  static async connect(url: string, logger: CoreLogger): Promise<PgDocs> {
    const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 10_000 });
    // An idle client whose server went away emits here; without a listener it would end the process.
    pool.on('error', (error) => logger.warn(`PostgreSQL connection lost: ${error.message}`));
    const client = await pool.connect().catch(async (error: unknown) => {
      await pool.end().catch(() => undefined);
      throw new Error(`PostgreSQL at ${redactUrl(url)} cannot be reached: ${describeError(error)}`, {
        cause: error,
      });
    });
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      try {
        await client.query(SCHEMA);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
      }
    } finally {
      client.release();
    }
    return new PgDocs(pool, logger);
  }

  /**
   * Everything stored of a document: its snapshot and its rows since, read in one statement (so a
   * compaction committing meanwhile cannot make rows disappear between two reads).
   */
  async load(doc: DocName): Promise<Uint8Array[]> {
    const result = await this.pool.query<{ data: Buffer }>(
      `SELECT snapshot AS data, 0 AS id FROM mitschrift_documents WHERE name = $1 AND snapshot IS NOT NULL
       UNION ALL SELECT data, id FROM mitschrift_updates WHERE doc = $1 ORDER BY id`,
      [doc],
    );
    return result.rows.map((row) => new Uint8Array(row.data));
  }

  /** Queues an update; the promise settles when its row is committed (or the INSERT failed). */
  append(doc: DocName, data: Uint8Array): Promise<void> {
    if (this.closed) {
      return Promise.reject(new Error('the PostgreSQL storage is closed'));
    }
    const written = new Promise<void>((resolve, reject) => {
      this.queue.push({ doc, data, resolve, reject });
    });
    this.inFlight.add(written);
    const forget = (): void => {
      this.inFlight.delete(written);
    };
    written.then(forget, forget);
    this.writeNext();
    return written;
  }

  /** Resolves once every update queued so far is committed; rejects if one of them failed. */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private writeNext(): void {
    if (this.writing || this.queue.length === 0) {
      return;
    }
    this.writing = true;
    const batch: Pending[] = [];
    let bytes = 0;
    while (
      this.queue.length > 0 &&
      batch.length < MAX_BATCH_ROWS &&
      (batch.length === 0 || bytes < MAX_BATCH_BYTES)
    ) {
      const next = this.queue.shift() as Pending;
      batch.push(next);
      bytes += next.data.byteLength;
    }
    const names = batch.map((p) => p.doc);
    const datas = batch.map((p) => Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength));
    this.pool
      .query(
        `WITH known AS (
           INSERT INTO mitschrift_documents (name) SELECT DISTINCT n FROM unnest($1::text[]) AS n
           ON CONFLICT (name) DO NOTHING
         )
         INSERT INTO mitschrift_updates (doc, data) SELECT * FROM unnest($1::text[], $2::bytea[])`,
        [names, datas],
      )
      .then(
        () => {
          for (const p of batch) {
            p.resolve();
          }
        },
        (error: unknown) => {
          for (const p of batch) {
            p.reject(error);
          }
        },
      )
      .finally(() => {
        this.writing = false;
        this.writeNext();
      });
  }

  /**
   * Merges a document's rows into its snapshot: reads the snapshot (locking it against another
   * node's compaction) and every row, writes the merged state and deletes exactly the rows read.
   * Rows committed meanwhile stay for the next compaction, so no node's update can be lost.
   */
  async compact(doc: DocName, gc: boolean): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const head = await client.query<{ snapshot: Buffer | null }>(
        'SELECT snapshot FROM mitschrift_documents WHERE name = $1 FOR UPDATE',
        [doc],
      );
      const rows = await client.query<{ id: string; data: Buffer }>(
        'SELECT id, data FROM mitschrift_updates WHERE doc = $1 ORDER BY id',
        [doc],
      );
      if (head.rows.length === 0 || rows.rows.length < 2) {
        await client.query('ROLLBACK');
        return;
      }
      const merged = new Y.Doc({ gc });
      const snapshot = head.rows[0]?.snapshot;
      if (snapshot) {
        Y.applyUpdate(merged, new Uint8Array(snapshot));
      }
      for (const row of rows.rows) {
        Y.applyUpdate(merged, new Uint8Array(row.data));
      }
      const state = Buffer.from(Y.encodeStateAsUpdate(merged));
      merged.destroy();
      await client.query(
        'UPDATE mitschrift_documents SET snapshot = $2, compacted_at = now() WHERE name = $1',
        [doc, state],
      );
      await client.query('DELETE FROM mitschrift_updates WHERE id = ANY($1::bigint[])', [
        rows.rows.map((row) => row.id),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Whether a document has anything stored. */
  async exists(doc: DocName): Promise<boolean> {
    const result = await this.pool.query('SELECT 1 FROM mitschrift_documents WHERE name = $1', [doc]);
    return result.rows.length > 0;
  }

  /** A value every node shares: the stored one, or `make()`'s, stored by whichever node came first. */
  async setting(key: string, make: () => string): Promise<string> {
    await this.pool.query(
      'INSERT INTO mitschrift_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
      [key, make()],
    );
    const result = await this.pool.query<{ value: string }>(
      'SELECT value FROM mitschrift_settings WHERE key = $1',
      [key],
    );
    const value = result.rows[0]?.value;
    if (value === undefined) {
      throw new Error(`setting ${key} could not be stored`);
    }
    return value;
  }

  /** Waits for queued appends, then closes the connections. */
  async close(): Promise<void> {
    this.closed = true;
    await this.settle().catch((error: unknown) =>
      this.logger.error(`Updates could not be written to PostgreSQL at shutdown: ${describeError(error)}`),
    );
    await this.pool.end();
  }
}

/** A connection URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '(an unreadable URL)';
  }
}
