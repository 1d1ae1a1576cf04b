import type { Messages } from '../de.js';

/** English texts of the list of events; the keys mirror `de/events.ts`. */
export const events: Pick<Messages, 'events'> = {
  events: {
    title: 'Events',
    intro: 'All events in this workspace. New events show up for everyone involved right away.',
    create: {
      heading: 'New event',
      label: 'Event title',
      hint: 'For example “Public Sector BarCamp” or “Open Government Day”.',
      submit: 'Create event',
      submitting: 'Creating …',
      created: 'Event “{{title}}” was created.',
      errorEmpty: 'Please enter a title.',
      errorTooLong: 'The title can be at most {{max}} characters long.',
      errorRejected: 'The event was not created: {{reason}}',
      errorNetwork: 'Mitschrift cannot be reached right now. Please try again once the connection is back.',
    },
    list: {
      heading: 'All events',
      searchLabel: 'Search events by title',
      shown: '{{shown}} of {{total}} events',
      noMatch: 'No event matches “{{query}}”.',
      empty: 'No events yet. Create the first one above.',
      loading: 'Loading events …',
      notYetHere: 'The events are not stored on this device yet. They will appear once the connection is up.',
    },
  },
};
