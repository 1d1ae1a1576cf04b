import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The chat on a phone: a modal sheet from the bottom (a native `<dialog>`, so focus stays inside,
 * Escape closes it and focus returns to the chat button).
 */
export function ChatSheet({
  open,
  onClose,
  children,
}: {
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) {
      return;
    }
    if (open && !dialog.open) {
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog ref={ref} className="pad-sheet" aria-labelledby={headingId} onClose={onClose}>
      <div className="pad-sheet__head">
        <h2 id={headingId}>{t('pad.chat.heading')}</h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('pad.chat.close')}
        </button>
      </div>
      {open && children}
    </dialog>
  );
}

/** The unread count as a small badge, and spelled out for screen readers. */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) {
    return null;
  }
  return (
    <>
      <span className="pad-badge" aria-hidden="true">
        {count > 99 ? '99+' : count}
      </span>
      <span className="visually-hidden">: {t('pad.chat.unread', { count })}</span>
    </>
  );
}
