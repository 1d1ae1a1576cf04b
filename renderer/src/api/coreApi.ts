import type { z } from 'zod';
import {
  apiErrorSchema,
  eventSummarySchema,
  healthResponseSchema,
  type CreateEventRequest,
  type EventSummary,
  type HealthResponse,
} from '../../../shared/api/contract.js';
import { API_PREFIX } from '../../../shared/routes/deepLinks.js';

/**
 * The renderer's side of the HTTP API. Requests are same-origin and carry the session cookie the
 * core set when the invitation link was opened, so no token is ever handled here. Every response
 * is parsed with the shared schema: a core of another version fails loudly instead of rendering
 * half-understood data.
 */

/** The core answered, but with an error. */
export class ApiError extends Error {
  /** The HTTP status. */
  readonly status: number;
  /** The core's stable code for a text in the UI's language, when it sends one. */
  readonly code: string | undefined;

  constructor(status: number, message: string, code?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** The core could not be reached at all (offline, stopped, network trouble). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The Mitschrift core could not be reached.', { cause });
    this.name = 'NetworkError';
  }
}

/** GETs or sends `init` to an API path and parses the answer with `schema`; the one fetch of the API. */
export async function request<T>(path: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      ...init,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...init?.headers },
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    throw parsed.success
      ? new ApiError(response.status, parsed.data.error, parsed.data.code)
      : new ApiError(response.status, response.statusText);
  }
  return schema.parse(body);
}

/** Creates an event; the core adds it to the workspace index, which every client sees live. */
export function createEvent(body: CreateEventRequest): Promise<EventSummary> {
  return request('events', eventSummarySchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The core's version, data folder and any store files it could not read whole. */
export function getHealth(): Promise<HealthResponse> {
  return request('health', healthResponseSchema);
}
