import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { docNameFor } from '../../../shared/docs/docName.js';
import type { EventIndexEntry } from '../../../shared/docs/workspaceLayout.js';
import {
  addEventEntry,
  eventTitleSchema,
  moveEventToTrash,
} from '../../../shared/event/eventIndexChanges.js';
import type { EventSnapshot } from '../../../shared/event/eventSnapshot.js';
import { copyAsTemplate, firstDayOf, shiftDate } from '../../../shared/event/eventTemplate.js';
import { isLocalDate } from '../../../shared/event/localTime.js';
import { eventPath } from '../../../shared/routes/deepLinks.js';
import { useAnnounce } from './Announcer.js';
import { templateTitle } from './planForms.js';
import { makeId } from './randomId.js';
import { AddField, FormError, useAddForm } from './RowEditor.js';
import { getSharedDoc } from '../sync/sharedDoc.js';
import type { SharedDoc } from '../sync/sharedDoc.js';

/** 52 weeks: the same weekday next year, which is what a yearly BarCamp keeps. */
const NEXT_YEAR_DAYS = 364;

/**
 * What happens to the event as a whole: copy it as the template for the next one (settings, rooms
 * and slots on a new date; no sessions, votes or people), or move it to the trash.
 */
export function EventActions({
  entry,
  workspace,
  snapshot,
}: {
  entry: EventIndexEntry;
  workspace: SharedDoc;
  snapshot: EventSnapshot;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const form = useAddForm();
  const from = firstDayOf(snapshot);
  const suggestedDay = from === undefined ? '' : shiftDate(from, NEXT_YEAR_DAYS);
  const [day, setDay] = useState(suggestedDay);
  const [title, setTitle] = useState<string | null>(null);
  const [confirmTrash, setConfirmTrash] = useState(false);
  const shownTitle =
    title ??
    (isLocalDate(day)
      ? templateTitle(entry.title, from, day, t('plan.duplicate.copyTitle', { title: entry.title }))
      : '');

  function duplicate(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!isLocalDate(day)) {
      form.fail(t('plan.duplicate.errorDay'));
      return;
    }
    const parsed = eventTitleSchema.safeParse(shownTitle);
    if (!parsed.success) {
      form.fail(t('events.create.errorEmpty'));
      return;
    }
    const id = makeId();
    // The plan first, then the index entry: whoever sees the new event also finds its rooms and slots.
    const target = getSharedDoc(docNameFor('event', id));
    copyAsTemplate(snapshot, target.doc, day);
    addEventEntry(workspace.doc, { id, title: parsed.data, createdAt: new Date().toISOString() });
    void navigate(eventPath(id) + '?view=setup');
  }

  return (
    <>
      <section className="panel" aria-labelledby="duplicate-heading">
        <h2 id="duplicate-heading">{t('plan.duplicate.heading')}</h2>
        <p>{t('plan.duplicate.intro')}</p>
        <form className="inline-form" noValidate onSubmit={duplicate}>
          <AddField
            type="date"
            className="field"
            label={t('plan.duplicate.firstDay')}
            value={day}
            onChange={setDay}
            form={form}
          />
          <AddField label={t('plan.duplicate.title')} value={shownTitle} onChange={setTitle} />
          <button type="submit" className="button button--quiet">
            {t('plan.duplicate.submit')}
          </button>
        </form>
        <FormError form={form} />
      </section>
      {entry.deletedAt === undefined && (
        <section className="panel" aria-labelledby="trash-heading">
          <h2 id="trash-heading">{t('plan.trash.heading')}</h2>
          <p>{t('plan.trash.intro')}</p>
          {confirmTrash ? (
            <div className="button-row">
              <button
                type="button"
                className="button button--danger"
                onClick={() => {
                  moveEventToTrash(workspace.doc, entry.id, new Date());
                  setConfirmTrash(false);
                  announce(t('plan.trash.moved', { title: entry.title }));
                  window.scrollTo({ top: 0 });
                }}
              >
                {t('plan.trash.confirm')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setConfirmTrash(false)}>
                {t('plan.trash.keep')}
              </button>
            </div>
          ) : (
            <button type="button" className="button button--quiet" onClick={() => setConfirmTrash(true)}>
              {t('plan.trash.move')}
            </button>
          )}
        </section>
      )}
    </>
  );
}
