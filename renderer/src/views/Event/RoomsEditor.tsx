import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addRoom, removeRoom, updateRoom } from '../../../../shared/event/eventChanges.js';
import type { EventSnapshot, Room } from '../../../../shared/event/eventSnapshot.js';
import { useAnnounce } from '../../plan/Announcer.js';
import { CommitField } from '../../plan/CommitField.js';
import { parseCapacity } from '../../plan/planForms.js';
import { makeId } from '../../plan/randomId.js';

/** The rooms of the plan (its columns): name, seats, order; removing one turns its sessions back into proposals. */
export function RoomsEditor({ doc, snapshot }: { doc: Y.Doc; snapshot: EventSnapshot }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const nameId = useId();
  const capacityId = useId();
  const errorId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('');
  const [error, setError] = useState<string | null>(null);
  const rooms = snapshot.rooms;

  function add(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const seats = parseCapacity(capacity);
    if (name.trim() === '') {
      setError(t('plan.rooms.errorName'));
      nameRef.current?.focus();
      return;
    }
    if (seats === undefined) {
      setError(t('plan.rooms.errorCapacity'));
      return;
    }
    addRoom(doc, { id: makeId(), name: name.trim(), capacity: seats });
    announce(t('plan.rooms.added', { name: name.trim() }));
    setName('');
    setCapacity('');
    setError(null);
    nameRef.current?.focus();
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
        <div className="table-scroll">
          <table className="data-table edit-table">
            <thead>
              <tr>
                <th scope="col">{t('plan.rooms.name')}</th>
                <th scope="col">{t('plan.rooms.capacity')}</th>
                <th scope="col">{t('plan.rooms.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rooms.map((room, i) => {
                return (
                  <tr key={room.id}>
                    <td>
                      <CommitField
                        hideLabel
                        label={t('plan.rooms.nameOf', { name: room.name })}
                        value={room.name}
                        onCommit={(value) => {
                          if (value.trim() === '') {
                            return t('plan.rooms.errorName');
                          }
                          updateRoom(doc, room.id, { name: value.trim() });
                          return null;
                        }}
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
                      <button
                        type="button"
                        className="session-link session-link--button"
                        disabled={i === 0}
                        aria-label={t('plan.rooms.moveLeftFor', { name: room.name })}
                        onClick={() => moveRoom(i, -1)}
                      >
                        {t('plan.rooms.moveLeft')}
                      </button>
                      <button
                        type="button"
                        className="session-link session-link--button"
                        disabled={i === rooms.length - 1}
                        aria-label={t('plan.rooms.moveRightFor', { name: room.name })}
                        onClick={() => moveRoom(i, 1)}
                      >
                        {t('plan.rooms.moveRight')}
                      </button>
                      <button
                        type="button"
                        className="session-link session-link--button"
                        aria-label={t('plan.rooms.removeFor', { name: room.name })}
                        onClick={() => {
                          const count = sessionsIn(room);
                          removeRoom(doc, room.id);
                          announce(t('plan.rooms.removed', { name: room.name, count }));
                        }}
                      >
                        {t('plan.rooms.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('plan.rooms.addHeading')}</h3>
      <form className="inline-form" noValidate onSubmit={add}>
        <div className="field field--grow">
          <label htmlFor={nameId}>{t('plan.rooms.name')}</label>
          <input
            ref={nameRef}
            id={nameId}
            className="input"
            value={name}
            autoComplete="off"
            aria-invalid={error !== null}
            aria-describedby={error === null ? undefined : errorId}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field field--narrow">
          <label htmlFor={capacityId}>{t('plan.rooms.capacity')}</label>
          <input
            id={capacityId}
            className="input"
            inputMode="numeric"
            value={capacity}
            autoComplete="off"
            onChange={(event) => setCapacity(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--quiet">
          {t('plan.rooms.add')}
        </button>
      </form>
      {error !== null && (
        <p id={errorId} className="message message--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
