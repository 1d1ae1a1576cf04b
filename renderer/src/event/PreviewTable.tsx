import { useTranslation } from 'react-i18next';
import { isKnownImportProblem } from '../../../shared/event/importProblemCodes.js';
import type { PlanField, PlanPreview, PreviewRow, RowProblem } from '../../../shared/event/importedPlan.js';

/** A row problem in the UI's language, from its stable code and the value the row has there. */
function useProblemText(): (problem: RowProblem, values: PreviewRow['values']) => string {
  const { t } = useTranslation();
  // The code comes from the core at run time; every known code has a text (i18n parity test).
  const translate = t as unknown as (key: string, options?: Record<string, string>) => string;
  return (problem, values) => {
    const value = problem.field === undefined ? '' : (values[problem.field] ?? '');
    return isKnownImportProblem(problem.code)
      ? translate(`importProblem.code.${problem.code}`, { value })
      : translate('importProblem.code.unknown', { code: problem.code });
  };
}

const SHOWN: readonly PlanField[] = ['title', 'hosts', 'room', 'start', 'end', 'votes'];

/**
 * Every row of a plan file as it was read, with its problems (column and message). Rows with an
 * error are marked and say that they would not be imported.
 */
export function PreviewTable({ preview }: { preview: PlanPreview }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const columnName = (field: PlanField): string =>
    preview.columns.find((c) => c.field === field)?.header ?? t(`plan.import.field.${field}`);
  const shown = SHOWN.filter((field) => preview.columns.some((c) => c.field === field));
  return (
    <div className="table-scroll" role="region" aria-label={t('plan.import.tableLabel')} tabIndex={0}>
      <table className="data-table preview-table">
        <thead>
          <tr>
            <th scope="col">{t('plan.import.line')}</th>
            {shown.map((field) => (
              <th scope="col" key={field}>
                {columnName(field)}
              </th>
            ))}
            <th scope="col">{t('plan.import.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => {
            const hasError = row.problems.some((p) => p.severity === 'error');
            return (
              <tr key={row.line} className={hasError ? 'preview-row preview-row--error' : 'preview-row'}>
                <th scope="row">{row.line}</th>
                {shown.map((field) => (
                  <td key={field}>{row.values[field] ?? ''}</td>
                ))}
                <td>
                  {row.problems.length === 0 ? (
                    <span className="muted">{t('plan.import.rowOk')}</span>
                  ) : (
                    <ul className="problem-list problem-list--tight">
                      {hasError && (
                        <li className="problem problem--error">{t('plan.import.rowNotImported')}</li>
                      )}
                      {row.problems.map((problem, i) => (
                        <li key={i} className={`problem problem--${problem.severity}`}>
                          <strong>
                            {t(`plan.import.severity.${problem.severity}`)} · {problem.column}:
                          </strong>{' '}
                          {problemText(problem, row.values)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
