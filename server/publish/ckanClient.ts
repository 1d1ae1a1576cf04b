import { z } from 'zod';

/**
 * A small client of CKAN's Action API v3 (2.9 to 2.12): `POST <portal>/api/3/action/<name>` with
 * JSON, or multipart with flat string fields and the file as `upload`; the raw API token in the
 * `Authorization` header (CKAN wants no "Bearer"). CKAN answers errors with 403/404/409/400 and a
 * JSON body, a proxy with 413 and HTML: the body is read whatever the status and turned into a
 * plain-words {@link CkanError}. Network errors, 5xx and 429 are retried with exponential backoff
 * and jitter; nothing else is. The token never appears in a message.
 */

/** A CKAN answer that is an error, in plain words (`kind` for callers, `status` as received). */
export class CkanError extends Error {
  constructor(
    message: string,
    readonly kind: 'permission' | 'validation' | 'too-large' | 'not-found' | 'unreachable' | 'portal',
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'CkanError';
  }
}

/** A publish that was cancelled (its client's signal aborted); nothing more is sent. */
export class PublishCancelledError extends Error {
  constructor() {
    super('Publishing was cancelled; what was sent before stays on the portal, a new publish resumes.');
    this.name = 'PublishCancelledError';
  }
}

const envelopeSchema = z.object({
  success: z.boolean(),
  result: z.unknown().optional(),
  error: z.record(z.string(), z.unknown()).optional(),
});

/** What the client needs. */
export interface CkanClientOptions {
  portal: string;
  token: string;
  /** Attempts per call for retryable failures (default 5). */
  attempts?: number;
  /** First backoff in ms (doubled each time, with jitter; default 500). */
  backoffMs?: number;
  /** Per-request time limit in ms (default 60 s). */
  timeoutMs?: number;
  /** Aborting stops the request in flight and every later one ({@link PublishCancelledError}). */
  signal?: AbortSignal;
}

function validationText(error: Record<string, unknown>): string {
  return Object.entries(error)
    .filter(([key]) => key !== '__type')
    .map(
      ([field, value]) =>
        `${field}: ${Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ') : String(value)}`,
    )
    .join('; ');
}

/** Whether a failure may be retried (network, 5xx, 429). */
function retryable(error: unknown): boolean {
  return (
    error instanceof CkanError &&
    (error.kind === 'unreachable' || (error.status !== null && (error.status >= 500 || error.status === 429)))
  );
}

/** The Action API of one portal with one token. */
export class CkanClient {
  readonly portal: string;
  private readonly token: string;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly timeoutMs: number;
  private readonly signal: AbortSignal | undefined;

  constructor(options: CkanClientOptions) {
    const url = new URL(options.portal);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new CkanError(`The portal address must be http(s), not "${url.protocol}".`, 'portal', null);
    }
    this.portal = url.href.replace(/\/+$/, '');
    this.token = options.token;
    this.attempts = options.attempts ?? 5;
    this.backoffMs = options.backoffMs ?? 500;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.signal = options.signal;
  }

  /** Throws {@link PublishCancelledError} once the client's signal has aborted. */
  checkCancelled(): void {
    if (this.signal?.aborted) {
      throw new PublishCancelledError();
    }
  }

  /**
   * Calls an action, retrying what may be retried. `beforeRetry` runs before each retry (a create
   * re-reads the dataset first, as the first attempt may have been done with its answer lost) and
   * may end the call with a value.
   */
  async call<T = unknown>(
    action: string,
    body: Record<string, unknown> | FormData,
    beforeRetry?: () => Promise<{ done: true; value: T } | { done: false }>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      this.checkCancelled();
      try {
        return (await this.once(action, body)) as T;
      } catch (error) {
        this.checkCancelled();
        if (!retryable(error) || attempt >= this.attempts) {
          throw error;
        }
        const delay = this.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random());
        await new Promise((resolve) => setTimeout(resolve, delay));
        this.checkCancelled();
        if (beforeRetry) {
          const check = await beforeRetry();
          if (check.done) {
            return check.value;
          }
        }
      }
    }
  }

  private async once(action: string, body: Record<string, unknown> | FormData): Promise<unknown> {
    const isForm = body instanceof FormData;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.portal}/api/3/action/${action}`, {
        method: 'POST',
        headers: { Authorization: this.token, ...(isForm ? {} : { 'Content-Type': 'application/json' }) },
        body: isForm ? body : JSON.stringify(body),
        redirect: 'manual',
        signal: this.signal
          ? AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.signal])
          : AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const reason =
        error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error);
      throw new CkanError(
        `The portal ${this.portal} cannot be reached (${reason.replaceAll(this.token, '…')}).`,
        'unreachable',
        null,
      );
    }
    const status = response.status;
    if (status === 413) {
      throw new CkanError(
        'The file is too large for the portal (its web server refused the upload, 413).',
        'too-large',
        413,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CkanError(
        `The portal answered ${action} with ${status} and no CKAN answer (is ${this.portal} a CKAN portal?).`,
        'portal',
        status,
      );
    }
    if (typeof json === 'string') {
      throw new CkanError(`The portal refused ${action}: ${json}`, 'portal', status);
    }
    const parsed = envelopeSchema.safeParse(json);
    if (!parsed.success) {
      throw new CkanError(
        `The portal answered ${action} with ${status} and a body that is not CKAN's.`,
        'portal',
        status,
      );
    }
    if (parsed.data.success && status < 300) {
      return parsed.data.result;
    }
    const error = parsed.data.error ?? {};
    const type = typeof error.__type === 'string' ? error.__type : '';
    const message = typeof error.message === 'string' ? error.message : '';
    if (status === 403 || type === 'Authorization Error') {
      throw new CkanError(
        `No permission for ${action}: the API token's user may not do this in that organisation (${message || 'access denied'}).`,
        'permission',
        status,
      );
    }
    if (status === 404 || type === 'Not Found Error') {
      throw new CkanError(
        `Not found (${action}): ${message || 'no such dataset or resource'}.`,
        'not-found',
        status,
      );
    }
    if (type === 'Validation Error') {
      const upload = error.upload;
      if (Array.isArray(upload) && upload.some((u) => String(u).includes('too large'))) {
        throw new CkanError(
          "The file is larger than the portal's upload limit (ckan.max_resource_size).",
          'too-large',
          status,
        );
      }
      throw new CkanError(
        `The portal refused ${action}, field by field: ${validationText(error)}.`,
        'validation',
        status,
      );
    }
    throw new CkanError(
      `The portal failed on ${action} (${status}${type ? `, ${type}` : ''}${message ? `: ${message}` : ''}).`,
      'portal',
      status,
    );
  }
}
