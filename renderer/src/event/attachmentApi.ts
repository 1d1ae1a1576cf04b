import {
  attachmentListSchema,
  attachmentSchema,
  type Attachment,
  type LinkRequest,
} from '../../../shared/api/attachmentContract.js';
import { apiErrorSchema } from '../../../shared/api/contract.js';
import { API_PREFIX } from '../../../shared/routes/deepLinks.js';
import { ApiError, NetworkError, request } from '../api/coreApi.js';

/**
 * A session's attachments over HTTP (shared/api/attachmentContract.ts). Uploads go through
 * XMLHttpRequest, the one browser API that reports upload progress; everything else through `request`.
 */

const path = (sessionId: string): string => `sessions/${encodeURIComponent(sessionId)}/attachments`;

/** The session's attachments, oldest first. */
export async function listAttachments(sessionId: string): Promise<Attachment[]> {
  return (await request(path(sessionId), attachmentListSchema)).attachments;
}

/** Attaches a link. */
export function addLink(sessionId: string, link: LinkRequest): Promise<Attachment> {
  return request(`${path(sessionId)}/links`, attachmentSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(link),
  });
}

/** Removes an attachment; answers the list without it. */
export async function removeAttachment(sessionId: string, id: string): Promise<Attachment[]> {
  const list = await request(`${path(sessionId)}/${encodeURIComponent(id)}/remove`, attachmentListSchema, {
    method: 'POST',
  });
  return list.attachments;
}

/** Where a file attachment downloads from (the session cookie authenticates it). */
export function attachmentUrl(sessionId: string, id: string): string {
  return `${API_PREFIX}${path(sessionId)}/${encodeURIComponent(id)}`;
}

/** An upload in flight: its answer, and a way to stop it. */
export interface Upload {
  done: Promise<Attachment>;
  abort(): void;
}

/** Uploads a file with its title and licence, reporting the share sent so far (0 to 1). */
export function uploadAttachment(
  sessionId: string,
  file: File,
  meta: { title: string; licence: string },
  onProgress: (share: number) => void,
): Upload {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams(meta).toString();
  const done = new Promise<Attachment>((resolve, reject) => {
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    });
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: reported by status below.
      }
      if (xhr.status === 201) {
        resolve(attachmentSchema.parse(body));
        return;
      }
      const error = apiErrorSchema.safeParse(body);
      reject(new ApiError(xhr.status, error.success ? error.data.error : xhr.statusText));
    });
    xhr.addEventListener('error', () => reject(new NetworkError(new Error('upload failed'))));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was stopped.', 'AbortError')));
  });
  xhr.open('POST', `${API_PREFIX}${path(sessionId)}?${query}`);
  xhr.setRequestHeader('accept', 'application/json');
  xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
  xhr.send(file);
  return { done, abort: () => xhr.abort() };
}
