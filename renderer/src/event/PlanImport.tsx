import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportPlanResponse } from '../../../shared/api/eventContract.js';
import type { PlanPreview } from '../../../shared/event/importedPlan.js';
import { eventPath } from '../../../shared/routes/deepLinks.js';
import { ApiError, NetworkError } from '../api/coreApi.js';
import { ImportRefusedError, importPlanFile, previewPlanFile } from './planApi.js';
import { badRows, titleFromFileName } from './planForms.js';
import { PreviewTable } from './PreviewTable.js';
import { conflictText } from './conflictText.js';
import { isKnownImportError, isKnownImportProblem } from '../../../shared/event/importProblemCodes.js';

/** Where an import goes: a new event, or merged into an existing one. */
export type ImportTarget = { kind: 'new' } | { kind: 'merge'; eventId: string };

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; file: File }
  | { kind: 'preview'; file: File; preview: PlanPreview }
  | { kind: 'importing'; file: File; preview: PlanPreview }
  | { kind: 'done'; result: ImportPlanResponse };

/**
 * Importing a session plan file (CSV or Sessionize JSON): the core reads the file and answers with a
 * preview, which lists every row with its problems before anything is saved. Rows with errors are
 * never dropped silently: importing then needs the explicit choice to skip exactly those rows, and
 * the choice names them.
 */
export function PlanImport({ target, headingLevel = 2 }: { target: ImportTarget; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ids = { file: useId(), fileHint: useId(), title: useId(), skip: useId(), heading: useId() };
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [skip, setSkip] = useState(false);
  const [title, setTitle] = useState('');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';

  function failureText(failure: unknown): string {
    if (failure instanceof NetworkError) {
      return t('plan.import.errorNetwork');
    }
    if (failure instanceof ApiError) {
      // The core's sentence is English (for logs); the UI says it with the stable code in its language.
      return isKnownImportError(failure.code)
        ? t(`plan.import.error.${failure.code}`)
        : t('plan.import.errorRejected', { status: failure.status });
    }
    console.error('Importing a plan failed.', failure);
    return t('plan.import.errorNetwork');
  }

  async function choose(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) {
      return;
    }
    setError(null);
    setSkip(false);
    setTitle(titleFromFileName(file.name));
    setPhase({ kind: 'reading', file });
    try {
      const preview = await previewPlanFile(file, target.kind === 'merge' ? target.eventId : undefined);
      setPhase({ kind: 'preview', file, preview });
    } catch (failure) {
      setError(failureText(failure));
      setPhase({ kind: 'idle' });
    }
  }

  function reset(): void {
    setPhase({ kind: 'idle' });
    setError(null);
    setSkip(false);
    if (fileRef.current) {
      fileRef.current.value = '';
    }
    fileRef.current?.focus();
  }

  async function runImport(file: File, preview: PlanPreview): Promise<void> {
    const bad = badRows(preview);
    if (bad.length > 0 && !skip) {
      setError(t('plan.import.chooseSkipFirst'));
      return;
    }
    if (target.kind === 'new' && title.trim() === '') {
      setError(t('plan.import.errorTitle'));
      return;
    }
    setError(null);
    setPhase({ kind: 'importing', file, preview });
    try {
      const result = await importPlanFile(
        file,
        target.kind === 'new' ? { kind: 'new', title: title.trim() } : target,
        bad.length > 0 && skip,
      );
      if (target.kind === 'new') {
        void navigate(eventPath(result.event.id));
        return;
      }
      setPhase({ kind: 'done', result });
    } catch (failure) {
      if (failure instanceof ImportRefusedError) {
        setPhase({ kind: 'preview', file, preview: failure.preview });
        setError(t('plan.import.refused'));
        return;
      }
      setError(failureText(failure));
      setPhase({ kind: 'preview', file, preview });
    }
  }

  const preview = phase.kind === 'preview' || phase.kind === 'importing' ? phase.preview : null;
  const file =
    phase.kind === 'preview' || phase.kind === 'importing' || phase.kind === 'reading' ? phase.file : null;
  const bad = preview ? badRows(preview) : [];
  const fileErrors = preview ? preview.fileProblems.filter((p) => p.severity === 'error') : [];
  const blocked = fileErrors.length > 0 || (preview !== null && preview.plan.sessions.length === 0);

  return (
    <section className="panel plan-import" aria-labelledby={ids.heading}>
      <Heading id={ids.heading}>
        {target.kind === 'new' ? t('plan.import.headingNew') : t('plan.import.headingMerge')}
      </Heading>
      <p>{target.kind === 'new' ? t('plan.import.introNew') : t('plan.import.introMerge')}</p>
      <div className="field">
        <label htmlFor={ids.file}>{t('plan.import.fileLabel')}</label>
        <p id={ids.fileHint} className="hint">
          {t('plan.import.fileHint')}
        </p>
        <input
          ref={fileRef}
          id={ids.file}
          type="file"
          className="file-input"
          accept=".csv,.tsv,.txt,.json,text/csv,application/json"
          aria-describedby={ids.fileHint}
          onChange={(event) => void choose(event)}
        />
      </div>
      <div role="status" className="message-slot">
        {phase.kind === 'reading' && (
          <p className="muted">{t('plan.import.reading', { name: phase.file.name })}</p>
        )}
        {phase.kind === 'importing' && <p className="muted">{t('plan.import.importing')}</p>}
        {phase.kind === 'done' && (
          <p className="message message--success">
            {t('plan.import.merged', {
              sessions: phase.result.added.sessions,
              rooms: phase.result.added.rooms,
              slots: phase.result.added.slots,
            })}
            {phase.result.skippedLines.length > 0 &&
              ` ${t('plan.import.skippedLines', { lines: phase.result.skippedLines.join(', ') })}`}
          </p>
        )}
      </div>
      {error !== null && (
        <p className="message message--error" role="alert">
          {error}
        </p>
      )}
      {preview && file && (
        <div className="import-preview" data-testid="import-preview">
          <Sub>{t('plan.import.previewHeading', { name: file.name })}</Sub>
          <p className="import-preview__summary">
            {t('plan.import.summary', {
              rows: preview.summary.rows,
              scheduled: preview.summary.scheduled,
              proposed: preview.summary.proposed,
              rooms: preview.summary.rooms,
              slots: preview.summary.slots,
            })}{' '}
            <strong>
              {t('plan.import.problemCount', {
                errors: preview.summary.errors,
                warnings: preview.summary.warnings,
              })}
            </strong>
          </p>
          <p className="hint">
            {t('plan.import.source', {
              format: preview.source.format === 'csv' ? 'CSV' : 'Sessionize JSON',
              encoding: preview.source.encoding ?? '–',
              delimiter: preview.source.delimiter === '\t' ? 'Tab' : (preview.source.delimiter ?? '–'),
            })}
          </p>
          {preview.fileProblems.length > 0 && (
            <ul className="problem-list">
              {preview.fileProblems.map((problem, i) => (
                <li key={i} className={`problem problem--${problem.severity}`}>
                  <strong>{t(`plan.import.severity.${problem.severity}`)}:</strong>{' '}
                  {isKnownImportProblem(problem.code) ? (
                    (t as unknown as (key: string) => string)(`importProblem.code.${problem.code}`)
                  ) : (
                    <span lang="en">{problem.message}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {preview.conflicts.length > 0 && (
            <div className="message message--warning">
              <p>{t('plan.import.conflicts', { count: preview.conflicts.length })}</p>
              <ul>
                {preview.conflicts.map((conflict, i) => (
                  <li key={i}>{conflictText(t, { ...conflict, sessionIds: [] }, false)}</li>
                ))}
              </ul>
            </div>
          )}
          {preview.rows.length > 0 && <PreviewTable preview={preview} />}

          {bad.length > 0 && !blocked && (
            <fieldset className="skip-choice">
              <legend>{t('plan.import.skipLegend', { count: bad.length })}</legend>
              <p>{t('plan.import.skipIntro')}</p>
              <ul className="skip-choice__rows">
                {bad.map((row) => (
                  <li key={row.line}>
                    {t('plan.import.skipRow', {
                      line: row.line,
                      title: row.values.title ?? '',
                      problems: row.problems
                        .filter((p) => p.severity === 'error')
                        .map((p) => p.column)
                        .join(', '),
                    })}
                  </li>
                ))}
              </ul>
              <label className="choice" htmlFor={ids.skip}>
                <input
                  id={ids.skip}
                  type="checkbox"
                  checked={skip}
                  onChange={(event) => {
                    setSkip(event.target.checked);
                    setError(null);
                  }}
                />
                {t('plan.import.skipLabel', { count: bad.length })}
              </label>
            </fieldset>
          )}

          {!blocked && target.kind === 'new' && (
            <div className="field">
              <label htmlFor={ids.title}>{t('plan.import.titleLabel')}</label>
              <input
                id={ids.title}
                className="input"
                value={title}
                autoComplete="off"
                onChange={(event) => setTitle(event.target.value)}
              />
            </div>
          )}

          <div className="button-row">
            {!blocked && (
              <button
                type="button"
                className="button button--primary"
                aria-disabled={phase.kind === 'importing' || (bad.length > 0 && !skip)}
                onClick={() => {
                  if (phase.kind === 'preview') {
                    void runImport(phase.file, phase.preview);
                  }
                }}
              >
                {bad.length > 0
                  ? t('plan.import.importWithoutBad', { count: preview.plan.sessions.length })
                  : t('plan.import.importAll', { count: preview.plan.sessions.length })}
              </button>
            )}
            <button type="button" className="button button--quiet" onClick={reset}>
              {t('plan.import.discard')}
            </button>
          </div>
          {blocked && <p className="message message--error">{t('plan.import.blocked')}</p>}
        </div>
      )}
    </section>
  );
}
