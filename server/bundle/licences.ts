/**
 * The event's licence (an SPDX id, shared/event/eventLayout.ts) as DCAT-AP.de names it (an IRI of
 * http://dcat-ap.de/def/licenses/, a MUST of GovData's conventions) and as core CKAN's licence
 * register names it (`cc-by` has no version there). A portal's own ids come from `license_list` at
 * publish time; these are the defaults written into metadata.json.
 */
interface LicenceNames {
  dcat: string;
  ckan: string;
  title: string;
}

const LICENCES: Record<string, LicenceNames> = {
  'CC-BY-4.0': { dcat: 'http://dcat-ap.de/def/licenses/cc-by/4.0', ckan: 'cc-by', title: 'CC BY 4.0' },
  'CC-BY-SA-4.0': {
    dcat: 'http://dcat-ap.de/def/licenses/cc-by-sa/4.0',
    ckan: 'cc-by-sa',
    title: 'CC BY-SA 4.0',
  },
  'CC0-1.0': { dcat: 'http://dcat-ap.de/def/licenses/cc-zero', ckan: 'cc-zero', title: 'CC0 1.0' },
  'DL-DE-BY-2.0': {
    dcat: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
    ckan: 'dl-by-de/2.0',
    title: 'Datenlizenz Deutschland Namensnennung 2.0',
  },
  'DL-DE-ZERO-2.0': {
    dcat: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
    ckan: 'dl-zero-de/2.0',
    title: 'Datenlizenz Deutschland Zero 2.0',
  },
};

/** The DCAT-AP.de and CKAN names of a licence; an unknown id keeps its SPDX name and CKAN's `other-open`. */
export function licenceNames(spdx: string): LicenceNames {
  return LICENCES[spdx.toUpperCase()] ?? { dcat: spdx, ckan: 'other-open', title: spdx };
}
