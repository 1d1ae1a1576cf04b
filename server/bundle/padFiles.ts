import { linesToTxt } from '../../shared/pad/etherpad/index.js';
import { padToEtherpad } from '../../shared/pad/padEtherpad.js';
import { padDocToHtml } from '../../shared/pad/padHtml.js';
import { padDocToLines } from '../../shared/pad/padLines.js';
import { padDocToMarkdown } from '../../shared/pad/padMarkdown.js';
import type { BundleFile, BundleSession } from './bundleTypes.js';
import { mediaTypeOf } from '../../shared/files/fileFormats.js';

const encoder = new TextEncoder();

/**
 * A session's notes as an Etherpad-style archive: `notes.etherpad`, `notes.html`, `notes.md`,
 * `notes.txt` (the pad exports of shared/pad). The `.etherpad` file of an internal bundle is the
 * pad's own export with every revision and the chat; a public one has one revision of the final text,
 * the (already pseudonymised) authors and no chat.
 */
export function padFiles(item: BundleSession, folder: string, now: Date): BundleFile[] {
  const { session, pad } = item;
  if (!pad) {
    return [];
  }
  const etherpad =
    pad.etherpadWithHistory ??
    padToEtherpad({
      padId: session.id,
      revisions: [{ rev: 0, time: now.getTime(), authors: [], doc: pad.content }],
      authors: pad.authors,
      chat: [],
      saved: [],
    });
  const file = (name: string, body: string, mediaType: string, kind: string): BundleFile => ({
    path: `${folder}/${name}`,
    bytes: encoder.encode(body),
    mediaType,
    title: `${session.title}: ${kind}`,
    sessionId: session.id,
  });
  return [
    file('notes.etherpad', etherpad, mediaTypeOf('etherpad'), 'Mitschrift (Etherpad)'),
    file(
      'notes.html',
      padDocToHtml(pad.content, { title: session.title, colours: true, authors: pad.authors }),
      mediaTypeOf('html'),
      'Mitschrift (HTML)',
    ),
    file('notes.md', padDocToMarkdown(pad.content), mediaTypeOf('md'), 'Mitschrift (Markdown)'),
    file('notes.txt', linesToTxt(padDocToLines(pad.content)), mediaTypeOf('txt'), 'Mitschrift (Text)'),
  ];
}
