/**
 * Navigation state that asks the target view to focus a control instead of its heading, used by
 * the native menu's "New event" command.
 */
export interface FocusRequest {
  focus: 'new-event';
}

/** The navigation state that asks the events view to focus the new-event field. */
export function newEventFocusRequest(): FocusRequest {
  return { focus: 'new-event' };
}

/** Whether a location's state asks for the new-event field to be focused. */
export function requestsNewEventFocus(state: unknown): boolean {
  return (
    typeof state === 'object' && state !== null && (state as Partial<FocusRequest>).focus === 'new-event'
  );
}
