import { ATTACHMENT_TYPES, attachedBytes } from './attachments.js';
import type { BundleFile, BundleSession } from './bundleTypes.js';
import { germanSlug } from './bundleNames.js';

/**
 * A session's attached files in its folder (`attachments/01-<title>.pdf`); links are no files:
 * the website, the booklet and metadata.json list them.
 */
export function attachmentFiles(item: BundleSession, folder: string): BundleFile[] {
  const files: BundleFile[] = [];
  item.attachments.forEach(({ attachment, file }, i) => {
    if (attachment.kind !== 'file' || file === undefined) {
      return;
    }
    const bytes = attachedBytes(file, attachment.title);
    const type = ATTACHMENT_TYPES[attachment.type];
    files.push({
      path: `${folder}/attachments/${String(i + 1).padStart(2, '0')}-${germanSlug(attachment.title, 50) || 'anhang'}.${type.ext}`,
      bytes,
      mediaType: type.mediaType,
      title: `${item.session.title}: ${attachment.title} (${attachment.licence})`,
      sessionId: item.session.id,
    });
  });
  return files;
}
