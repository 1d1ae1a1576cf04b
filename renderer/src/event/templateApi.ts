import {
  applyTemplateResponseSchema,
  eventPadTemplateSchema,
  type ApplyTemplateResponse,
  type EventPadTemplate,
} from '../../../shared/api/padContract.js';
import { request } from '../api/coreApi.js';

/** The event's pad template and how many pads a change reaches (`GET /api/events/:id/pad-template`). */
export function getEventPadTemplate(eventId: string): Promise<EventPadTemplate> {
  return request(`events/${encodeURIComponent(eventId)}/pad-template`, eventPadTemplateSchema);
}

/** Gives the pads nobody has written in the current template (`POST …/pad-template/apply`). */
export function applyTemplateToEmptyPads(eventId: string): Promise<ApplyTemplateResponse> {
  return request(`events/${encodeURIComponent(eventId)}/pad-template/apply`, applyTemplateResponseSchema, {
    method: 'POST',
  });
}
