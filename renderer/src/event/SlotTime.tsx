import { useTranslation } from 'react-i18next';
import type { Slot } from '../../../shared/event/eventSnapshot.js';
import { timeOf } from './planGrid.js';

/** A slot's time for a row header: the start large, "until" the end below, so a narrow column suffices. */
export function SlotTime({ slot }: { slot: Pick<Slot, 'start' | 'end'> }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="slot-time__start">{timeOf(slot.start)}</span>{' '}
      <span className="slot-time__end">{t('plan.grid.until', { time: timeOf(slot.end) })}</span>
    </>
  );
}
