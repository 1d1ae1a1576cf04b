import { escapeHtml } from '../../shared/pad/etherpad/exportHtml.js';
import { padDocToHtmlBody } from '../../shared/pad/padHtml.js';
import type { BundleEntry, BundleFile, BundleInput, BundleProfile } from './bundleTypes.js';
import { LABELS, LINK_KINDS, eventDates, slotText } from './bundleText.js';
import { licenceNames } from './licences.js';

/**
 * The offline documentation website: `index.html` (cover data, session plan) and one page per
 * session (`sessions/NN-title/index.html`) linking its files by relative paths. Styles are inline,
 * there are no scripts, fonts or images from elsewhere, so it reads from a USB stick or a ZIP without
 * a server or network; the only absolute URLs are links a reader may follow out of the notes.
 */

const encoder = new TextEncoder();

const CSS = `body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1f26; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
a { color: #0b4f8c; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #d5d9e0; vertical-align: top; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: 600; }
blockquote { border-left: 4px solid #d5d9e0; margin: 0 0 0.75rem; padding-left: 1rem; }
pre { background: #f4f5f7; padding: 0.75rem; overflow-x: auto; }
ul.tasks { list-style: none; padding-left: 1.25rem; }
.authors { margin-top: 2rem; border-top: 1px solid #d5d9e0; }
footer { margin-top: 3rem; font-size: 0.9rem; color: #4a5260; }`;

function page(title: string, body: string): Uint8Array {
  return encoder.encode(
    [
      '<!doctype html>',
      '<html lang="de">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="generator" content="Mitschrift">',
      `<title>${escapeHtml(title)}</title>`,
      `<style>\n${CSS}\n</style>`,
      '</head>',
      '<body>',
      body,
      '</body>',
      '</html>',
      '',
    ].join('\n'),
  );
}

function relativeTo(fromFolder: string, path: string): string {
  const up = fromFolder === '' ? '' : '../'.repeat(fromFolder.split('/').length);
  return (up + path).split('/').map(encodeURIComponent).join('/');
}

function footer(input: BundleInput, profile: BundleProfile): string {
  const licence = licenceNames(input.snapshot.meta.licence);
  return `<footer><p>${LABELS.licence}: ${escapeHtml(licence.title)}. ${
    profile === 'public' ? escapeHtml(LABELS.pseudonymised) : ''
  }</p><p>${escapeHtml(input.generator)}</p></footer>`;
}

function linksHtml(item: BundleInput['sessions'][number]): string {
  const links = item.attachments.flatMap(({ attachment }) =>
    attachment.kind === 'link' ? [attachment] : [],
  );
  if (links.length === 0) {
    return '';
  }
  return `<h2>${LABELS.links}</h2><ul>${links
    .map(
      (l) =>
        `<li><a href="${escapeHtml(l.url)}" rel="noreferrer noopener">${escapeHtml(l.title)}</a> (${escapeHtml(LINK_KINDS[l.linkKind])}, ${escapeHtml(l.licence)})</li>`,
    )
    .join('')}</ul>`;
}

/** The website's pages, given the session folders and the files already made (linked from the pages). */
export function websiteFiles(
  input: BundleInput,
  profile: BundleProfile,
  folders: readonly string[],
  files: readonly BundleEntry[],
): BundleFile[] {
  const meta = input.snapshot.meta;
  const rows = input.sessions.map(
    (s, i) =>
      `<tr><td>${escapeHtml(slotText(s.slot))}</td><td>${escapeHtml(s.room?.name ?? '')}</td><td><a href="${relativeTo(
        '',
        `${folders[i] ?? ''}/index.html`,
      )}">${escapeHtml(s.session.title)}</a></td><td>${escapeHtml(s.session.hosts.join(', '))}</td></tr>`,
  );
  const eventFiles = files.filter((f) => f.sessionId === undefined && f.mediaType === 'application/pdf');
  const index = [
    `<header><h1>${escapeHtml(input.title)}</h1>`,
    meta.motto ? `<p><em>${escapeHtml(meta.motto)}</em></p>` : '',
    '</header>',
    '<dl class="facts">',
    `<dt>${LABELS.date}</dt><dd>${escapeHtml(eventDates(meta.days, input.snapshot.slots))}</dd>`,
    meta.venue ? `<dt>${LABELS.venue}</dt><dd>${escapeHtml(meta.venue)}</dd>` : '',
    `<dt>${LABELS.licence}</dt><dd>${escapeHtml(licenceNames(meta.licence).title)}</dd>`,
    '</dl>',
    eventFiles.length
      ? `<ul>${eventFiles.map((f) => `<li><a href="${relativeTo('', f.path)}">${escapeHtml(f.title)}</a></li>`).join('')}</ul>`
      : '',
    `<h2>${LABELS.plan}</h2>`,
    `<table><thead><tr><th>${LABELS.time}</th><th>${LABELS.room}</th><th>Session</th><th>${LABELS.hosts}</th></tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody></table>`,
    footer(input, profile),
  ].join('\n');
  const out: BundleFile[] = [
    {
      path: 'index.html',
      bytes: page(input.title, index),
      mediaType: 'text/html',
      title: `${input.title}: Website`,
    },
  ];
  input.sessions.forEach((item, i) => {
    const folder = folders[i] ?? '';
    const { session, pad } = item;
    const own = files.filter((f) => f.sessionId === session.id);
    const body = [
      `<nav><a href="${relativeTo(folder, 'index.html')}">${LABELS.back}</a></nav>`,
      `<h1>${escapeHtml(session.title)}</h1>`,
      '<dl class="facts">',
      `<dt>${LABELS.hosts}</dt><dd>${escapeHtml(session.hosts.join(', ') || '–')}</dd>`,
      `<dt>${LABELS.room}</dt><dd>${escapeHtml(item.room?.name ?? '–')}</dd>`,
      `<dt>${LABELS.time}</dt><dd>${escapeHtml(slotText(item.slot))}</dd>`,
      session.votes === null ? '' : `<dt>${LABELS.votes}</dt><dd>${session.votes}</dd>`,
      '</dl>',
      session.description ? `<p>${escapeHtml(session.description)}</p>` : '',
      `<h2>${LABELS.notes}</h2>`,
      pad
        ? `<article>\n${padDocToHtmlBody(pad.content, { title: session.title, colours: false })}\n</article>`
        : `<p>${LABELS.noNotes}</p>`,
      linksHtml(item),
      own.length
        ? `<h2>${LABELS.files}</h2><ul>${own
            .map((f) => `<li><a href="${relativeTo(folder, f.path)}">${escapeHtml(f.title)}</a></li>`)
            .join('')}</ul>`
        : '',
      footer(input, profile),
    ].join('\n');
    out.push({
      path: `${folder}/index.html`,
      bytes: page(`${session.title} – ${input.title}`, body),
      mediaType: 'text/html',
      title: `${session.title}: Webseite`,
      sessionId: session.id,
    });
  });
  return out;
}
