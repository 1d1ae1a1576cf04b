/**
 * Every file ending Mitschrift reads, writes or serves, with its media type (without parameters):
 * one table, so the plan import, the pad and sketch exports, the bundle and the static file server
 * agree on what `.md` or `.etherpad` is.
 */
export const FILE_FORMATS = {
  etherpad: { mediaType: 'application/json', text: true },
  excalidraw: { mediaType: 'application/json', text: true },
  json: { mediaType: 'application/json', text: true },
  csv: { mediaType: 'text/csv', text: true },
  tsv: { mediaType: 'text/tab-separated-values', text: true },
  txt: { mediaType: 'text/plain', text: true },
  md: { mediaType: 'text/markdown', text: true },
  html: { mediaType: 'text/html', text: true },
  js: { mediaType: 'text/javascript', text: true },
  mjs: { mediaType: 'text/javascript', text: true },
  css: { mediaType: 'text/css', text: true },
  webmanifest: { mediaType: 'application/manifest+json', text: false },
  svg: { mediaType: 'image/svg+xml', text: false },
  png: { mediaType: 'image/png', text: false },
  jpg: { mediaType: 'image/jpeg', text: false },
  jpeg: { mediaType: 'image/jpeg', text: false },
  webp: { mediaType: 'image/webp', text: false },
  ico: { mediaType: 'image/x-icon', text: false },
  pdf: { mediaType: 'application/pdf', text: false },
  zip: { mediaType: 'application/zip', text: false },
  woff2: { mediaType: 'font/woff2', text: false },
  woff: { mediaType: 'font/woff', text: false },
  ttf: { mediaType: 'font/ttf', text: false },
} as const;

/** A file ending Mitschrift knows (without the dot). */
export type FileEnding = keyof typeof FILE_FORMATS;

/** The ending of a file name or path, lower-cased and without the dot, if Mitschrift knows it. */
export function fileEndingOf(name: string): FileEnding | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(name);
  const ending = match?.[1]?.toLowerCase();
  return ending !== undefined && Object.hasOwn(FILE_FORMATS, ending) ? (ending as FileEnding) : undefined;
}

/** The media type of an ending (without parameters), as bundles and metadata list it. */
export function mediaTypeOf(ending: FileEnding): string {
  return FILE_FORMATS[ending].mediaType;
}

/** The Content-Type header of an ending: text formats carry `charset=utf-8`. */
export function contentTypeOf(ending: FileEnding): string {
  const format = FILE_FORMATS[ending];
  return format.text ? `${format.mediaType}; charset=utf-8` : format.mediaType;
}
