import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ApiError } from '../../shared/api/contract.js';

/** Sends a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Sends an API error. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  details?: string[],
  code?: string,
): void {
  const body: ApiError = { error, ...(details ? { details } : {}), ...(code ? { code } : {}) };
  sendJson(res, status, body);
}

/** A request body that is too large or not what the schema wants. */
export class BadRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: string[],
    /** A stable code for the UI's text (see apiErrorSchema). */
    readonly code?: string,
  ) {
    super(message);
  }
}

const MAX_JSON_BYTES = 1024 * 1024;

/** Reads a JSON body (at most 1 MiB) and validates it with `schema`. */
export async function readJsonBody<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) {
      throw new BadRequestError(`The request body is larger than ${MAX_JSON_BYTES} bytes.`, 413);
    }
    chunks.push(chunk);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new BadRequestError(`The request body is not valid JSON: ${(error as Error).message}`, 400);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new BadRequestError(
      'The request body does not match the API contract.',
      400,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/**
 * Reads a raw body (a file upload) of at most `maxBytes`: 413 with `tooLarge(size)` beyond it,
 * declared or counted, without buffering the rest; 400 when the upload stops before its end
 * (the client went away, or sent less than its Content-Length).
 */
export async function readUploadBody(
  req: IncomingMessage,
  maxBytes: number,
  tooLarge: (size: number) => string,
): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    req.resume();
    throw new BadRequestError(tooLarge(declared), 413, undefined, 'too-large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new BadRequestError(tooLarge(size), 413, undefined, 'too-large');
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof BadRequestError) {
      throw error;
    }
    throw new BadRequestError(`The upload was cut off after ${size} bytes; nothing was stored.`, 400);
  }
  if (declared > 0 && size < declared) {
    throw new BadRequestError(
      `The upload was cut off after ${size} of ${declared} bytes; nothing was stored.`,
      400,
    );
  }
  return new Uint8Array(Buffer.concat(chunks));
}
