import { useTranslation } from 'react-i18next';
import { hasPendingEdits } from '../sync/connectionState.js';
import type { SharedDoc } from '../sync/sharedDoc.js';
import { useConnectionState } from '../sync/useConnectionState.js';

/** The sync state of one document as a short label; changes are announced politely to screen readers. */
export function ConnectionStatus({ shared, className }: { shared: SharedDoc; className?: string }) {
  const { t } = useTranslation();
  const state = useConnectionState(shared);
  return (
    <div
      className={['connection', `connection--${state.phase}`, className].filter(Boolean).join(' ')}
      role="status"
      aria-live="polite"
    >
      <span className="visually-hidden">{t('connection.label')}: </span>
      <span className="connection__dot" aria-hidden="true" />
      <span>{t(`connection.${state.phase}`)}</span>
      {hasPendingEdits(state) && (
        <span className="connection__pending">
          {t('connection.pending', { count: state.pendingLocalUpdates })}
        </span>
      )}
    </div>
  );
}
