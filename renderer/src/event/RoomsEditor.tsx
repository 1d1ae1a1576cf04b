import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addRoom, removeRoom, updateRoom } from '../../../shared/event/eventChanges.js';
import type { EventSnapshot, Room } from '../../../shared/event/eventSnapshot.js';
import { useAnnounce } from './Announcer.js';
import { CommitField } from './CommitField.js';
import { parseCapacity } from './planForms.js';
import { makeId } from './randomId.js';
import { AddField, EditTable, FormError, RenameField, RowButton, useAddForm } from './RowEditor.js';

/** The rooms of the plan (its columns): name, seats, order; removing one turns its sessions back into proposals. */
export function RoomsEditor({ doc, snapshot }: { doc: Y.Doc; snapshot: EventSnapshot }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const form = useAddForm();
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('');
  const rooms = snapshot.rooms;

  function add(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const seats = parseCapacity(capacity);
    if (name.trim() === '') {
      form.fail(t('plan.rooms.errorName'), true);
      return;
    }
    if (seats === undefined) {
      form.fail(t('plan.rooms.errorCapacity'));
      return;
    }
    addRoom(doc, { id: makeId(), name: name.trim(), capacity: seats });
    announce(t('plan.rooms.added', { name: name.trim() }));
    setName('');
    setCapacity('');
    form.done();
  }

  // Renumbers all rooms in the new order, so equal or gapped order values cannot get in the way.
  function moveRoom(index: number, delta: -1 | 1): void {
    const order = rooms.map((room) => room.id);
    const other = index + delta;
    const a = order[index];
    const b = order[other];
    if (a === undefined || b === undefined) {
      return;
    }
    order[index] = b;
    order[other] = a;
    doc.transact(() => {
      order.forEach((id, position) => {
        if (rooms.find((room) => room.id === id)?.order !== position) {
          updateRoom(doc, id, { order: position });
        }
      });
    });
  }

  const sessionsIn = (room: Room): number =>
    snapshot.sessions.filter((s) => s.cell?.roomId === room.id).length;

  return (
    <section className="panel" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">{t('plan.rooms.heading', { count: rooms.length })}</h2>
      {rooms.length === 0 ? (
        <p className="muted">{t('plan.rooms.empty')}</p>
      ) : (
        <EditTable scroll columns={[t('plan.rooms.name'), t('plan.rooms.capacity'), t('plan.rooms.actions')]}>
          {rooms.map((room, i) => (
            <tr key={room.id}>
              <td>
                <RenameField
                  label={t('plan.rooms.nameOf', { name: room.name })}
                  value={room.name}
                  error={t('plan.rooms.errorName')}
                  onRename={(value) => updateRoom(doc, room.id, { name: value })}
                />
              </td>
              <td>
                <CommitField
                  hideLabel
                  className="field--narrow"
                  label={t('plan.rooms.capacityOf', { name: room.name })}
                  value={room.capacity === null ? '' : String(room.capacity)}
                  inputMode="numeric"
                  onCommit={(value) => {
                    const seats = parseCapacity(value);
                    if (seats === undefined) {
                      return t('plan.rooms.errorCapacity');
                    }
                    updateRoom(doc, room.id, { capacity: seats });
                    return null;
                  }}
                />
              </td>
              <td className="edit-table__actions">
                <RowButton
                  label={t('plan.rooms.moveLeft')}
                  ariaLabel={t('plan.rooms.moveLeftFor', { name: room.name })}
                  disabled={i === 0}
                  onClick={() => moveRoom(i, -1)}
                />
                <RowButton
                  label={t('plan.rooms.moveRight')}
                  ariaLabel={t('plan.rooms.moveRightFor', { name: room.name })}
                  disabled={i === rooms.length - 1}
                  onClick={() => moveRoom(i, 1)}
                />
                <RowButton
                  label={t('plan.rooms.remove')}
                  ariaLabel={t('plan.rooms.removeFor', { name: room.name })}
                  onClick={() => {
                    const count = sessionsIn(room);
                    removeRoom(doc, room.id);
                    announce(t('plan.rooms.removed', { name: room.name, count }));
                  }}
                />
              </td>
            </tr>
          ))}
        </EditTable>
      )}
      <h3>{t('plan.rooms.addHeading')}</h3>
      <form className="inline-form" noValidate onSubmit={add}>
        <AddField label={t('plan.rooms.name')} value={name} onChange={setName} form={form} />
        <AddField
          className="field field--narrow"
          label={t('plan.rooms.capacity')}
          inputMode="numeric"
          value={capacity}
          onChange={setCapacity}
        />
        <button type="submit" className="button button--quiet">
          {t('plan.rooms.add')}
        </button>
      </form>
      <FormError form={form} />
    </section>
  );
}
