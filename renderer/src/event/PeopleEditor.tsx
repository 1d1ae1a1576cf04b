import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addPerson, removePerson, updatePerson } from '../../../shared/event/eventChanges.js';
import { useAnnounce } from './Announcer.js';
import { CommitField } from './CommitField.js';
import { makeId } from './randomId.js';
import { AddField, EditTable, FormError, RenameField, RowButton, useAddForm } from './RowEditor.js';
import { usePeopleDoc } from './usePeopleDoc.js';

/** A rough check that catches typos, not a validation of deliverability. */
function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/**
 * The people of the event (hosts, speakers, the documentation team) with their consent to be named
 * in published documentation. Consent defaults to no: it has to be given, not assumed. They live in
 * the event's people document, which only organisers open (never the plan participants read).
 */
export function PeopleEditor({ eventId }: { eventId: string }) {
  const { shared, people: list } = usePeopleDoc(eventId);
  const doc = shared.doc;
  const { t } = useTranslation();
  const announce = useAnnounce();
  const consentId = useId();
  const form = useAddForm();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const people = list.people;

  function add(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (name.trim() === '') {
      form.fail(t('plan.people.errorName'), true);
      return;
    }
    if (email.trim() !== '' && !looksLikeEmail(email.trim())) {
      form.fail(t('plan.people.errorEmail'));
      return;
    }
    addPerson(doc, {
      id: makeId(),
      name: name.trim(),
      ...(email.trim() === '' ? {} : { email: email.trim() }),
      consent,
    });
    announce(t('plan.people.added', { name: name.trim() }));
    setName('');
    setEmail('');
    setConsent(false);
    form.done();
  }

  return (
    <>
      <section className="panel" aria-labelledby="people-heading">
        <h2 id="people-heading">{t('plan.people.heading', { count: people.length })}</h2>
        <p>{t('plan.people.intro')}</p>
        <p className="muted">{t('plan.people.private')}</p>
        {people.length === 0 ? (
          <p className="muted">{t('plan.people.empty')}</p>
        ) : (
          <EditTable
            scroll
            columns={[
              t('plan.people.name'),
              t('plan.people.email'),
              t('plan.people.consent'),
              t('plan.people.actions'),
            ]}
          >
            {people.map((person) => (
              <tr key={person.id}>
                <td>
                  <RenameField
                    label={t('plan.people.nameOf', { name: person.name })}
                    value={person.name}
                    error={t('plan.people.errorName')}
                    onRename={(value) => updatePerson(doc, person.id, { name: value })}
                  />
                </td>
                <td>
                  <CommitField
                    hideLabel
                    type="email"
                    inputMode="email"
                    label={t('plan.people.emailOf', { name: person.name })}
                    value={person.email ?? ''}
                    onCommit={(value) => {
                      const trimmed = value.trim();
                      if (trimmed !== '' && !looksLikeEmail(trimmed)) {
                        return t('plan.people.errorEmail');
                      }
                      updatePerson(doc, person.id, { email: trimmed === '' ? null : trimmed });
                      return null;
                    }}
                  />
                </td>
                <td>
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={person.consent}
                      aria-label={t('plan.people.consentFor', { name: person.name })}
                      onChange={(event) => updatePerson(doc, person.id, { consent: event.target.checked })}
                    />
                    <span aria-hidden="true">
                      {person.consent ? t('plan.people.consentYes') : t('plan.people.consentNo')}
                    </span>
                  </label>
                </td>
                <td className="edit-table__actions">
                  <RowButton
                    label={t('plan.people.remove')}
                    ariaLabel={t('plan.people.removeFor', { name: person.name })}
                    onClick={() => {
                      removePerson(doc, person.id);
                      announce(t('plan.people.removed', { name: person.name }));
                    }}
                  />
                </td>
              </tr>
            ))}
          </EditTable>
        )}
      </section>
      <section className="panel" aria-labelledby="people-add-heading">
        <h2 id="people-add-heading">{t('plan.people.addHeading')}</h2>
        <form className="stack-form" noValidate onSubmit={add}>
          <div className="inline-form">
            <AddField label={t('plan.people.name')} value={name} onChange={setName} form={form} />
            <AddField type="email" label={t('plan.people.emailOptional')} value={email} onChange={setEmail} />
          </div>
          <label className="choice" htmlFor={consentId}>
            <input
              id={consentId}
              type="checkbox"
              checked={consent}
              onChange={(event) => setConsent(event.target.checked)}
            />
            {t('plan.people.consentLabel')}
          </label>
          <button type="submit" className="button button--quiet">
            {t('plan.people.add')}
          </button>
        </form>
        <FormError form={form} />
      </section>
    </>
  );
}
