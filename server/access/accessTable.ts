import { eventRoleSchema, type EventRole } from '../../shared/api/eventTokenContract.js';
import type { DocKind } from '../../shared/docs/docName.js';

/**
 * The one table of who may do what. Every HTTP route the core answers and every kind of live
 * document is listed here with the access it needs; `server/access/accessCheck.ts` applies it
 * once, before dispatch. A request that matches no row is refused (deny by default), and the API
 * dispatch (`server/http/apiRoutes.ts`) has exactly one handler per row, so no route can bypass it.
 */

/** The per-event roles that join links hand out (shared/api/eventTokenContract.ts). */
export const EVENT_ROLES = eventRoleSchema.options;
export type { EventRole };

/**
 * Who a request or connection is. `owner` holds the workspace token and may do everything. A `role`
 * holds one event's role through a join link (`tokenId`, so revoking it can close its connections).
 * `eventId: null` is the workspace-wide read-along token (`view-token`): it reaches pads only, of any
 * event (see {@link allows}).
 */
export type Principal =
  { kind: 'owner' } | { kind: 'role'; role: EventRole; eventId: string | null; tokenId?: string };

/**
 * Where a route's event comes from, for per-event roles: the `:eventId` in the path, the planned
 * session a pad (`:padId`) or sketchnote (`:sketchId`) belongs to, the planned session
 * `:sessionId` itself, or no event at all.
 */
export type EventSource = 'path' | 'pad' | 'sketch' | 'session' | 'none';

/** The access a route or document needs. The owner always has it. */
export type Need =
  /** Anyone with a valid token (the renderer's pages, `GET /api/session`). */
  | { who: 'anyone' }
  /** The workspace owner only. */
  | { who: 'owner' }
  /** The owner, or a role in `roles` on the event found through `event`. */
  | { who: 'roles'; roles: readonly EventRole[]; event: EventSource };

/** What a route reads as its body: nothing, JSON (`application/json` only) or a file (any type). */
type BodyKind = 'none' | 'json' | 'file';

/** One HTTP route: method, path pattern, access, body. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT';
  /**
   * Segments are literal or a parameter: `:eventId`, `:padId`, `:sketchId`, `:sessionId`, `:tokenId`,
   * `:exportId`, `:publishId`, `:attachmentId` (ids, see idSchema) or `:rev` (a revision number).
   * `/*` is the renderer: any path outside `/api/`.
   */
  path: string;
  need: Need;
  body: BodyKind;
}

const OWNER: Need = { who: 'owner' };
const ANYONE: Need = { who: 'anyone' };
/** Everyone who takes notes in a session; read-along links are not among them. */
const WRITERS = ['organiser', 'recorder', 'edit'] as const satisfies readonly EventRole[];
/** Everyone with a role, read-along links included. */
const READERS = [...WRITERS, 'view'] as const satisfies readonly EventRole[];
/** Who draws the event's sketchnotes: participants (edit) and read-along links only look. */
const SKETCHERS = ['organiser', 'recorder'] as const satisfies readonly EventRole[];

const padRead: Need = { who: 'roles', roles: READERS, event: 'pad' };
const padWrite: Need = { who: 'roles', roles: WRITERS, event: 'pad' };
const organiserOf = (event: EventSource): Need => ({ who: 'roles', roles: ['organiser'], event });
/**
 * Who documents a session with slides, photos and links: its organisers and recorders (participants
 * write the notes; what goes into the bundle is chosen by the team). Read-along links see none of it.
 */
const attachmentPeople: Need = { who: 'roles', roles: SKETCHERS, event: 'session' };

/** Path pattern of the renderer's pages and files. */
export const PAGE_PATTERN = '/*';

/**
 * Every HTTP route. Order matters only where a literal and a parameter compete for the same
 * segment (`/api/events/plan-preview` before `/api/events/:eventId`): the first row that matches wins.
 */
export const ROUTES = {
  // Everyone learns that the core runs; only the owner sees the data folder (see the handler).
  health: { method: 'GET', path: '/api/health', need: ANYONE, body: 'none' },
  session: { method: 'GET', path: '/api/session', need: ANYONE, body: 'none' },
  listEvents: { method: 'GET', path: '/api/events', need: OWNER, body: 'none' },
  createEvent: { method: 'POST', path: '/api/events', need: OWNER, body: 'json' },
  previewPlan: { method: 'POST', path: '/api/events/plan-preview', need: OWNER, body: 'file' },
  importPlan: { method: 'POST', path: '/api/events/import-plan', need: OWNER, body: 'file' },
  // Every role reads the event's title and plan (the event page of a join link shows it).
  event: {
    method: 'GET',
    path: '/api/events/:eventId',
    need: { who: 'roles', roles: READERS, event: 'path' },
    body: 'none',
  },
  listEventTokens: {
    method: 'GET',
    path: '/api/events/:eventId/tokens',
    need: organiserOf('path'),
    body: 'none',
  },
  createEventToken: {
    method: 'POST',
    path: '/api/events/:eventId/tokens',
    need: organiserOf('path'),
    body: 'json',
  },
  renameEventToken: {
    method: 'PUT',
    path: '/api/events/:eventId/tokens/:tokenId',
    need: organiserOf('path'),
    body: 'json',
  },
  revokeEventToken: {
    method: 'POST',
    path: '/api/events/:eventId/tokens/:tokenId/revoke',
    need: organiserOf('path'),
    body: 'none',
  },
  previewEventPlan: {
    method: 'POST',
    path: '/api/events/:eventId/plan-preview',
    need: organiserOf('path'),
    body: 'file',
  },
  importEventPlan: {
    method: 'POST',
    path: '/api/events/:eventId/import-plan',
    need: organiserOf('path'),
    body: 'file',
  },
  exportPlanCsv: {
    method: 'GET',
    path: '/api/events/:eventId/plan.csv',
    need: organiserOf('path'),
    body: 'none',
  },
  exportPlanIcs: {
    method: 'GET',
    path: '/api/events/:eventId/plan.ics',
    need: organiserOf('path'),
    body: 'none',
  },
  startExport: {
    method: 'POST',
    path: '/api/events/:eventId/exports',
    need: organiserOf('path'),
    body: 'json',
  },
  exportStatus: {
    method: 'GET',
    path: '/api/events/:eventId/exports/:exportId',
    need: organiserOf('path'),
    body: 'none',
  },
  cancelExport: {
    method: 'POST',
    path: '/api/events/:eventId/exports/:exportId/cancel',
    need: organiserOf('path'),
    body: 'none',
  },
  downloadExport: {
    method: 'GET',
    path: '/api/events/:eventId/exports/:exportId/bundle.zip',
    need: organiserOf('path'),
    body: 'none',
  },
  // Publishing to the open-data portal: the settings and the token are the workspace owner's; the
  // event's organisers publish with them (the token never leaves the core).
  publishSettings: { method: 'GET', path: '/api/publish/settings', need: OWNER, body: 'none' },
  putPublishSettings: { method: 'PUT', path: '/api/publish/settings', need: OWNER, body: 'json' },
  putPublishToken: { method: 'PUT', path: '/api/publish/token', need: OWNER, body: 'json' },
  clearPublishToken: { method: 'POST', path: '/api/publish/token/clear', need: OWNER, body: 'none' },
  publishOrganisations: {
    method: 'GET',
    path: '/api/publish/organisations',
    need: OWNER,
    body: 'none',
  },
  publishLicences: { method: 'GET', path: '/api/publish/licences', need: OWNER, body: 'none' },
  startPublish: {
    method: 'POST',
    path: '/api/events/:eventId/publications',
    need: organiserOf('path'),
    body: 'json',
  },
  publishStatus: {
    method: 'GET',
    path: '/api/events/:eventId/publications/:publishId',
    need: organiserOf('path'),
    body: 'none',
  },
  cancelPublish: {
    method: 'POST',
    path: '/api/events/:eventId/publications/:publishId/cancel',
    need: organiserOf('path'),
    body: 'none',
  },
  // A session's attachments (shared/api/attachmentContract.ts).
  listAttachments: {
    method: 'GET',
    path: '/api/sessions/:sessionId/attachments',
    need: attachmentPeople,
    body: 'none',
  },
  addAttachment: {
    method: 'POST',
    path: '/api/sessions/:sessionId/attachments',
    need: attachmentPeople,
    body: 'file',
  },
  addAttachmentLink: {
    method: 'POST',
    path: '/api/sessions/:sessionId/attachments/links',
    need: attachmentPeople,
    body: 'json',
  },
  downloadAttachment: {
    method: 'GET',
    path: '/api/sessions/:sessionId/attachments/:attachmentId',
    need: attachmentPeople,
    body: 'none',
  },
  removeAttachment: {
    method: 'POST',
    path: '/api/sessions/:sessionId/attachments/:attachmentId/remove',
    need: attachmentPeople,
    body: 'none',
  },
  pad: { method: 'GET', path: '/api/pads/:padId', need: padRead, body: 'none' },
  revisions: { method: 'GET', path: '/api/pads/:padId/revisions', need: padRead, body: 'none' },
  commitRevision: { method: 'POST', path: '/api/pads/:padId/revisions', need: padWrite, body: 'none' },
  revision: { method: 'GET', path: '/api/pads/:padId/revisions/:rev', need: padRead, body: 'none' },
  restoreRevision: {
    method: 'POST',
    path: '/api/pads/:padId/revisions/:rev/restore',
    need: padWrite,
    body: 'json',
  },
  saveRevision: { method: 'POST', path: '/api/pads/:padId/saved-revisions', need: padWrite, body: 'json' },
  exportPad: { method: 'GET', path: '/api/pads/:padId/export', need: padRead, body: 'none' },
  importPad: { method: 'POST', path: '/api/pads/:padId/import', need: padWrite, body: 'file' },
  padTemplate: { method: 'GET', path: '/api/pads/:padId/template', need: padWrite, body: 'none' },
  putPadTemplate: {
    method: 'PUT',
    path: '/api/pads/:padId/template',
    need: organiserOf('pad'),
    body: 'json',
  },
  padShare: { method: 'GET', path: '/api/pads/:padId/share', need: padWrite, body: 'none' },
  eventPadTemplate: {
    method: 'GET',
    path: '/api/events/:eventId/pad-template',
    need: organiserOf('path'),
    body: 'none',
  },
  applyEventPadTemplate: {
    method: 'POST',
    path: '/api/events/:eventId/pad-template/apply',
    need: organiserOf('path'),
    body: 'none',
  },
  importExcalidraw: {
    method: 'POST',
    path: '/api/sketches/:sketchId/import-excalidraw',
    need: { who: 'roles', roles: SKETCHERS, event: 'sketch' },
    body: 'file',
  },
  exportExcalidraw: {
    method: 'GET',
    path: '/api/sketches/:sketchId/export.excalidraw',
    need: { who: 'roles', roles: READERS, event: 'sketch' },
    body: 'none',
  },
  // Sharing the core on the network (a second listener) is the workspace owner's decision.
  shareStatus: { method: 'GET', path: '/api/share', need: OWNER, body: 'none' },
  startShare: { method: 'POST', path: '/api/share', need: OWNER, body: 'json' },
  stopShare: { method: 'POST', path: '/api/share/stop', need: OWNER, body: 'none' },
  // Rendered exports (PNG, SVG, PDF): whoever may read the sketchnote (see DOCS.sketch.read).
  renderSketch: {
    method: 'GET',
    path: '/api/sketches/:sketchId/export',
    need: { who: 'roles', roles: READERS, event: 'sketch' },
    body: 'none',
  },
  sketchExportSize: {
    method: 'GET',
    path: '/api/sketches/:sketchId/export-size',
    need: { who: 'roles', roles: READERS, event: 'sketch' },
    body: 'none',
  },
  // The session a sketchnote documents (the talk header): whoever may read the sketchnote.
  sketchSession: {
    method: 'GET',
    path: '/api/sketches/:sketchId/session',
    need: { who: 'roles', roles: READERS, event: 'sketch' },
    body: 'none',
  },
  // Every sketchnote of the event in one ZIP: whoever may read the event's sketchnotes.
  renderEventSketches: {
    method: 'GET',
    path: '/api/events/:eventId/sketches.zip',
    need: { who: 'roles', roles: READERS, event: 'path' },
    body: 'none',
  },
  page: { method: 'GET', path: PAGE_PATTERN, need: ANYONE, body: 'none' },
} as const satisfies Record<string, RouteSpec>;

/** The name of one route of {@link ROUTES}. */
export type RouteId = keyof typeof ROUTES;

/** Who may open a live document (`/yjs/<name>`), read-write or read-only. */
export interface DocSpec {
  /** May open it and change it. */
  write: Need;
  /**
   * May open it read-only (changes are dropped by the sync endpoint). Read-only connections never
   * create a document: the document must already exist.
   */
  read: Need;
}

/**
 * Every kind of live document. The event of a pad or sketchnote is its planned session's. The
 * event document is the plan: organisers change it, every role reads it live. The event's people
 * (names with e-mail addresses and consent, the organisers' contact) are a document of their own
 * that only the event's organisers open: participants (edit), read-along links (view) and recorders
 * never receive contact details. Recorders see the hosts' names where the plan shows them (a
 * session's `hosts`), which is all a recorder needs.
 */
export const DOCS: Record<'workspace' | DocKind, DocSpec> = {
  workspace: { write: OWNER, read: OWNER },
  // Every role sees the plan live; only the organiser changes it.
  event: {
    write: organiserOf('path'),
    read: { who: 'roles', roles: READERS, event: 'path' },
  },
  // Contact details and consent: the organisers' business only (issues 10 and 12).
  'event-people': { write: organiserOf('path'), read: organiserOf('path') },
  // The stamps and templates the event's sketchnote team shares; participants never see them.
  'event-library': {
    write: { who: 'roles', roles: SKETCHERS, event: 'path' },
    read: { who: 'roles', roles: SKETCHERS, event: 'path' },
  },
  pad: { write: padWrite, read: padRead },
  // Recorders draw; participants and read-along links watch the sketchnote live.
  sketch: {
    write: { who: 'roles', roles: SKETCHERS, event: 'sketch' },
    read: { who: 'roles', roles: READERS, event: 'sketch' },
  },
};
