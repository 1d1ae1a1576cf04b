import {
  importPlanResponseSchema,
  importRefusedSchema,
  type ImportPlanResponse,
  type PlanExportFormat,
} from '../../../shared/api/eventContract.js';
import { apiErrorSchema } from '../../../shared/api/contract.js';
import { planPreviewSchema, type PlanPreview } from '../../../shared/event/importedPlan.js';
import { API_PREFIX } from '../../../shared/routes/deepLinks.js';
import { ApiError, NetworkError } from '../api/coreApi.js';
import { fileEndingOf, mediaTypeOf } from '../../../shared/files/fileFormats.js';

/**
 * The session-plan routes of the HTTP API (shared/api/eventContract.ts): preview a file, import it,
 * and the addresses of the exports. The cookie set by the invitation link authenticates all of them.
 */

/** The import was refused because of rows with errors; the preview says which. */
export class ImportRefusedError extends ApiError {
  readonly preview: PlanPreview;

  constructor(message: string, preview: PlanPreview) {
    super(422, message);
    this.name = 'ImportRefusedError';
    this.preview = preview;
  }
}

function contentTypeOf(file: File): string {
  if (file.type !== '') {
    return file.type;
  }
  return mediaTypeOf(fileEndingOf(file.name) === 'json' ? 'json' : 'csv');
}

async function postFile(path: string, file: File): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': contentTypeOf(file) },
      body: await file.arrayBuffer(),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok && response.status !== 422) {
    const parsed = apiErrorSchema.safeParse(body);
    throw parsed.success
      ? new ApiError(response.status, parsed.data.error, parsed.data.code)
      : new ApiError(response.status, response.statusText);
  }
  return { status: response.status, body };
}

/** Reads a plan file on the core and returns what importing it would do; nothing is saved. */
export async function previewPlanFile(file: File, eventId?: string): Promise<PlanPreview> {
  const path =
    eventId === undefined ? 'events/plan-preview' : `events/${encodeURIComponent(eventId)}/plan-preview`;
  const { body } = await postFile(path, file);
  return planPreviewSchema.parse(body);
}

/**
 * Imports a plan file: into a new event with `title`, or merged into the event `eventId`. Without
 * `skipBadRows` a file with row errors is refused as a whole ({@link ImportRefusedError}).
 */
export async function importPlanFile(
  file: File,
  target: { kind: 'new'; title: string } | { kind: 'merge'; eventId: string },
  skipBadRows: boolean,
): Promise<ImportPlanResponse> {
  const query = new URLSearchParams();
  if (target.kind === 'new') {
    query.set('title', target.title);
  }
  if (skipBadRows) {
    query.set('skipBadRows', 'true');
  }
  const base =
    target.kind === 'new' ? 'events/import-plan' : `events/${encodeURIComponent(target.eventId)}/import-plan`;
  const search = query.toString();
  const { status, body } = await postFile(search === '' ? base : `${base}?${search}`, file);
  if (status === 422) {
    const refused = importRefusedSchema.parse(body);
    throw new ImportRefusedError(refused.error, refused.preview);
  }
  return importPlanResponseSchema.parse(body);
}

/** The download address of an export; a plain link, the cookie goes along. */
export function exportUrl(eventId: string, format: PlanExportFormat): string {
  const base = `${API_PREFIX}events/${encodeURIComponent(eventId)}`;
  switch (format) {
    case 'ics':
      return `${base}/plan.ics`;
    case 'csv-excel-de':
      return `${base}/plan.csv?format=csv-excel-de`;
    case 'csv':
      return `${base}/plan.csv`;
  }
}
