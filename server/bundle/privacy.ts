import type { EventMeta } from '../../shared/event/eventSnapshot.js';
import { MARK, type PadDoc, type PadNode } from '../../shared/pad/padJson.js';
import type { PadAuthor } from '../../shared/pad/padLayout.js';
import type { BundleInput, BundleProfile, BundleSession, PseudonymEntry } from './bundleTypes.js';

/**
 * The privacy step of a bundle. In the `public` profile a person's name appears only if one of the
 * event's people with that name gave consent (`consent: true`, matched by name, case and spacing
 * ignored); every other name found in the plan (hosts), the pads (authors, chat) or the people list
 * becomes "Autor:in N", numbered by first appearance in plan order, the same in every file. Names
 * are also replaced where they occur inside texts (notes, titles, descriptions), and the chat and
 * the pads' histories are dropped. The `internal` profile keeps everything.
 */

/** The pseudonym of the n-th person (1-based). */
function pseudonymFor(n: number): string {
  return `Autor:in ${n}`;
}

/** How names are compared: Unicode NFC, spacing collapsed, case ignored. */
function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('de');
}

/** What the privacy step did. */
export interface PrivacyResult {
  input: BundleInput;
  pseudonyms: PseudonymEntry[];
}

/** A name that must not appear, with its pseudonym. */
interface Replacement {
  name: string;
  pseudonym: string;
}

/** Applies the profile's privacy rules to the collected data (a new object; the input is not changed). */
export function applyPrivacy(input: BundleInput, profile: BundleProfile): PrivacyResult {
  if (profile === 'internal') {
    return { input, pseudonyms: [] };
  }
  const consented = new Set(input.people.filter((p) => p.consent).map((p) => nameKey(p.name)));
  const entries = new Map<string, PseudonymEntry>();
  const note = (name: string, role: string): void => {
    const key = nameKey(name);
    if (key === '' || consented.has(key)) {
      return;
    }
    let entry = entries.get(key);
    if (!entry) {
      entry = { pseudonym: pseudonymFor(entries.size + 1), roles: [], name: name.trim() };
      entries.set(key, entry);
    }
    if (!entry.roles.includes(role)) {
      entry.roles.push(role);
    }
  };
  for (const { session, pad } of input.sessions) {
    session.hosts.forEach((host) => note(host, 'host'));
    if (pad) {
      for (const author of pad.authors.values()) {
        note(author.name, 'pad author');
      }
      for (const message of pad.chat) {
        note(pad.authors.get(message.author)?.name ?? '', 'chat');
      }
    }
  }
  for (const person of input.people) {
    note(person.name, 'person');
  }

  // Emails of people without consent go too (a mailto: link or a contact line could carry one).
  const replacements: Replacement[] = [...entries.values()].map((e) => ({
    name: e.name,
    pseudonym: e.pseudonym,
  }));
  for (const person of input.people) {
    const entry = entries.get(nameKey(person.name));
    if (entry && person.email && person.email.trim() !== '') {
      replacements.push({ name: person.email.trim(), pseudonym: entry.pseudonym });
    }
  }
  const scrub = textScrubber(replacements);
  const pseudonymOf = (name: string): string | undefined => entries.get(nameKey(name))?.pseudonym;
  const person = (name: string): string => pseudonymOf(name) ?? scrub(name);
  // Author ids can be linked to people too (an Etherpad id, a chosen user name): renumbered.
  const authorIds = new Map<string, string>();
  const authorId = (id: string): string => {
    let mapped = authorIds.get(id);
    if (mapped === undefined) {
      mapped = `autor-${authorIds.size + 1}`;
      authorIds.set(id, mapped);
    }
    return mapped;
  };

  const sessions: BundleSession[] = input.sessions.map(
    ({ session, room, slot, pad, attachments, sketch }) => ({
      ...(sketch ? { sketch: { ...sketch, texts: scrubTexts(sketch.texts, scrub) } } : {}),
      attachments: attachments.map((a) => ({
        ...a,
        attachment: { ...a.attachment, title: scrub(a.attachment.title) },
      })),
      session: {
        ...session,
        title: scrub(session.title),
        description: scrub(session.description),
        hosts: session.hosts.map(person),
        tags: session.tags.map(scrub),
      },
      room: room && { ...room, name: scrub(room.name) },
      slot,
      pad: pad && {
        content: scrubDoc(pad.content, scrub, authorId),
        authors: new Map(
          [...pad.authors].map(([id, a]): [string, PadAuthor] => [
            authorId(id),
            { ...a, name: a.name === '' ? '' : person(a.name) },
          ]),
        ),
        chat: [],
      },
    }),
  );
  const meta: EventMeta = {
    ...input.snapshot.meta,
    motto: scrub(input.snapshot.meta.motto),
    venue: scrub(input.snapshot.meta.venue),
  };
  return {
    input: {
      ...input,
      title: scrub(input.title),
      snapshot: {
        ...input.snapshot,
        meta,
        rooms: input.snapshot.rooms.map((r) => ({ ...r, name: scrub(r.name) })),
        sessions: sessions.map((s) => s.session),
      },
      sessions,
      people: input.people.filter((p) => p.consent),
      organiserContact: scrub(input.organiserContact),
    },
    pseudonyms: [...entries.values()],
  };
}

/** The sketchnote's texts with names replaced. */
function scrubTexts(texts: Record<string, string>, scrub: (text: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).map(([id, text]) => [id, scrub(text)]));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A function replacing every occurrence of the names in a text (longest first, whole words only,
 * case and spacing ignored), so "Erika Mustermann" also goes in "Danke an erika  mustermann!".
 */
function textScrubber(replacements: readonly Replacement[]): (text: string) => string {
  const usable = replacements
    .map((r) => ({ ...r, name: r.name.normalize('NFC').trim() }))
    .filter((r) => r.name.length >= 2)
    .sort((a, b) => b.name.length - a.name.length);
  if (usable.length === 0) {
    return (text) => text;
  }
  const byKey = new Map(usable.map((r) => [nameKey(r.name), r.pseudonym]));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${usable.map((r) => escapeRegExp(r.name).replace(/\s+/gu, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return (text) =>
    text.normalize('NFC').replace(pattern, (match) => byKey.get(nameKey(match)) ?? pseudonymFor(0));
}

function scrubNode(
  node: PadNode,
  scrub: (text: string) => string,
  authorId: (id: string) => string,
): PadNode {
  const out: PadNode = { ...node };
  if (node.text !== undefined) {
    out.text = scrub(node.text);
  }
  if (node.marks) {
    out.marks = node.marks.map((m) => {
      if (m.type === MARK.author && typeof m.attrs?.id === 'string') {
        return { ...m, attrs: { ...m.attrs, id: authorId(m.attrs.id) } };
      }
      return typeof m.attrs?.href === 'string'
        ? { ...m, attrs: { ...m.attrs, href: scrub(m.attrs.href) } }
        : m;
    });
  }
  if (node.content) {
    out.content = node.content.map((c) => scrubNode(c, scrub, authorId));
  }
  return out;
}

/** The pad's content with every name replaced in its texts and links, and author ids renumbered. */
function scrubDoc(doc: PadDoc, scrub: (text: string) => string, authorId: (id: string) => string): PadDoc {
  return scrubNode(doc, scrub, authorId) as PadDoc;
}
