import { Fragment, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeyName } from './actions/useActionKeys.js';
import { shortcutRows, type ShortcutRow } from './shortcutMap.js';

/**
 * The list of keyboard shortcuts in a modal <dialog> (showModal: the browser keeps focus inside,
 * Escape closes it and focus returns to where it was).
 */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) {
      return;
    }
    if (open && !element.open) {
      element.showModal();
      // Start at the top: the heading takes the focus (the browser would pick the close button,
      // the only control, and scroll the table away).
      element.querySelector<HTMLElement>('h2')?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const keyName = useKeyName();

  function what(row: ShortcutRow): string {
    return 'tool' in row.what
      ? t('sketch.shortcuts.tool', { tool: t(`sketch.tool.${row.what.tool}`) })
      : t(`sketch.shortcuts.${row.what.action}`);
  }

  return (
    <dialog
      ref={dialog}
      className="sketch-help"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === event.currentTarget) {
          onClose();
        }
      }}
    >
      <div className="sketch-help__content">
        <h2 id={`${id}-title`} tabIndex={-1}>
          {t('sketch.shortcuts.title')}
        </h2>
        <p>{t('sketch.intro')}</p>
        <p id={`${id}-intro`} className="hint">
          {t('sketch.shortcuts.intro')}
        </p>
        <table className="sketch-help__table">
          <thead>
            <tr>
              <th scope="col">{t('sketch.shortcuts.keysColumn')}</th>
              <th scope="col">{t('sketch.shortcuts.actionColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {shortcutRows().map((row, i) => (
              <tr key={i}>
                <td>
                  {row.combos.map((combo, c) => (
                    <Fragment key={c}>
                      {c > 0 && <span className="sketch-help__or"> {t('sketch.shortcuts.or')} </span>}
                      {combo.map((token, k) => (
                        <Fragment key={k}>
                          {k > 0 && <span aria-hidden="true">+</span>}
                          <kbd>{keyName(token)}</kbd>
                        </Fragment>
                      ))}
                    </Fragment>
                  ))}
                </td>
                <td>{what(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog" className="sketch-help__actions">
          <button type="submit" className="button button--primary">
            {t('sketch.shortcuts.close')}
          </button>
        </form>
      </div>
    </dialog>
  );
}
