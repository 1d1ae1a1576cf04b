import pg from 'pg';
import type { CoreLogger } from '../core/coreTypes.js';
import {
  eventTokensJson,
  parseEventTokens,
  type TokenEdit,
  type TokenRecord,
} from '../storage/eventTokenStore.js';
import { describeError } from '../storage/updateLog.js';
import { redactUrl } from './pgDocs.js';

/** The row of `mitschrift_settings` that holds every join link, as the workspace file's JSON. */
const KEY = 'event-tokens';
/** The PostgreSQL notification channel: "the join links changed, read them again". */
const JOIN_LINKS_CHANNEL = 'mitschrift_join_links';
/** Where a problem with the stored links is said to be. */
const WHERE = `PostgreSQL (mitschrift_settings, key "${KEY}")`;
/** Reconnecting the listener after a lost connection: first wait, doubled up to the cap, with jitter. */
const LISTEN_RETRY_MS = { first: 250, max: 5000 };

const SCHEMA = `CREATE TABLE IF NOT EXISTS mitschrift_settings (key text PRIMARY KEY, value text NOT NULL);`;

/**
 * The join links of a scaled-out workspace in PostgreSQL, shared by every node and by the CLI
 * (`mitschrift event share|tokens|revoke|rename-token --postgres URL`). The links are one JSON
 * value, the same the single core keeps in `<data>/event-tokens.json`, changed with the same edits
 * (server/storage/eventTokenStore.ts) in a transaction that locks the row; the transaction also
 * sends a notification (LISTEN/NOTIFY) that every node receives after the commit, so a link made on
 * one node works on all of them at once and a revoked one is closed on all of them at once.
 * PostgreSQL rather than Redis carries the notice because it is sent in the same transaction as
 * the change: no node can hear of a change that was not committed, and the CLI needs one URL.
 */
export class PgJoinLinks {
  private listener: pg.Client | undefined;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly logger: CoreLogger,
  ) {}

  /** Connects and makes sure the settings table exists; the message names the server when it cannot. */
  static async connect(url: string, logger: CoreLogger): Promise<PgJoinLinks> {
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000 });
    pool.on('error', (error) => logger.warn(`PostgreSQL connection lost (join links): ${error.message}`));
    try {
      await pool.query(SCHEMA);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new Error(`PostgreSQL at ${redactUrl(url)} cannot be reached: ${describeError(error)}`, {
        cause: error,
      });
    }
    return new PgJoinLinks(pool, url, logger);
  }

  /** Every join link; throws EventTokenStoreError when the stored value is not what the core writes. */
  async read(): Promise<TokenRecord[]> {
    const result = await this.pool.query<{ value: string }>(
      'SELECT value FROM mitschrift_settings WHERE key = $1',
      [KEY],
    );
    const value = result.rows[0]?.value;
    return value === undefined ? [] : parseEventTokens(value, WHERE);
  }

  /**
   * Applies an edit in one transaction (the row locked, so two nodes never interleave), notifies
   * every listener on commit, and returns the edit's result with the new list.
   */
  async change<T>(edit: TokenEdit<T>): Promise<{ result: T; tokens: TokenRecord[] }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        await client.query(
          'INSERT INTO mitschrift_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
          [KEY, eventTokensJson([])],
        );
        const current = await client.query<{ value: string }>(
          'SELECT value FROM mitschrift_settings WHERE key = $1 FOR UPDATE',
          [KEY],
        );
        const { tokens, result } = edit(
          parseEventTokens(current.rows[0]?.value ?? eventTokensJson([]), WHERE),
        );
        await client.query('UPDATE mitschrift_settings SET value = $2 WHERE key = $1', [
          KEY,
          eventTokensJson(tokens),
        ]);
        await client.query('SELECT pg_notify($1, $2)', [JOIN_LINKS_CHANNEL, String(tokens.length)]);
        await client.query('COMMIT');
        return { result, tokens };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      client.release();
    }
  }

  /**
   * Calls `onChange` whenever any process changed the links (the payload is not trusted: the
   * listener reads the links again), and once after every reconnect, since notifications sent while
   * the connection was down are lost. Reconnects with backoff and jitter; never throws.
   */
  async listen(onChange: () => void): Promise<void> {
    let wait = LISTEN_RETRY_MS.first;
    while (!this.closed) {
      const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 10_000 });
      try {
        const lost = new Promise<void>((resolve) => {
          client.on('error', (error) => {
            this.logger.warn(`Join-link notifications from PostgreSQL lost: ${error.message}`);
            resolve();
          });
          client.on('end', () => resolve());
        });
        client.on('notification', (message) => {
          if (message.channel === JOIN_LINKS_CHANNEL) {
            onChange();
          }
        });
        await client.connect();
        await client.query(`LISTEN ${JOIN_LINKS_CHANNEL}`);
        this.listener = client;
        wait = LISTEN_RETRY_MS.first;
        onChange();
        await lost;
      } catch (error) {
        if (!this.closed) {
          this.logger.warn(`Join-link notifications from PostgreSQL unavailable: ${describeError(error)}`);
        }
      } finally {
        this.listener = undefined;
        await client.end().catch(() => undefined);
      }
      if (!this.closed) {
        await new Promise((resolve) => setTimeout(resolve, wait / 2 + Math.random() * wait).unref());
        wait = Math.min(LISTEN_RETRY_MS.max, wait * 2);
      }
    }
  }

  /** Stops listening and closes the connections. */
  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
