import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * One polite live region per view for what just happened ("14 votes", "moved to Room 1.02"), so a
 * screen reader hears the result of an action without focus moving. Repeating the same message
 * re-announces it: each message is a new element.
 */

const AnnounceContext = createContext<(message: string) => void>(() => undefined);

/** Says `message` to screen readers, politely. */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}

/** Provides {@link useAnnounce} to its children and renders the live region. */
export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  const announce = useCallback((text: string) => setMessage((previous) => ({ text, n: previous.n + 1 })), []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div
        className="visually-hidden"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="announcer"
      >
        {message.text !== '' && <span key={message.n}>{message.text}</span>}
      </div>
    </AnnounceContext.Provider>
  );
}
