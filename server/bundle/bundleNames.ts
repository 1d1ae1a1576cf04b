/**
 * Names inside a bundle: the session folders and the CKAN dataset name, both made from titles with
 * German transliteration (ä → ae, ö → oe, ü → ue, ß → ss; CKAN's own munging would turn ä into a).
 */

/** A title as lowercase ASCII with `-` (`Öffentliche Straßen!` → `oeffentliche-strassen`). */
export function germanSlug(title: string, maxLength = 60): string {
  return title
    .normalize('NFC')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}

/** CKAN's rule for a dataset name (ckan/logic/validators.py name_validator). */
const CKAN_NAME = /^[a-z0-9_-]{2,100}$/;

/** A CKAN dataset name for an event: `dokumentation-<title>`, checked against CKAN's rule. */
export function datasetNameFor(title: string): string {
  const name = `dokumentation-${germanSlug(title, 85) || 'veranstaltung'}`;
  if (!CKAN_NAME.test(name) || ['new', 'edit', 'search'].includes(name)) {
    throw new Error(`"${name}" is not a valid CKAN dataset name.`);
  }
  return name;
}

/** The folder of the n-th session (1-based): `01-<title>`, unique because of the number. */
export function sessionFolder(index: number, title: string): string {
  return `sessions/${String(index).padStart(2, '0')}-${germanSlug(title, 50) || 'session'}`;
}
