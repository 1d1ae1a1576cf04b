import { useTranslation } from 'react-i18next';
import { useRovingToolbar } from '../components/useRovingToolbar.js';
import { editorAction, type ActionContext, type ActionName } from './actions/editorAction.js';
import { useActionKeys } from './actions/useActionKeys.js';
import type { SelectionInfo } from './engine/editorTypes.js';
import { Icon } from './icons.js';

/** The actions of the selection bar, in its order (each one file in `actions/`). */
const BAR_ACTIONS = [
  'duplicate',
  'delete',
  'group',
  'ungroup',
  'front',
  'forward',
  'backward',
  'back',
  'copy',
  'cut',
] as const satisfies readonly ActionName[];

export interface SelectionBarProps {
  selection: SelectionInfo;
  /** What the actions run with (the editor's undo, clipboard and engine). */
  context: () => ActionContext | null;
}

/**
 * What can be done with the selection (shown while something is selected): duplicate, delete,
 * group or ungroup, the paint order, copy and cut, each a registered action (`actions/`) with its
 * label, shortcut and enabled rule. A toolbar with one tab stop and arrow keys.
 */
export function SelectionBar({ selection, context }: SelectionBarProps) {
  const { t } = useTranslation();
  const count = selection.items.length;
  const keysOf = useActionKeys();
  const { buttonProps, onKeyDown } = useRovingToolbar(BAR_ACTIONS.length);
  const ctx = context();

  return (
    <div
      className="sketch-selectionbar"
      role="toolbar"
      aria-label={t('sketch.selection.label')}
      onKeyDown={onKeyDown}
    >
      <span className="sketch-selectionbar__count">{t('sketch.selection.count', { count })}</span>
      {BAR_ACTIONS.map((name, i) => {
        const action = editorAction(name);
        const label = t(`sketch.selection.${name}`);
        const off = ctx === null || !action.enabled(ctx);
        const { shortcut, keyshortcuts } = keysOf(name);
        return (
          <button
            key={name}
            {...buttonProps(i)}
            type="button"
            className={action.glyph === undefined ? 'sketch-tool sketch-tool--wide' : 'sketch-tool'}
            aria-label={label}
            title={t('sketch.withShortcut', { label, shortcut })}
            aria-keyshortcuts={keyshortcuts}
            aria-disabled={off || undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              const now = context();
              if (now && action.enabled(now)) {
                action.perform(now, false);
              }
            }}
          >
            {action.glyph === undefined ? label : <Icon>{action.glyph}</Icon>}
          </button>
        );
      })}
    </div>
  );
}
