import { attachmentFiles } from './attachmentFiles.js';
import { attachedBytes } from './attachments.js';
import { bookletPhoto } from './bookletPhoto.js';
import type { BundleSpool } from './bundleSpool.js';
import type {
  BundleEntry,
  BundleFile,
  BundleInput,
  BundleProfile,
  BundleProgress,
  PseudonymEntry,
} from './bundleTypes.js';
import { ExportCancelledError } from './bundleTypes.js';
import { sessionFolder } from './bundleNames.js';
import { METADATA_FILE, SUMS_FILE, buildMetadata, sumsFile } from './metadata.js';
import { padFiles } from './padFiles.js';
import { bookletPdf, sessionPdf } from './pdfBooklet.js';
import { applyPrivacy } from './privacy.js';
import { sketchFilesFor } from './sketchFiles.js';
import { websiteFiles } from './website.js';

/** What {@link buildBundle} needs besides the data. */
export interface BuildOptions {
  profile: BundleProfile;
  /** Where each file is written as soon as it is made (bundleSpool.ts). */
  spool: BundleSpool;
  onProgress?: (progress: BundleProgress) => void;
  signal?: AbortSignal;
}

/** A made bundle: its files (in the spool, in the order they were made) and what was pseudonymised. */
export interface BuiltBundle {
  files: BundleEntry[];
  pseudonyms: PseudonymEntry[];
}

const encoder = new TextEncoder();

/** Gives every photo its booklet copy; photos attached before copies were made get one now. */
async function withBookletPhotos(input: BundleInput): Promise<BundleInput> {
  const sessions = [];
  for (const item of input.sessions) {
    const attachments = [];
    for (const attached of item.attachments) {
      const { attachment, file } = attached;
      if (attached.bookletFile || !file || attachment.kind !== 'file' || attachment.type === 'pdf') {
        attachments.push(attached);
      } else {
        const bytes = attachedBytes(file, attachment.title);
        attachments.push({ ...attached, booklet: (await bookletPhoto(bytes, attachment.type)).jpeg });
      }
    }
    sessions.push({ ...item, attachments });
  }
  return { ...input, sessions };
}

/**
 * Makes every file of a bundle from collected data into the spool: privacy first (privacy.ts), then
 * per session the notes archive, the sketchnote files, the attachments and the session PDF, then
 * the booklet, the website, `metadata.json` and `SHA256SUMS`. Each file goes to disk when made. Reports progress per step and stops between steps when
 * `signal` is aborted ({@link ExportCancelledError}).
 */
export async function buildBundle(collected: BundleInput, options: BuildOptions): Promise<BuiltBundle> {
  const privacy = applyPrivacy(collected, options.profile);
  const { pseudonyms } = privacy;
  const input = await withBookletPhotos(privacy.input);
  const total = input.sessions.length * 2 + 3;
  let done = 0;
  const step = async (what: string): Promise<void> => {
    if (options.signal?.aborted) {
      throw new ExportCancelledError();
    }
    options.onProgress?.({ done, total, step: what });
    done += 1;
    // Lets a cancel request (and the core's other work) in between two steps.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) {
      throw new ExportCancelledError();
    }
  };
  const files: BundleEntry[] = [];
  const add = (file: BundleFile): void => {
    files.push(options.spool.add(file));
  };
  const folders = input.sessions.map((s, i) => sessionFolder(i + 1, s.session.title));
  for (const [i, item] of input.sessions.entries()) {
    const folder = folders[i] ?? '';
    await step(`Mitschrift: ${item.session.title}`);
    padFiles(item, folder, input.now).forEach(add);
    (await sketchFilesFor(input, item, folder)).forEach(add);
    attachmentFiles(item, folder).forEach(add);
    await step(`PDF: ${item.session.title}`);
    add({
      path: `${folder}/session.pdf`,
      bytes: await sessionPdf(input, options.profile, item),
      mediaType: 'application/pdf',
      title: `${item.session.title}: PDF`,
      sessionId: item.session.id,
    });
  }
  await step('Heft (PDF)');
  add({
    path: 'dokumentation.pdf',
    bytes: await bookletPdf(input, options.profile),
    mediaType: 'application/pdf',
    title: `${input.title}: Heft (PDF)`,
  });
  await step('Website');
  websiteFiles(input, options.profile, folders, files).forEach(add);
  await step('Metadaten');
  add({
    path: METADATA_FILE,
    bytes: encoder.encode(
      `${JSON.stringify(buildMetadata(input, options.profile, files, pseudonyms.length), null, 2)}\n`,
    ),
    mediaType: 'application/json',
    title: `${input.title}: Metadaten (DCAT-AP.de)`,
  });
  add({
    path: SUMS_FILE,
    bytes: encoder.encode(sumsFile(files)),
    mediaType: 'text/plain',
    title: `${input.title}: SHA-256-Prüfsummen`,
  });
  options.onProgress?.({ done: total, total, step: 'fertig' });
  return { files, pseudonyms };
}
