import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { CommitField } from './CommitField.js';

/**
 * The parts the plan's row editors share (rooms, slots, people, proposals, the event's actions): a
 * table of rows that are renamed in place and removed with a named button, and a form that adds a
 * row, with one error message tied to its first field.
 */

/** The state of a form that adds a row: its one error message and the first field focus goes back to. */
export interface AddForm {
  error: string | null;
  errorId: string;
  firstField: RefObject<HTMLInputElement | null>;
  /** Shows `message` under the form; with `focusFirst`, focus moves to the first field. */
  fail(message: string, focusFirst?: boolean): void;
  /** Clears the message. */
  clear(): void;
  /** Clears the message after a row was added and puts focus back in the first field for the next one. */
  done(): void;
}

/** The error and focus handling of a form that adds a row. */
export function useAddForm(): AddForm {
  const errorId = useId();
  const firstField = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    errorId,
    firstField,
    fail(message, focusFirst = false) {
      setError(message);
      if (focusFirst) {
        firstField.current?.focus();
      }
    },
    clear() {
      setError(null);
    },
    done() {
      setError(null);
      firstField.current?.focus();
    },
  };
}

/** The attributes that tie a form's first field to the form's error message. */
function errorAttributes(form: AddForm): { 'aria-invalid': boolean; 'aria-describedby'?: string } {
  return {
    'aria-invalid': form.error !== null,
    'aria-describedby': form.error === null ? undefined : form.errorId,
  };
}

/** The form's error message, announced when it appears; nothing while there is none. */
export function FormError({ form }: { form: AddForm }) {
  if (form.error === null) {
    return null;
  }
  return (
    <p id={form.errorId} className="message message--error" role="alert">
      {form.error}
    </p>
  );
}

/**
 * A labelled input of an add form. Text fields turn the browser's autocomplete off; with `form` it
 * is the form's first field (focused on errors, tied to the message).
 */
export function AddField({
  label,
  value,
  onChange,
  className = 'field field--grow',
  type,
  inputMode,
  form,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  className?: string;
  type?: 'email' | 'time' | 'date';
  inputMode?: 'numeric';
  form?: AddForm;
}) {
  const id = useId();
  const textual = type === undefined || type === 'email';
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={form?.firstField}
        id={id}
        type={type}
        className="input"
        inputMode={inputMode}
        value={value}
        autoComplete={textual ? 'off' : undefined}
        {...(form === undefined ? {} : errorAttributes(form))}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** A table of editable rows under one header row; `scroll` lets it scroll sideways on narrow screens. */
export function EditTable({
  columns,
  scroll = false,
  children,
}: {
  columns: readonly string[];
  scroll?: boolean;
  children: ReactNode;
}) {
  const table = (
    <table className="data-table edit-table">
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return scroll ? <div className="table-scroll">{table}</div> : table;
}

/** A row's action button; its accessible name (`ariaLabel`) says which row it acts on. */
export function RowButton({
  label,
  ariaLabel,
  onClick,
  disabled,
  expanded,
}: {
  label: string;
  ariaLabel: string;
  onClick: () => void;
  disabled?: boolean;
  expanded?: boolean;
}) {
  return (
    <button
      type="button"
      className="session-link session-link--button"
      disabled={disabled}
      aria-expanded={expanded}
      aria-label={ariaLabel}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

/** A row's name, edited in place: written trimmed, refused with `error` when left empty. */
export function RenameField({
  label,
  value,
  error,
  onRename,
}: {
  label: string;
  value: string;
  error: string;
  onRename: (name: string) => void;
}) {
  return (
    <CommitField
      hideLabel
      label={label}
      value={value}
      onCommit={(next) => {
        if (next.trim() === '') {
          return error;
        }
        onRename(next.trim());
        return null;
      }}
    />
  );
}
