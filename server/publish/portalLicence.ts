import { z } from 'zod';
import type { PortalLicence } from '../../shared/api/publishContract.js';
import { CkanError, type CkanClient } from './ckanClient.js';
import type { CkanDatasetFields } from './publishBundle.js';

/**
 * The dataset's licence as the portal names it. Portals differ: core CKAN lists `cc-by`, GovData
 * style portals list the DCAT-AP.de IRI (`http://dcat-ap.de/def/licenses/cc-by/4.0`), others add
 * their own ids. So the id is checked against the portal's `license_list` before anything is sent:
 * the owner's choice in the settings if there is one, otherwise the event's licence under either
 * of its two names. A licence the portal does not list is refused in plain words (CKAN itself
 * would store an unknown `license_id` silently and show "License not specified").
 */

const licenceListSchema = z.array(
  z
    .object({
      id: z.string().min(1),
      title: z.string().optional(),
    })
    .passthrough(),
);

/** The portal's licences (`license_list`), or a {@link CkanError} naming what it answered. */
export async function portalLicences(client: CkanClient): Promise<PortalLicence[]> {
  const parsed = licenceListSchema.safeParse(await client.call('license_list', {}));
  if (!parsed.success) {
    throw new CkanError(
      'The portal answered license_list with something that is not a list of licences.',
      'portal',
      null,
    );
  }
  return parsed.data.map((l) => ({ id: l.id, title: l.title || l.id }));
}

/** The event licence's names in the dataset fields: its DCAT-AP.de IRI (extras) and CKAN id. */
function eventLicenceIds(fields: CkanDatasetFields): string[] {
  const extras = z
    .array(z.object({ key: z.string(), value: z.string() }))
    .catch([])
    .parse(fields.extras);
  const dcat = extras.find((e) => e.key === 'license')?.value;
  const ckan = typeof fields.license_id === 'string' ? fields.license_id : undefined;
  return [dcat, ckan].filter((id): id is string => id !== undefined && id !== '');
}

/**
 * The `license_id` to publish with: `chosen` (the owner's setting; '' for "the event's licence")
 * if the portal lists it, else the event's licence under a name the portal lists. Throws a
 * `validation` {@link CkanError} naming the licence when the portal lists none of them.
 */
export function chooseLicence(
  portal: readonly PortalLicence[],
  fields: CkanDatasetFields,
  chosen: string,
): string {
  const known = new Set(portal.map((l) => l.id));
  if (chosen !== '') {
    if (known.has(chosen)) {
      return chosen;
    }
    throw new CkanError(
      `The portal does not offer the licence "${chosen}" chosen in the publishing settings (any more); choose one of its licences there.`,
      'validation',
      null,
    );
  }
  const candidates = eventLicenceIds(fields);
  const found = candidates.find((id) => known.has(id));
  if (found !== undefined) {
    return found;
  }
  throw new CkanError(
    `The portal does not offer the event's licence (as ${candidates.map((id) => `"${id}"`).join(' or ')}); choose one of its licences in the publishing settings.`,
    'validation',
    null,
  );
}
