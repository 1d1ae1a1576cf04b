import { z } from 'zod';
import { idSchema } from '../docs/docName.js';

/**
 * Publishing documentation bundles to the city's CKAN portal over HTTP (routes in
 * server/http/publishRoutes.ts). The settings and the API token are the workspace owner's; the
 * token goes into the core (or the desktop shell's safeStorage) and never comes back out: the
 * settings say only whether it is set. The event's organisers publish with them:
 *
 *   GET  /api/publish/settings                              → PublishSettingsInfo (owner)
 *   PUT  /api/publish/settings          body PublishSettings → PublishSettingsInfo (owner)
 *   PUT  /api/publish/token             body PublishToken    → PublishSettingsInfo (owner)
 *   POST /api/publish/token/clear                           → PublishSettingsInfo (owner)
 *   GET  /api/publish/organisations                         → OrganisationList (owner; asks the portal)
 *   GET  /api/publish/licences                              → LicenceList (owner; the portal's license_list)
 *   POST /api/events/:id/publications   body PublishRequest  → 202 PublishStatus
 *   GET  /api/events/:id/publications/:publishId            → PublishStatus
 *   POST /api/events/:id/publications/:publishId/cancel     → PublishStatus
 */

/** The portal settings (no token). An empty portal or organisation means "not configured yet". */
export const publishSettingsSchema = z.object({
  portal: z
    .string()
    .trim()
    .max(500)
    .refine(
      (value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value),
      'The portal must be an http(s) address.',
    ),
  organisation: z.string().trim().max(100),
  /** The dataset's licence id from the portal's `license_list`; '' means the event's own licence. */
  licence: z.string().trim().max(200).default(''),
  profile: z.enum(['public', 'internal']),
  /** The portal's upload limit in MB (ckan.max_resource_size), checked before anything is sent. */
  maxMb: z.number().positive().max(10_000),
});
/** The portal settings. */
export type PublishSettings = z.infer<typeof publishSettingsSchema>;

/** Where the token comes from: the environment (`CKAN_API_TOKEN`), the workspace file, the desktop shell. */
const tokenSourceSchema = z.enum(['environment', 'file', 'shell']);

/** `GET /api/publish/settings`: the settings and whether a token is set (never the token). */
export const publishSettingsInfoSchema = publishSettingsSchema.extend({
  token: z.enum(['set', 'not-set']),
  tokenSource: tokenSourceSchema.nullable(),
});
/** The settings as the core shows them. */
export type PublishSettingsInfo = z.infer<typeof publishSettingsInfoSchema>;

/** Body of `PUT /api/publish/token`. */
export const publishTokenSchema = z.object({ token: z.string().trim().min(8).max(2000) });

/** `GET /api/publish/organisations`: where the token's user may create datasets. */
export const organisationListSchema = z.object({
  organisations: z.array(z.object({ name: z.string(), title: z.string() })),
});
/** The organisations of the token's user. */
export type OrganisationList = z.infer<typeof organisationListSchema>;

/** A licence as the portal lists it. */
const portalLicenceSchema = z.object({ id: z.string(), title: z.string() });
/** A licence of the portal. */
export type PortalLicence = z.infer<typeof portalLicenceSchema>;

/** `GET /api/publish/licences`: the portal's licences (`license_list`). */
export const licenceListSchema = z.object({ licences: z.array(portalLicenceSchema) });
/** The portal's licences. */
export type LicenceList = z.infer<typeof licenceListSchema>;

/** Body of `POST /api/events/:id/publications`. */
export const publishRequestSchema = z.object({ dryRun: z.boolean() });

/** What publishing does with one file: new resource, new upload of a changed file, nothing. */
const fileActionSchema = z.enum(['create', 'update', 'unchanged']);

/** The kinds of failures, in plain words in the UI (server/publish/ckanClient.ts maps CKAN's answers). */
const publishErrorKindSchema = z.enum([
  'permission',
  'validation',
  'too-large',
  'not-found',
  'unreachable',
  'portal',
  'settings',
  'bundle',
]);
/** A kind of publishing failure. */
export type PublishErrorKind = z.infer<typeof publishErrorKindSchema>;

/** `GET /api/events/:id/publications/:publishId`. */
export const publishStatusSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  dryRun: z.boolean(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** `bundle`: the files are being made; `portal`: talking to the portal. */
  phase: z.enum(['bundle', 'portal']),
  /** Progress of making the bundle. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  step: z.string(),
  /** Every file of the bundle with what publishing does (or, in a dry run, would do) with it. */
  files: z.array(
    z.object({
      path: z.string(),
      bytes: z.number().int().nonnegative(),
      action: fileActionSchema.nullable(),
      state: z.enum(['waiting', 'sending', 'sent', 'skipped']),
    }),
  ),
  /** Whether the dataset is (or would be) created or updated. */
  dataset: z.enum(['created', 'updated']).nullable(),
  datasetUrl: z.string().nullable(),
  error: z.object({ kind: publishErrorKindSchema, message: z.string() }).nullable(),
});
/** A publication's status. */
export type PublishStatus = z.infer<typeof publishStatusSchema>;
