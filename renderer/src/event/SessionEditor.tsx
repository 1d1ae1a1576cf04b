import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  removeSession,
  setCancelled,
  unschedule,
  updateSession,
} from '../../../shared/event/eventChanges.js';
import type { Session } from '../../../shared/event/eventSnapshot.js';
import { useAnnounce } from './Announcer.js';
import { usePlanHistory } from './PlanHistoryProvider.js';
import { splitList } from './planForms.js';

/**
 * Edits one session's texts (saved together with "Save", so a half-typed title is not synced) and
 * its status: call off or take back, take out of the plan, delete (after a second confirmation).
 */
export function SessionEditor({
  doc,
  session,
  onClose,
}: {
  doc: Y.Doc;
  session: Session;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { record } = usePlanHistory();
  const ids = { title: useId(), hosts: useId(), tags: useId(), description: useId(), heading: useId() };
  const [title, setTitle] = useState(session.title);
  const [hosts, setHosts] = useState(session.hosts.join(', '));
  const [tags, setTags] = useState(session.tags.join(', '));
  const [description, setDescription] = useState(session.description);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  function save(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    updateSession(doc, session.id, {
      title: title.trim() || session.title,
      hosts: splitList(hosts),
      tags: splitList(tags),
      description,
    });
    announce(t('plan.editor.saved', { title: title.trim() || session.title }));
    onClose();
  }

  return (
    <form className="session-editor" onSubmit={save} aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('plan.editor.heading', { title: session.title })}</h3>
      <div className="session-editor__fields">
        <div className="field">
          <label htmlFor={ids.title}>{t('plan.proposals.title')}</label>
          <input
            ref={titleRef}
            id={ids.title}
            className="input"
            value={title}
            autoComplete="off"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.hosts}>{t('plan.proposals.hosts')}</label>
          <input
            id={ids.hosts}
            className="input"
            value={hosts}
            autoComplete="off"
            onChange={(e) => setHosts(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.tags}>{t('plan.editor.tags')}</label>
          <input
            id={ids.tags}
            className="input"
            value={tags}
            autoComplete="off"
            onChange={(e) => setTags(e.target.value)}
          />
        </div>
        <div className="field session-editor__wide">
          <label htmlFor={ids.description}>{t('plan.editor.description')}</label>
          <textarea
            id={ids.description}
            className="input textarea"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary">
          {t('plan.editor.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('plan.editor.close')}
        </button>
        <span className="button-row__spacer" />
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            const cancel = session.status !== 'cancelled';
            record(
              { kind: 'cancelled', sessionId: session.id, title: session.title, cancelled: cancel },
              () => setCancelled(doc, session.id, cancel),
            );
            announce(
              cancel
                ? t('plan.editor.cancelledNow', { title: session.title })
                : t('plan.editor.reinstated', { title: session.title }),
            );
          }}
        >
          {session.status === 'cancelled' ? t('plan.editor.reinstate') : t('plan.editor.cancel')}
        </button>
        {session.cell !== null && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              const from = session.cell;
              if (from !== null) {
                record({ kind: 'unscheduled', sessionId: session.id, title: session.title, from }, () =>
                  unschedule(doc, session.id),
                );
              }
              announce(t('plan.move.unscheduled', { title: session.title }));
            }}
          >
            {t('plan.editor.unschedule')}
          </button>
        )}
        {confirmDelete ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              record({ kind: 'deleted', sessionId: session.id, title: session.title }, () =>
                removeSession(doc, session.id),
              );
              announce(t('plan.editor.deleted', { title: session.title }));
              onClose();
            }}
          >
            {t('plan.editor.deleteConfirm')}
          </button>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setConfirmDelete(true)}>
            {t('plan.editor.delete')}
          </button>
        )}
      </div>
    </form>
  );
}
