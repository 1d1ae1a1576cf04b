import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addEventDays, addSlot, removeSlot, updateSlot } from '../../../shared/event/eventChanges.js';
import type { EventSnapshot, Slot } from '../../../shared/event/eventSnapshot.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { useAnnounce } from './Announcer.js';
import { CommitField } from './CommitField.js';
import { formatDay } from './formatPlan.js';
import { slotLabel, timeOf } from './planGrid.js';
import { slotTimes } from './planForms.js';
import { makeId } from './randomId.js';
import { AddField, EditTable, FormError, RowButton, useAddForm } from './RowEditor.js';

/** The time slots of each day (the plan's rows): start and end, add and remove. */
export function SlotsEditor({ doc, snapshot }: { doc: Y.Doc; snapshot: EventSnapshot }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const announce = useAnnounce();
  const dayId = useId();
  const form = useAddForm();
  const days = [
    ...new Set([...snapshot.meta.days, ...snapshot.slots.map((s) => s.start.slice(0, 10))]),
  ].sort();
  const [day, setDay] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const chosenDay = day !== '' && days.includes(day) ? day : (days[0] ?? '');

  function add(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const times = slotTimes(chosenDay, start, end);
    if (chosenDay === '') {
      form.fail(t('plan.slots.errorNoDay'));
      return;
    }
    if (!times) {
      form.fail(t('plan.slots.errorTimes'));
      return;
    }
    doc.transact(() => {
      addEventDays(doc, [chosenDay]);
      addSlot(doc, { id: makeId(), ...times });
    });
    announce(t('plan.slots.added', { time: slotLabel(times), day: formatDay(chosenDay, language) }));
    // The next slot usually starts where this one ended.
    setStart(end);
    setEnd('');
    form.clear();
  }

  const change = (slot: Slot, which: 'start' | 'end') => (value: string) => {
    const dayOf = slot.start.slice(0, 10);
    const times = slotTimes(
      dayOf,
      which === 'start' ? value : timeOf(slot.start),
      which === 'end' ? value : timeOf(slot.end),
    );
    if (!times) {
      return t('plan.slots.errorTimes');
    }
    updateSlot(doc, slot.id, times);
    return null;
  };

  const sessionsIn = (slot: Slot): number =>
    snapshot.sessions.filter((s) => s.cell?.slotId === slot.id).length;

  return (
    <section className="panel" aria-labelledby="slots-heading">
      <h2 id="slots-heading">{t('plan.slots.heading', { count: snapshot.slots.length })}</h2>
      {days.length === 0 && <p className="muted">{t('plan.slots.noDays')}</p>}
      {days.map((d) => {
        const slots = snapshot.slots.filter((s) => s.start.slice(0, 10) === d);
        return (
          <div key={d} className="slots-day">
            <h3>{formatDay(d, language)}</h3>
            {slots.length === 0 ? (
              <p className="muted">{t('plan.slots.none')}</p>
            ) : (
              <EditTable columns={[t('plan.slots.start'), t('plan.slots.end'), t('plan.slots.actions')]}>
                {slots.map((slot) => (
                  <tr key={slot.id}>
                    <td>
                      <CommitField
                        hideLabel
                        type="time"
                        className="field--narrow"
                        label={t('plan.slots.startOf', { time: slotLabel(slot) })}
                        value={timeOf(slot.start)}
                        onCommit={change(slot, 'start')}
                      />
                    </td>
                    <td>
                      <CommitField
                        hideLabel
                        type="time"
                        className="field--narrow"
                        label={t('plan.slots.endOf', { time: slotLabel(slot) })}
                        value={timeOf(slot.end)}
                        onCommit={change(slot, 'end')}
                      />
                    </td>
                    <td className="edit-table__actions">
                      <RowButton
                        label={t('plan.slots.remove')}
                        ariaLabel={t('plan.slots.removeFor', { time: slotLabel(slot) })}
                        onClick={() => {
                          const count = sessionsIn(slot);
                          removeSlot(doc, slot.id);
                          announce(t('plan.slots.removed', { time: slotLabel(slot), count }));
                        }}
                      />
                    </td>
                  </tr>
                ))}
              </EditTable>
            )}
          </div>
        );
      })}
      {days.length > 0 && (
        <>
          <h3>{t('plan.slots.addHeading')}</h3>
          <form className="inline-form" noValidate onSubmit={add}>
            <div className="field">
              <label htmlFor={dayId}>{t('plan.slots.day')}</label>
              <select
                id={dayId}
                className="input input--select"
                value={chosenDay}
                onChange={(event) => setDay(event.target.value)}
              >
                {days.map((d) => (
                  <option key={d} value={d}>
                    {formatDay(d, language)}
                  </option>
                ))}
              </select>
            </div>
            <AddField
              type="time"
              className="field field--narrow"
              label={t('plan.slots.start')}
              value={start}
              onChange={setStart}
              form={form}
            />
            <AddField
              type="time"
              className="field field--narrow"
              label={t('plan.slots.end')}
              value={end}
              onChange={setEnd}
            />
            <button type="submit" className="button button--quiet">
              {t('plan.slots.add')}
            </button>
          </form>
          <FormError form={form} />
        </>
      )}
    </section>
  );
}
