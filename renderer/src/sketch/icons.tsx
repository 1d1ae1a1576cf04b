import type { ReactNode } from 'react';

/** A simple line icon (24 × 24, stroked in the text colour); emoji fonts are not everywhere. */
export function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="sketch-icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}
