import { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import type { ReadProblem } from './eventSnapshot.js';

/** Someone taking part, with their consent to be named in published documentation. */
export const personSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string().optional(),
  consent: z.boolean(),
});
/** A person. */
export type Person = z.infer<typeof personSchema>;

/** A validated, plain copy of an event's people document (peopleLayout.ts), as readPeople returns it. */
export interface EventPeople {
  /** Sorted by name. */
  people: Person[];
  /** The organisers' contact (name and e-mail), empty when not given. */
  organiserContact: string;
  problems: ReadProblem[];
}
