import { DESKTOP_API_KEY, DESKTOP_API_METHODS, type DesktopApi } from '../../../shared/ipc/contract.js';

/**
 * The one place that knows whether the UI runs inside the desktop app. Everything else asks
 * {@link getDesktop} and falls back to plain browser behaviour when it returns null, so the same
 * build works in Electron and in any browser on the network.
 */

function isDesktopApi(value: unknown): value is DesktopApi {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  // Check every method, not just the key: a half-exposed bridge should count as absent rather than
  // fail later on a missing function.
  return DESKTOP_API_METHODS.every((method) => typeof candidate[method] === 'function');
}

/** The desktop bridge when running in the Electron window, otherwise null. */
export function getDesktop(): DesktopApi | null {
  const value: unknown = (globalThis as Record<string, unknown>)[DESKTOP_API_KEY];
  return isDesktopApi(value) ? value : null;
}
