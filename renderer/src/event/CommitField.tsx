import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A text field bound to a value in the shared document. It shows the live value until someone types;
 * the typed text is written when the field is left or Enter is pressed, and Escape brings the live
 * value back. So a remote change never jumps under the cursor, and a half-typed word is not synced.
 */
export function CommitField({
  label,
  value,
  onCommit,
  type = 'text',
  hint,
  hideLabel = false,
  className,
  inputMode,
  autoComplete = 'off',
  list,
  min,
  required = false,
}: {
  label: ReactNode;
  value: string;
  /** Writes the value; returns an error message to show instead, or null when it was written. */
  onCommit: (value: string) => string | null;
  type?: 'text' | 'email' | 'number' | 'date' | 'time';
  hint?: ReactNode;
  hideLabel?: boolean;
  className?: string;
  inputMode?: 'numeric' | 'email' | 'text';
  autoComplete?: string;
  list?: string;
  min?: number;
  required?: boolean;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function commit(): void {
    if (draft === null) {
      return;
    }
    if (draft === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const problem = onCommit(draft);
    setError(problem);
    if (problem === null) {
      setDraft(null);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      setDraft(null);
      setError(null);
    }
  }

  const describedBy = [hint !== undefined ? hintId : '', error !== null ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        className="input"
        type={type}
        value={draft ?? value}
        inputMode={inputMode}
        autoComplete={autoComplete}
        list={list}
        min={min}
        aria-required={required || undefined}
        aria-invalid={error !== null}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onFocus={() => setDraft((current) => current ?? value)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error !== null && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
