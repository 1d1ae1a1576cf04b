import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { NODE, MARK, SAFE_LINK, type PadNode } from '../../shared/pad/padJson.js';
import { attachedBytes } from './attachments.js';
import { sketchSceneOf } from './bundleSketch.js';
import type { BundleInput, BundleProfile, BundleSession } from './bundleTypes.js';
import { LABELS, LINK_KINDS, eventDates, slotText } from './bundleText.js';
import { drawScene, registerSceneFonts } from '../export/pdfExport.js';
import { loadShippedFonts } from '../export/fonts.js';
import { licenceNames } from './licences.js';

/**
 * The booklet (cover, session plan, a chapter per session) and the one-session PDFs, made with
 * PDFKit: PDF 1.7 declared as PDF/A-2b (XMP identification, sRGB output intent, every font
 * embedded as a subset), tagged (a structure tree of Sect, H1–H3, P, L/LI and Link in reading order,
 * page numbers marked as pagination artifacts), with the document language, a displayed title and
 * bookmarks. The text is Atkinson Hyperlegible Next (assets/fonts, SIL OFL), which PDFKit embeds.
 * Why PDFKit: see ARCHITECTURE.md "Documentation bundles".
 */

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const FONT_DIR_PARTS = ['assets', 'fonts', 'atkinson-hyperlegible-next'];

/** The shipped font folder, found above this module (source: server/bundle, built: out/main). */
function fontDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, ...FONT_DIR_PARTS);
    if (existsSync(candidate)) {
      return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error(`The PDF font (${FONT_DIR_PARTS.join('/')}) is missing next to the app.`);
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;
function fontFiles(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const dir = fontDir();
    fonts = {
      regular: readFileSync(join(dir, 'atkinson-hyperlegible-next-latin-400-normal.woff')),
      bold: readFileSync(join(dir, 'atkinson-hyperlegible-next-latin-700-normal.woff')),
    };
  }
  return fonts;
}

const COLOUR = { text: '#1a1f26', muted: '#4a5260', link: '#0b4f8c' };
const SIZE = { body: 11, small: 9, h1: 22, h2: 16, h3: 13 };

function newDoc(title: string, input: BundleInput): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 62, right: 62 },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    font: null as unknown as string,
    info: {
      Title: title,
      Author: input.generator,
      Subject: `Dokumentation: ${input.title}`,
      Keywords: 'Dokumentation, BarCamp',
      CreationDate: input.now,
      ModDate: input.now,
    },
  });
  registerSceneFonts(doc);
  const { regular, bold } = fontFiles();
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  doc.font('body').fontSize(SIZE.body);
  return doc;
}

function finish(doc: Doc): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  numberAndFlushPages(doc);
  doc.end();
  return done;
}

/**
 * Page numbers at the foot of every buffered page but the cover, marked as pagination artifacts
 * (not read aloud), then the pages are written out. The booklet calls this between chapters: pages
 * are buffered only until then, so a booklet with 25 sketchnotes as vectors never holds all their
 * drawing at once (buffering every page for "N / total" at the end took gigabytes).
 */
function numberAndFlushPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    if (i === 0) {
      continue;
    }
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('body')
      .fontSize(SIZE.small)
      .fillColor(COLOUR.muted)
      .text(String(i + 1), doc.page.margins.left, doc.page.height - 40, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  if (range.count > 0) {
    doc.switchToPage(range.start + range.count - 1);
    doc.font('body').fontSize(SIZE.body).fillColor(COLOUR.text);
  }
  doc.flushPages();
}

/** One tagged block of text: a structure element whose content is marked as it is drawn. */
function block(doc: Doc, parent: Struct, tag: string, draw: () => void): void {
  parent.add(doc.struct(tag, {}, () => draw()));
}

function heading(doc: Doc, parent: Struct, level: 1 | 2 | 3, text: string): void {
  const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
  doc.moveDown(level === 1 ? 0 : 0.6);
  block(doc, parent, `H${level}`, () => {
    doc.font('bold').fontSize(size).fillColor(COLOUR.text).text(text);
  });
  doc.font('body').fontSize(SIZE.body).moveDown(0.3);
}

function paragraph(doc: Doc, parent: Struct, text: string, options: { muted?: boolean } = {}): void {
  block(doc, parent, 'P', () => {
    doc
      .font('body')
      .fontSize(SIZE.body)
      .fillColor(options.muted ? COLOUR.muted : COLOUR.text)
      .text(text);
  });
  doc.fillColor(COLOUR.text).moveDown(0.3);
}

/** Label and value pairs, one paragraph each (`Raum: Saal 1`). */
function facts(doc: Doc, parent: Struct, pairs: readonly [string, string][]): void {
  for (const [label, value] of pairs) {
    if (value === '') {
      continue;
    }
    block(doc, parent, 'P', () => {
      doc.font('bold').fontSize(SIZE.body).text(`${label}: `, { continued: true });
      doc.font('body').text(value);
    });
  }
  doc.moveDown(0.5);
}

/** The runs of a block's inline content, drawn with `continued` so a paragraph wraps as one. */
function inline(doc: Doc, content: readonly PadNode[] | undefined, prefix = ''): void {
  const runs = (content ?? []).filter((n) => n.type === NODE.text || n.type === NODE.hardBreak);
  if (prefix) {
    doc.font('body').text(prefix, { continued: runs.length > 0 });
  }
  if (runs.length === 0) {
    if (!prefix) {
      doc.text(' ');
    }
    return;
  }
  runs.forEach((node, i) => {
    const last = i === runs.length - 1;
    const text = node.type === NODE.hardBreak ? '\n' : (node.text ?? '');
    const has = (t: string): boolean => node.marks?.some((m) => m.type === t) === true;
    const href = node.marks?.find((m) => m.type === MARK.link)?.attrs?.href;
    const link = typeof href === 'string' && SAFE_LINK.test(href) ? href : null;
    doc
      .font(has(MARK.bold) ? 'bold' : 'body')
      .fillColor(link ? COLOUR.link : COLOUR.text)
      .text(text, {
        continued: !last,
        link,
        underline: link !== null || has(MARK.underline),
        strike: has(MARK.strike),
      });
  });
  doc.fillColor(COLOUR.text).font('body');
}

function padBlocks(doc: Doc, parent: Struct, nodes: readonly PadNode[] | undefined, indent: number): void {
  for (const node of nodes ?? []) {
    switch (node.type) {
      case NODE.heading: {
        const level = Math.min(Math.max(Number(node.attrs?.level) || 1, 1), 3);
        const size = level === 1 ? SIZE.h2 : level === 2 ? SIZE.h3 : SIZE.body + 1;
        doc.moveDown(0.4);
        block(doc, parent, `H${Math.min(level + 1, 6)}`, () => {
          doc.font('bold').fontSize(size);
          inline(doc, node.content);
        });
        doc.font('body').fontSize(SIZE.body).moveDown(0.2);
        break;
      }
      case NODE.paragraph:
      case NODE.codeBlock:
        block(doc, parent, 'P', () => {
          doc.fontSize(SIZE.body);
          inline(doc, node.content);
        });
        doc.moveDown(0.3);
        break;
      case NODE.blockquote:
        doc.x += 16;
        padBlocks(doc, parent, node.content, indent);
        doc.x -= 16;
        break;
      case NODE.horizontalRule:
        doc.moveDown(0.5);
        break;
      case NODE.bulletList:
      case NODE.orderedList:
      case NODE.taskList: {
        const list = doc.struct('L');
        parent.add(list);
        const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
        (node.content ?? []).forEach((item, i) => {
          const label =
            node.type === NODE.orderedList
              ? `${start + i}. `
              : node.type === NODE.taskList
                ? item.attrs?.checked === true
                  ? '[x] '
                  : '[ ] '
                : '• ';
          const li = doc.struct('LI');
          list.add(li);
          const [first, ...rest] = item.content ?? [];
          doc.x += 14;
          li.add(
            doc.struct('LBody', {}, () => {
              doc.fontSize(SIZE.body);
              inline(doc, first?.type === NODE.paragraph ? first.content : [], label);
            }),
          );
          padBlocks(doc, li, rest, indent + 1);
          doc.x -= 14;
          li.end();
        });
        list.end();
        doc.moveDown(0.3);
        break;
      }
      default:
        padBlocks(doc, parent, node.content, indent);
    }
  }
}

async function chapter(
  doc: Doc,
  root: Struct,
  input: BundleInput,
  item: BundleSession,
  level: 1 | 2,
): Promise<void> {
  const { session, pad } = item;
  const sect = doc.struct('Sect');
  root.add(sect);
  heading(doc, sect, level === 1 ? 1 : 2, session.title);
  facts(doc, sect, [
    [LABELS.hosts, session.hosts.join(', ')],
    [LABELS.room, item.room?.name ?? ''],
    [LABELS.time, slotText(item.slot)],
    [LABELS.votes, session.votes === null ? '' : String(session.votes)],
  ]);
  if (session.description) {
    paragraph(doc, sect, session.description);
  }
  heading(doc, sect, 3, LABELS.notes);
  if (pad) {
    padBlocks(doc, sect, pad.content.content, 0);
  } else {
    paragraph(doc, sect, LABELS.noNotes, { muted: true });
  }
  await sketchFigure(doc, sect, item);
  attachmentsSection(doc, sect, item);
  sect.end();
  void input;
}

/** The sketchnote as vectors (the export's own drawing code), on its own page, with alternative text. */
async function sketchFigure(doc: Doc, sect: Struct, item: BundleSession): Promise<void> {
  const scene = item.sketch && sketchSceneOf(item.sketch);
  if (!scene || scene.items.length === 0) {
    return;
  }
  doc.addPage();
  heading(doc, sect, 3, LABELS.sketchnote);
  const left = doc.page.margins.left;
  const top = doc.y;
  const width = doc.page.width - left - doc.page.margins.right;
  const height = doc.page.height - top - doc.page.margins.bottom;
  const k = Math.min(width / scene.area.width, height / scene.area.height);
  const texts = scene.items.flatMap((i) =>
    i.type === 'object' && i.object.kind === 'text' ? [i.object.text] : [],
  );
  const alt = `Sketchnote zur Session „${item.session.title}“${texts.length ? `. Texte: ${texts.join(' · ')}` : ''}`;
  const figure = doc.struct('Figure', { alt });
  sect.add(figure);
  const content = doc.markStructureContent('Figure');
  doc.save();
  doc.translate(left, top);
  doc.scale(k);
  doc.translate(-scene.area.x, -scene.area.y);
  await drawScene(doc, scene, {});
  doc.restore();
  doc.endMarkedContent();
  figure.add(content);
  figure.end();
  doc.y = top + scene.area.height * k + 8;
  doc.x = left;
}

/** Photos as figures with their title as alternative text; slides and links as a list. */
function attachmentsSection(doc: Doc, sect: Struct, item: BundleSession): void {
  if (item.attachments.length === 0) {
    return;
  }
  heading(doc, sect, 3, LABELS.attachments);
  for (const { attachment, file, bookletFile, booklet } of item.attachments) {
    const path = bookletFile ?? file;
    const photo = booklet ?? (path === undefined ? undefined : attachedBytes(path, attachment.title));
    if (attachment.kind === 'file' && attachment.type !== 'pdf' && photo) {
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      if (doc.y + 260 > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
      }
      sect.add(
        doc.struct('Figure', { alt: attachment.title }, () => {
          doc.image(Buffer.from(photo), doc.page.margins.left, doc.y, { fit: [width, 240] });
        }),
      );
      doc.y += 246;
      paragraph(doc, sect, `${attachment.title} (${attachment.licence})`, { muted: true });
    } else if (attachment.kind === 'file') {
      paragraph(doc, sect, `${attachment.title} (PDF, ${attachment.licence})`);
    } else {
      block(doc, sect, 'P', () => {
        doc
          .font('body')
          .fontSize(SIZE.body)
          .text(`${LINK_KINDS[attachment.linkKind]}: `, { continued: true });
        doc
          .fillColor(COLOUR.link)
          .text(attachment.title, { link: attachment.url, underline: true, continued: true });
        doc.fillColor(COLOUR.text).text(` (${attachment.licence})`);
      });
    }
  }
}

/** The booklet of the whole event. */
export async function bookletPdf(input: BundleInput, profile: BundleProfile): Promise<Uint8Array> {
  await loadShippedFonts();
  const doc = newDoc(`Dokumentation: ${input.title}`, input);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const meta = input.snapshot.meta;

  doc.addPage();
  const cover = doc.struct('Sect');
  root.add(cover);
  doc.moveDown(6);
  heading(doc, cover, 1, input.title);
  if (meta.motto) {
    paragraph(doc, cover, meta.motto);
  }
  doc.moveDown(1);
  facts(doc, cover, [
    [LABELS.date, eventDates(meta.days, input.snapshot.slots)],
    [LABELS.venue, meta.venue],
    [LABELS.licence, licenceNames(meta.licence).title],
  ]);
  if (profile === 'public') {
    paragraph(doc, cover, LABELS.pseudonymised, { muted: true });
  }
  paragraph(doc, cover, input.generator, { muted: true });
  cover.end();
  doc.outline.addItem(input.title);

  doc.addPage();
  const plan = doc.struct('Sect');
  root.add(plan);
  heading(doc, plan, 1, LABELS.plan);
  doc.outline.addItem(LABELS.plan);
  const list = doc.struct('L');
  plan.add(list);
  for (const item of input.sessions) {
    const li = doc.struct('LI');
    list.add(li);
    li.add(
      doc.struct('LBody', {}, () => {
        doc.font('bold').fontSize(SIZE.body).text(`${item.session.title}`);
        doc
          .font('body')
          .fillColor(COLOUR.muted)
          .text(
            [slotText(item.slot), item.room?.name ?? '', item.session.hosts.join(', ')]
              .filter(Boolean)
              .join(' · '),
          );
        doc.fillColor(COLOUR.text);
      }),
    );
    li.end();
    doc.moveDown(0.4);
  }
  list.end();
  plan.end();

  for (const item of input.sessions) {
    numberAndFlushPages(doc);
    doc.addPage();
    doc.outline.addItem(item.session.title);
    await chapter(doc, root, input, item, 1);
  }
  root.end();
  return finish(doc);
}

/** The PDF of one session. */
export async function sessionPdf(
  input: BundleInput,
  profile: BundleProfile,
  item: BundleSession,
): Promise<Uint8Array> {
  await loadShippedFonts();
  const doc = newDoc(`${item.session.title} – ${input.title}`, input);
  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.addPage();
  doc.outline.addItem(item.session.title);
  const head = doc.struct('Sect');
  root.add(head);
  paragraph(doc, head, `${input.title} · ${licenceNames(input.snapshot.meta.licence).title}`, {
    muted: true,
  });
  if (profile === 'public') {
    paragraph(doc, head, LABELS.pseudonymised, { muted: true });
  }
  head.end();
  await chapter(doc, root, input, item, 1);
  root.end();
  return finish(doc);
}
