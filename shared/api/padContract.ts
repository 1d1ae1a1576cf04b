import { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import { eventRoleSchema } from './eventTokenContract.js';
import type { PadNode } from '../pad/padJson.js';
import { hexColourSchema, userIdSchema } from '../pad/padLayout.js';
import { MAX_TEMPLATE_LENGTH } from '../pad/padTemplate.js';

/**
 * The HTTP API of notes pads (routes in server/http/padRoutes.ts). The pad itself is live over
 * y-websocket (`/yjs/pad/<sessionId>`); these routes cover what lives outside the document or is
 * done by the core: history, import/export, the template, share links and the access level.
 *
 *   GET  /api/session                                  → SessionInfo (edit or view access)
 *   GET  /api/pads/:id                                 → PadInfo
 *   GET  /api/pads/:id/revisions                       → RevisionList (what is recorded; changes nothing)
 *   POST /api/pads/:id/revisions                       → RevisionList, after recording pending edits as a revision
 *   GET  /api/pads/:id/revisions/:rev                  → RevisionContent
 *   POST /api/pads/:id/revisions/:rev/restore          body RestoreRequest → 201 RestoreResponse
 *   POST /api/pads/:id/saved-revisions                 body SaveRevisionRequest → 201 SavedRevision
 *   GET  /api/pads/:id/export?format=F[&colours=true]  → the file (attachment)
 *   POST /api/pads/:id/import?format=F[&author=ID&name=N]  body: the file's bytes → 201 ImportResponse
 *   GET  /api/pads/:id/template                        → PadTemplateResponse
 *   PUT  /api/pads/:id/template                        body PadTemplateRequest → PadTemplateResponse
 *   GET  /api/pads/:id/share                           → ShareLinks (edit access only)
 *   GET  /api/events/:id/pad-template                  → EventPadTemplate (the template and which pads it affects)
 *   POST /api/events/:id/pad-template/apply            → ApplyTemplateResponse (fills pads nobody has written in)
 *
 * A view (read-only) link may only read pads (server/access/accessTable.ts); the rest answers 403. Errors are
 * `{error, details?}` as everywhere in the API. A pad that was never opened answers 404 on the
 * read routes (they do not create pads).
 */

/** How a request may use the workspace. */
const accessSchema = z.enum(['edit', 'view']);
/** `edit`: the full token; `view`: a read-only link (pads only, GET only). */
export type Access = z.infer<typeof accessSchema>;

/** How a principal may open one kind of live document (the access table's answer). */
const docAccessSchema = z.enum(['write', 'read', 'none']);

/** Who the session is: the workspace owner, or one of the per-event roles. */
const sessionRoleSchema = z.union([z.literal('owner'), eventRoleSchema]);

/** `GET /api/session`: who this browser is and what it may open. */
export const sessionInfoSchema = z.object({
  /** `view` for read-along links (nothing can be changed), `edit` for everyone else. */
  access: accessSchema,
  role: sessionRoleSchema,
  /**
   * The join link's event; null for the owner and for the workspace-wide read-along token, which
   * opens pads only.
   */
  eventId: idSchema.nullable(),
  /** The join link's label (null without one). */
  label: z.string().nullable(),
  /** The join link's id (null for the owner and the workspace-wide read-along token). */
  tokenId: idSchema.nullable(),
  /**
   * Per kind of live document, what this session may do with those of its event(s), taken from
   * the core's access table; the renderer shows editors, viewers or nothing from this.
   */
  docs: z.object({
    workspace: docAccessSchema,
    event: docAccessSchema,
    /** The event's people with their contact details (organisers only). */
    'event-people': docAccessSchema,
    /** The stamps and templates the event's organisers and recorders share. */
    'event-library': docAccessSchema,
    pad: docAccessSchema,
    sketch: docAccessSchema,
  }),
});
/** Response of `GET /api/session`. */
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** The session a pad belongs to, read live from the event's plan. */
const padSessionSchema = z.object({
  eventId: idSchema,
  eventTitle: z.string(),
  title: z.string(),
  hosts: z.array(z.string()),
  room: z.string().nullable(),
  /** Local start and end as the plan says them (`YYYY-MM-DDTHH:MM`), null for a proposal. */
  start: z.string().nullable(),
  end: z.string().nullable(),
});

/** `GET /api/pads/:id` */
export const padInfoSchema = z.object({
  id: idSchema,
  /** Whether the pad's document exists in the workspace. */
  exists: z.boolean(),
  session: padSessionSchema.nullable(),
});
/** Response of `GET /api/pads/:id`. */
export type PadInfo = z.infer<typeof padInfoSchema>;

/** Where a revision came from. */
export const revisionSourceSchema = z.enum(['edit', 'template', 'restore', 'import']);
/** `edit`: people typing; `template`: the first content; `restore`: an older revision brought back. */
export type RevisionSource = z.infer<typeof revisionSourceSchema>;

/** An author as the API names them. */
const revisionAuthorSchema = z.object({
  id: z.string(),
  name: z.string(),
  colour: hexColourSchema,
});
/** An author of a revision. */
export type RevisionAuthor = z.infer<typeof revisionAuthorSchema>;

/** One revision in the list. */
const revisionSummarySchema = z.object({
  rev: z.number().int().nonnegative(),
  /** ISO 8601 instant. */
  time: z.string(),
  authors: z.array(revisionAuthorSchema),
  source: revisionSourceSchema,
  /** For a restore: the revision brought back. */
  fromRev: z.number().int().nonnegative().optional(),
});
/** A revision as listed. */
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

/** A named revision (Etherpad's "saved revision", a star in the timeslider). */
export const savedRevisionSchema = z.object({
  rev: z.number().int().nonnegative(),
  label: z.string(),
  time: z.string(),
  by: revisionAuthorSchema.nullable(),
});
/** A saved revision. */
export type SavedRevision = z.infer<typeof savedRevisionSchema>;

/** `GET /api/pads/:id/revisions`, oldest first. */
export const revisionListSchema = z.object({
  revisions: z.array(revisionSummarySchema),
  saved: z.array(savedRevisionSchema),
});
/** Response of `GET /api/pads/:id/revisions`. */
export type RevisionList = z.infer<typeof revisionListSchema>;

/** A ProseMirror JSON node (checked in depth by shared/pad/padJson.ts checkPadDoc). */
const padNodeJsonSchema: z.ZodType<PadNode> = z.lazy(() =>
  z.object({
    type: z.string(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(padNodeJsonSchema).optional(),
    text: z.string().optional(),
    marks: z
      .array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
  }),
);

/** `GET /api/pads/:id/revisions/:rev`: the pad as it was, as ProseMirror JSON. */
export const revisionContentSchema = revisionSummarySchema.extend({
  content: z.object({ type: z.literal('doc'), content: z.array(padNodeJsonSchema) }),
  /** Names and colours of everyone whose text appears in it. */
  authorsInContent: z.array(revisionAuthorSchema),
});
/** Response of `GET /api/pads/:id/revisions/:rev`. */
export type RevisionContent = z.infer<typeof revisionContentSchema>;

/** Who does something (restore, save, import): the user id and display name of this device. */
const actingUserSchema = z.object({
  id: userIdSchema,
  name: z.string().trim().max(200),
});
/** The person acting. */
export type ActingUser = z.infer<typeof actingUserSchema>;

/** `POST /api/pads/:id/revisions/:rev/restore` */
export const restoreRequestSchema = z.object({ author: actingUserSchema });

/** The new revision a restore made. */
export const restoreResponseSchema = z.object({
  rev: z.number().int().nonnegative(),
  fromRev: z.number().int(),
});
/** Response of a restore. */
export type RestoreResponse = z.infer<typeof restoreResponseSchema>;

/** `POST /api/pads/:id/saved-revisions` */
export const saveRevisionRequestSchema = z.object({
  rev: z.number().int().nonnegative(),
  label: z.string().trim().min(1, 'The label is empty.').max(200, 'The label is longer than 200 characters.'),
  author: actingUserSchema.optional(),
});

/** Import and export formats. */
export const padFormatSchema = z.enum(['etherpad', 'html', 'md', 'txt']);
/** `etherpad` (Etherpad 2.x archive with history), `html`, `md` (Markdown), `txt`. */
export type PadFormat = z.infer<typeof padFormatSchema>;

/** Query of `GET /api/pads/:id/export`. */
export const exportQuerySchema = z.object({
  format: padFormatSchema,
  colours: z.enum(['true', 'false']).optional(),
});

/** Query of `POST /api/pads/:id/import`. */
export const importQuerySchema = z.object({
  format: padFormatSchema,
  author: userIdSchema.optional(),
  name: z.string().max(200).optional(),
});

/** Largest import file (Etherpad's own limit is 50 MB; a session's notes are far below 1 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * What an HTML import left out, counted by kind: a page saved from a browser or a CMS nearly always
 * carries active content, which is stripped while the rest is imported.
 */
const removedContentSchema = z.object({
  /** `<script>` elements (their code is dropped). */
  scripts: z.number().int().nonnegative(),
  /** `<style>` elements and style sheet links (the formatting marks in `style=""` are still read). */
  styles: z.number().int().nonnegative(),
  /** `on…` event handler attributes (`onclick`, `onerror` …). */
  eventHandlers: z.number().int().nonnegative(),
  /** Links and sources with a `javascript:`, `vbscript:` or `data:` URL (the link text stays). */
  unsafeLinks: z.number().int().nonnegative(),
  /** `<iframe>`, `<frame>` and `<frameset>` elements. */
  frames: z.number().int().nonnegative(),
  /** `<object>`, `<embed>` and `<applet>` elements. */
  embeds: z.number().int().nonnegative(),
  /** References to other hosts: images, media, fonts and similar (an image's alt text stays). */
  externalReferences: z.number().int().nonnegative(),
});
/** What an HTML import removed, by kind. */
export type RemovedContent = z.infer<typeof removedContentSchema>;

/** Result of an import. */
export const importResponseSchema = z.object({
  format: padFormatSchema,
  /** Revisions the import added to the history (one per Etherpad revision taken over). */
  revisions: z.number().int().nonnegative(),
  /** The pad's newest revision afterwards. */
  head: z.number().int().nonnegative(),
  /** Authors the import brought (from the file's author records, or the importing person). */
  authors: z.number().int().nonnegative(),
  characters: z.number().int().nonnegative(),
  /** HTML imports only: the active content and external references that were removed. */
  removed: removedContentSchema.optional(),
});
/** Response of an import. */
export type ImportResponse = z.infer<typeof importResponseSchema>;

/** `GET`/`PUT /api/pads/:id/template` */
export const padTemplateResponseSchema = z.object({
  eventId: idSchema,
  template: z.string(),
  /** True while the event uses the built-in template. */
  isDefault: z.boolean(),
});
/** The template of the pad's event. */
export type PadTemplateResponse = z.infer<typeof padTemplateResponseSchema>;

/** Body of `PUT /api/pads/:id/template`; an empty template goes back to the default. */
export const padTemplateRequestSchema = z.object({ template: z.string().max(MAX_TEMPLATE_LENGTH) });

/**
 * Which of an event's session pads a template change affects: `waiting` pads were never opened and
 * get the template when first opened; `untouched` pads were opened but nobody wrote in them (only
 * the template, or nothing), so "apply to empty pads" can give them the new one; `written` pads
 * keep their content.
 */
const templatePadCountsSchema = z.object({
  waiting: z.number().int().nonnegative(),
  untouched: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
});
/** How many pads of an event a template change affects. */
export type TemplatePadCounts = z.infer<typeof templatePadCountsSchema>;

/** `GET /api/events/:id/pad-template` */
export const eventPadTemplateSchema = padTemplateResponseSchema.extend({ pads: templatePadCountsSchema });
/** The event's template with the pads it affects. */
export type EventPadTemplate = z.infer<typeof eventPadTemplateSchema>;

/** `POST /api/events/:id/pad-template/apply` */
export const applyTemplateResponseSchema = z.object({
  /** Pads that now start from the event's template (the old content stays in their history). */
  applied: z.number().int().nonnegative(),
  pads: templatePadCountsSchema,
});
/** Response of applying the template to the untouched pads. */
export type ApplyTemplateResponse = z.infer<typeof applyTemplateResponseSchema>;

/** One address under which the pad can be opened. */
const shareAddressSchema = z.object({
  /** The host part, e.g. `192.168.1.20:8080`. */
  host: z.string(),
  editUrl: z.string(),
  viewUrl: z.string(),
});

/**
 * `GET /api/pads/:id/share`. Join links are per event, so a pad of no planned session has none:
 * `addresses` is empty and `unshareable` says why (an answer, not an error: the panel explains it).
 */
export const shareLinksSchema = z.object({
  addresses: z.array(shareAddressSchema),
  unshareable: z.literal('no-session').optional(),
});
/** Join links of a pad. */
export type ShareLinks = z.infer<typeof shareLinksSchema>;
