import type { BundleFile, BundleInput, BundleSession } from './bundleTypes.js';

/**
 * The seam to the sketchnote export (issue 11, branch `export`): the files of a session's
 * sketchnote (PNG at print resolution, SVG, PDF) and its vector drawing for the booklet. Until that
 * export lands a bundle has no sketchnote files; every caller goes through here, so it is the one
 * place to connect.
 */
export function sketchFilesFor(input: BundleInput, item: BundleSession, folder: string): BundleFile[] {
  void input;
  void item;
  void folder;
  return [];
}
