import { API_PREFIX } from '../../../shared/routes/deepLinks.js';
import { ApiError, NetworkError } from './coreApi.js';

/** Progress of a download: bytes so far and, if the core sent a Content-Length, the total. */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/**
 * Fetches an API path as a file, reading the body chunk by chunk so the caller can show progress;
 * aborting `signal` closes the response, which tells the core to stop rendering.
 */
export async function downloadBlob(
  path: string,
  signal: AbortSignal,
  onProgress: (progress: DownloadProgress) => void,
): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, { credentials: 'same-origin', signal });
  } catch (error) {
    if (signal.aborted) {
      throw error;
    }
    throw new NetworkError(error);
  }
  if (!response.ok || !response.body) {
    const body: unknown = await response.json().catch(() => null);
    const message =
      typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
        ? body.error
        : response.statusText;
    throw new ApiError(response.status, message);
  }
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ received, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  return new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' });
}

/** Hands a blob to the browser as a file download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the browser reads the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
