import { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import { readProblemSchema } from './eventSnapshot.js';

/** Someone taking part, with their consent to be named in published documentation. */
export const personSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string().optional(),
  consent: z.boolean(),
});
/** A person. */
export type Person = z.infer<typeof personSchema>;

/** Everything in an event's people document (peopleLayout.ts), plain and validated. */
const eventPeopleSchema = z.object({
  /** Sorted by name. */
  people: z.array(personSchema),
  /** The organisers' contact (name and e-mail), empty when not given. */
  organiserContact: z.string(),
  problems: z.array(readProblemSchema),
});
/** A validated, plain copy of an event's people document. */
export type EventPeople = z.infer<typeof eventPeopleSchema>;
