import { Fragment, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addSession } from '../../../shared/event/eventChanges.js';
import type { EventSnapshot, Session } from '../../../shared/event/eventSnapshot.js';
import { useAnnounce } from './Announcer.js';
import { makeId } from './randomId.js';
import { AddField, FormError, RowButton, useAddForm } from './RowEditor.js';
import { SessionAttachments } from './SessionAttachments.js';
import { SessionEditor } from './SessionEditor.js';
import { SessionLinks } from './SessionLinks.js';
import { slotLabel } from './planGrid.js';
import { splitList } from './planForms.js';
import { VoteCounter } from './VoteCounter.js';

type SortOrder = 'pitch' | 'votes';

/**
 * The session proposals as they come in at the pitch: a quick form (title, hosts, Enter) and a
 * table in which each proposal's hand count is entered with the vote counter. Every session of the
 * event is listed here, with its status; the grid shows where the scheduled ones sit.
 */
export function ProposalsPanel({ doc, snapshot }: { doc: Y.Doc; snapshot: EventSnapshot }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const hintId = useId();
  const sortId = useId();
  const form = useAddForm();
  const [title, setTitle] = useState('');
  const [hosts, setHosts] = useState('');
  const [order, setOrder] = useState<SortOrder>('pitch');
  const [editing, setEditing] = useState<string | null>(null);

  const rooms = useMemo(() => new Map(snapshot.rooms.map((r) => [r.id, r])), [snapshot.rooms]);
  const slots = useMemo(() => new Map(snapshot.slots.map((s) => [s.id, s])), [snapshot.slots]);
  const sessions = useMemo(() => {
    const list = [...snapshot.sessions];
    if (order === 'votes') {
      list.sort((a, b) => (b.votes ?? -1) - (a.votes ?? -1) || a.createdAt.localeCompare(b.createdAt));
    }
    return list;
  }, [snapshot.sessions, order]);

  function add(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (title.trim() === '') {
      form.fail(t('plan.proposals.errorTitle'), true);
      return;
    }
    addSession(doc, {
      id: makeId(),
      title: title.trim(),
      hosts: splitList(hosts),
      createdAt: new Date().toISOString(),
    });
    announce(t('plan.proposals.added', { title: title.trim() }));
    setTitle('');
    setHosts('');
    form.done();
  }

  const status = (session: Session): string => {
    if (session.status === 'cancelled') {
      return t('plan.status.cancelled');
    }
    if (session.status === 'scheduled' && session.cell) {
      const room = rooms.get(session.cell.roomId);
      const slot = slots.get(session.cell.slotId);
      return t('plan.status.scheduledAt', {
        room: room?.name ?? '',
        time: slot ? slotLabel(slot) : '',
      });
    }
    return t('plan.status.proposed');
  };

  return (
    <>
      <section className="panel" aria-labelledby="proposal-add-heading">
        <h2 id="proposal-add-heading">{t('plan.proposals.addHeading')}</h2>
        <form className="inline-form" noValidate onSubmit={add}>
          <AddField label={t('plan.proposals.title')} value={title} onChange={setTitle} form={form} />
          <AddField label={t('plan.proposals.hosts')} value={hosts} onChange={setHosts} />
          <button type="submit" className="button button--primary">
            {t('plan.proposals.add')}
          </button>
        </form>
        <FormError form={form} />
      </section>

      <section className="panel" aria-labelledby="proposal-list-heading">
        <div className="panel__head">
          <h2 id="proposal-list-heading">{t('plan.proposals.heading', { count: sessions.length })}</h2>
          <div className="field field--inline">
            <label htmlFor={sortId}>{t('plan.proposals.sort')}</label>
            <select
              id={sortId}
              className="input input--select"
              value={order}
              onChange={(event) => setOrder(event.target.value === 'votes' ? 'votes' : 'pitch')}
            >
              <option value="pitch">{t('plan.proposals.sortPitch')}</option>
              <option value="votes">{t('plan.proposals.sortVotes')}</option>
            </select>
          </div>
        </div>
        <p id={hintId} className="hint">
          {t('plan.votes.hint')}
        </p>
        {sessions.length === 0 ? (
          <p className="muted">{t('plan.proposals.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table proposal-table">
              <thead>
                <tr>
                  <th scope="col">{t('plan.proposals.title')}</th>
                  <th scope="col">{t('plan.proposals.hosts')}</th>
                  <th scope="col" className="proposal-table__votes">
                    {t('plan.votes.heading')}
                  </th>
                  <th scope="col">{t('plan.proposals.status')}</th>
                  <th scope="col">{t('plan.proposals.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((session) => (
                  <Fragment key={session.id}>
                    <tr
                      className={`proposal-row${session.status === 'cancelled' ? ' proposal-row--cancelled' : ''}`}
                      data-session-id={session.id}
                    >
                      <th scope="row" className="proposal-row__title">
                        {session.title.trim() || t('plan.session.untitled')}
                      </th>
                      <td>{session.hosts.join(', ')}</td>
                      <td className="proposal-table__votes">
                        <VoteCounter doc={doc} session={session} hintId={hintId} />
                      </td>
                      <td>{status(session)}</td>
                      <td className="proposal-row__actions">
                        <RowButton
                          label={t('plan.proposals.edit')}
                          ariaLabel={t('plan.proposals.editFor', { title: session.title })}
                          expanded={editing === session.id}
                          onClick={() => setEditing(editing === session.id ? null : session.id)}
                        />
                        <SessionLinks doc={doc} session={session} compact />
                      </td>
                    </tr>
                    {editing === session.id && (
                      <tr className="proposal-editor-row">
                        <td colSpan={5}>
                          <SessionEditor
                            doc={doc}
                            session={session}
                            onClose={() => {
                              setEditing(null);
                            }}
                          />
                          <SessionAttachments sessionId={session.id} defaultLicence={snapshot.meta.licence} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
