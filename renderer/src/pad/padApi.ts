import {
  importResponseSchema,
  padInfoSchema,
  restoreResponseSchema,
  revisionContentSchema,
  revisionListSchema,
  savedRevisionSchema,
  sessionInfoSchema,
  shareLinksSchema,
  type ActingUser,
  type Access,
  type ImportResponse,
  type PadFormat,
  type PadInfo,
  type RestoreResponse,
  type RevisionContent,
  type RevisionList,
  type SavedRevision,
  type ShareLinks,
} from '../../../shared/api/padContract.js';
import { API_PREFIX } from '../../../shared/routes/deepLinks.js';
import { request } from '../api/coreApi.js';

/**
 * The renderer's side of the pad routes (shared/api/padContract.ts). Same-origin requests with the
 * session cookie; every response is parsed with the shared schema.
 */

function json(body: unknown, method = 'POST'): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

const pad = (id: string): string => `pads/${encodeURIComponent(id)}`;

/** What this browser may do here: edit, or only view (a read-only link). */
export async function getAccess(): Promise<Access> {
  return (await request('session', sessionInfoSchema)).access;
}

/** The pad's session (title, hosts, room, time), if it belongs to one. */
export function getPadInfo(id: string): Promise<PadInfo> {
  return request(pad(id), padInfoSchema);
}

/** The pad's revisions and named revisions. */
export function getRevisions(id: string): Promise<RevisionList> {
  return request(`${pad(id)}/revisions`, revisionListSchema);
}

/** Records the pad's pending edits as a revision, then lists the revisions (for editors opening the timeslider). */
export function recordRevisions(id: string): Promise<RevisionList> {
  return request(`${pad(id)}/revisions`, revisionListSchema, { method: 'POST' });
}

/** One revision with its content. */
export function getRevision(id: string, rev: number): Promise<RevisionContent> {
  return request(`${pad(id)}/revisions/${rev}`, revisionContentSchema);
}

/** Brings a revision back as a new revision. */
export function restoreRevision(id: string, rev: number, author: ActingUser): Promise<RestoreResponse> {
  return request(`${pad(id)}/revisions/${rev}/restore`, restoreResponseSchema, json({ author }));
}

/** Names a revision. */
export function saveRevision(
  id: string,
  rev: number,
  label: string,
  author: ActingUser,
): Promise<SavedRevision> {
  return request(`${pad(id)}/saved-revisions`, savedRevisionSchema, json({ rev, label, author }));
}

/** The address of an export file. */
export function exportUrl(id: string, format: PadFormat, colours = false): string {
  return `${API_PREFIX}${pad(id)}/export?format=${format}${colours ? '&colours=true' : ''}`;
}

/** Imports a file into the pad. */
export function importFile(
  id: string,
  format: PadFormat,
  file: Blob,
  author: ActingUser,
): Promise<ImportResponse> {
  const query = new URLSearchParams({ format, author: author.id, name: author.name });
  return request(`${pad(id)}/import?${query.toString()}`, importResponseSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
}

/** Edit and read-only join links. */
export function getShareLinks(id: string): Promise<ShareLinks> {
  return request(`${pad(id)}/share`, shareLinksSchema);
}
