import { z } from 'zod';

/**
 * What a link into a sketchnote may hand over in the router's location state: the session's title
 * for the editor's title bar and where "back" leads. Opened by a deep link (QR code, bookmark), the
 * state is absent and the editor falls back to a plain title and the event or the event list.
 */
const sketchLinkStateSchema = z.object({
  title: z.string().min(1).max(300).optional(),
  from: z
    .string()
    .max(2000)
    .regex(/^\/(?!\/)/, 'an in-app path')
    .optional(),
});

/** The state of a link into a sketchnote. */
export type SketchLinkState = z.infer<typeof sketchLinkStateSchema>;

/** The link state of the current location, or an empty one when it is absent or malformed. */
export function readSketchLinkState(state: unknown): SketchLinkState {
  const parsed = sketchLinkStateSchema.safeParse(state);
  return parsed.success ? parsed.data : {};
}
