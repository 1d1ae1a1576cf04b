import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addPerson, removePerson, updatePerson } from '../../../../shared/event/eventChanges.js';
import type { EventSnapshot } from '../../../../shared/event/eventSnapshot.js';
import { useAnnounce } from '../../plan/Announcer.js';
import { CommitField } from '../../plan/CommitField.js';
import { makeId } from '../../plan/randomId.js';

/** A rough check that catches typos, not a validation of deliverability. */
function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/**
 * The people of the event (hosts, speakers, the documentation team) with their consent to be named
 * in published documentation. Consent defaults to no: it has to be given, not assumed.
 */
export function PeopleEditor({ doc, snapshot }: { doc: Y.Doc; snapshot: EventSnapshot }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const nameId = useId();
  const emailId = useId();
  const consentId = useId();
  const errorId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const people = snapshot.people;

  function add(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('plan.people.errorName'));
      nameRef.current?.focus();
      return;
    }
    if (email.trim() !== '' && !looksLikeEmail(email.trim())) {
      setError(t('plan.people.errorEmail'));
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
    setError(null);
    nameRef.current?.focus();
  }

  return (
    <>
      <section className="panel" aria-labelledby="people-heading">
        <h2 id="people-heading">{t('plan.people.heading', { count: people.length })}</h2>
        <p>{t('plan.people.intro')}</p>
        {people.length === 0 ? (
          <p className="muted">{t('plan.people.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table edit-table">
              <thead>
                <tr>
                  <th scope="col">{t('plan.people.name')}</th>
                  <th scope="col">{t('plan.people.email')}</th>
                  <th scope="col">{t('plan.people.consent')}</th>
                  <th scope="col">{t('plan.people.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr key={person.id}>
                    <td>
                      <CommitField
                        hideLabel
                        label={t('plan.people.nameOf', { name: person.name })}
                        value={person.name}
                        onCommit={(value) => {
                          if (value.trim() === '') {
                            return t('plan.people.errorName');
                          }
                          updatePerson(doc, person.id, { name: value.trim() });
                          return null;
                        }}
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
                          onChange={(event) =>
                            updatePerson(doc, person.id, { consent: event.target.checked })
                          }
                        />
                        <span aria-hidden="true">
                          {person.consent ? t('plan.people.consentYes') : t('plan.people.consentNo')}
                        </span>
                      </label>
                    </td>
                    <td className="edit-table__actions">
                      <button
                        type="button"
                        className="session-link session-link--button"
                        aria-label={t('plan.people.removeFor', { name: person.name })}
                        onClick={() => {
                          removePerson(doc, person.id);
                          announce(t('plan.people.removed', { name: person.name }));
                        }}
                      >
                        {t('plan.people.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="people-add-heading">
        <h2 id="people-add-heading">{t('plan.people.addHeading')}</h2>
        <form className="stack-form" noValidate onSubmit={add}>
          <div className="inline-form">
            <div className="field field--grow">
              <label htmlFor={nameId}>{t('plan.people.name')}</label>
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
            <div className="field field--grow">
              <label htmlFor={emailId}>{t('plan.people.emailOptional')}</label>
              <input
                id={emailId}
                type="email"
                className="input"
                value={email}
                autoComplete="off"
                onChange={(event) => setEmail(event.target.value)}
              />
            </div>
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
        {error !== null && (
          <p id={errorId} className="message message--error" role="alert">
            {error}
          </p>
        )}
      </section>
    </>
  );
}
