import { createHash } from 'node:crypto';
import type { BundleEntry, BundleInput, BundleProfile } from './bundleTypes.js';
import { datasetNameFor } from './bundleNames.js';
import { eventDates, temporalRange } from './bundleText.js';
import { licenceNames } from './licences.js';

/**
 * `metadata.json` (the event as a DCAT-AP.de dataset, already in the shape of a CKAN
 * `package_create`, plus one entry per file with its SHA-256) and `SHA256SUMS` (every file of the
 * bundle, metadata.json included, in the format `sha256sum -c` reads).
 */

/** The file names of the two files made here. */
export const METADATA_FILE = 'metadata.json';
/** The checksum list. */
export const SUMS_FILE = 'SHA256SUMS';

/** Hex SHA-256 of bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** CKAN tags: 2 to 100 characters of letters, digits, space, `-`, `_`, `.` (tag_name_validator). */
function ckanTags(tags: readonly string[]): { name: string }[] {
  const seen = new Set<string>();
  const out: { name: string }[] = [];
  for (const raw of tags) {
    const name = raw
      .replace(/[^\p{L}\p{N} _.-]/gu, '')
      .trim()
      .slice(0, 100);
    if (name.length >= 2 && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push({ name });
    }
  }
  return out;
}

/** The CKAN format of a file (`PDF`, `HTML` …). */
export function formatOf(file: Pick<BundleEntry, 'path'>): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file.path)?.[1]?.toUpperCase() ?? '';
  return ext === 'ETHERPAD' ? 'JSON' : ext === 'MD' ? 'Markdown' : ext === 'TXT' ? 'TXT' : ext;
}

const EMAIL = /[^\s<>@]+@[^\s<>@]+\.[a-z]{2,}/i;

/** The metadata document (see the file's comment). */
export function buildMetadata(
  input: BundleInput,
  profile: BundleProfile,
  files: readonly BundleEntry[],
  pseudonyms: number,
): unknown {
  const meta = input.snapshot.meta;
  const licence = licenceNames(meta.licence);
  const temporal = temporalRange(meta.days, input.snapshot.slots);
  const contactEmail = EMAIL.exec(input.organiserContact)?.[0] ?? '';
  const contactName = input.organiserContact
    .replace(EMAIL, '')
    .replace(/[<>(),;]/g, ' ')
    .trim();
  const tags = ckanTags([
    'BarCamp',
    'Dokumentation',
    'Open Government',
    ...input.sessions.flatMap((s) => s.session.tags),
  ]);
  const notes = [
    `Dokumentation der Veranstaltung „${input.title}“${meta.motto ? ` (${meta.motto})` : ''}: ${input.sessions.length} Sessions mit Mitschriften, Sessionplan, Heft (PDF) und Offline-Website.`,
    [eventDates(meta.days, input.snapshot.slots), meta.venue].filter(Boolean).join(', '),
    profile === 'public'
      ? `Namen von Personen ohne Einwilligung sind pseudonymisiert (${pseudonyms}); Chat und Versionsgeschichte sind nicht enthalten.`
      : 'Interne Fassung mit Namen, Chat und Versionsgeschichte: nicht zur Veröffentlichung bestimmt.',
  ]
    .filter(Boolean)
    .join('\n\n');
  const extras: { key: string; value: string }[] = [
    { key: 'identifier', value: `mitschrift:${input.eventId}` },
    { key: 'theme', value: 'http://publications.europa.eu/resource/authority/data-theme/GOVE' },
    { key: 'language', value: 'http://publications.europa.eu/resource/authority/language/DEU' },
    { key: 'frequency', value: 'http://publications.europa.eu/resource/authority/frequency/NEVER' },
    { key: 'issued', value: input.now.toISOString() },
    { key: 'license', value: licence.dcat },
  ];
  if (temporal) {
    extras.push(
      { key: 'temporal_start', value: temporal.start },
      { key: 'temporal_end', value: temporal.end },
    );
  }
  if (meta.venue) {
    extras.push({ key: 'geocodingText', value: meta.venue });
  }
  if (contactName) {
    extras.push({ key: 'contact_name', value: contactName }, { key: 'publisher_name', value: contactName });
  }
  if (contactEmail) {
    extras.push({ key: 'contact_email', value: contactEmail });
  }
  return {
    profile,
    generator: input.generator,
    created: input.now.toISOString(),
    pseudonymised: profile === 'public' ? pseudonyms : 0,
    dcat: {
      'dct:title': input.title,
      'dct:description': notes,
      'dcat:keyword': tags.map((t) => t.name),
      'dcat:theme': 'http://publications.europa.eu/resource/authority/data-theme/GOVE',
      'dct:publisher': contactName || null,
      'dcat:contactPoint': { name: contactName || null, email: contactEmail || null },
      'dct:license': licence.dcat,
      'dct:temporal': temporal && { startDate: temporal.start, endDate: temporal.end },
      'dct:spatial': meta.venue || null,
      'dct:issued': input.now.toISOString(),
      'dct:language': 'http://publications.europa.eu/resource/authority/language/DEU',
    },
    ckan: {
      name: datasetNameFor(input.title),
      title: `Dokumentation: ${input.title}`,
      notes,
      tags,
      license_id: licence.ckan,
      ...(contactName ? { maintainer: contactName } : {}),
      ...(contactEmail ? { maintainer_email: contactEmail } : {}),
      extras,
    },
    files: files.map((f) => ({
      path: f.path,
      name: f.title,
      format: formatOf(f),
      mimetype: f.mediaType,
      size: f.size,
      sha256: f.sha256,
      ...(f.sessionId ? { session: f.sessionId } : {}),
    })),
  };
}

/** The `sha256sum -c` list of the files. */
export function sumsFile(files: readonly BundleEntry[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
}
