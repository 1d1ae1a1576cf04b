import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRovingToolbar } from '../components/useRovingToolbar.js';
import type { OrderMove, SelectionInfo } from './engine/editorTypes.js';
import type { EditorEngine } from './editorApi.js';
import { Icon } from './icons.js';

type Action = 'duplicate' | 'delete' | 'group' | 'ungroup' | OrderMove | 'copy' | 'cut';

interface Entry {
  action: Action;
  /** As shown in the tooltip, with `Ctrl` translated. */
  shortcut: string;
  keyshortcuts: string;
  /** Icon paths, or null for a text button. */
  glyph: ReactNode;
}

const ENTRIES: Entry[] = [
  {
    action: 'duplicate',
    shortcut: 'Ctrl+D',
    keyshortcuts: 'Control+D',
    glyph: (
      <>
        <rect x="8" y="8" width="12" height="12" rx="1.5" />
        <path d="M16 8V5.5A1.5 1.5 0 0 0 14.5 4h-9A1.5 1.5 0 0 0 4 5.5v9A1.5 1.5 0 0 0 5.5 16H8" />
      </>
    ),
  },
  {
    action: 'delete',
    shortcut: 'Entf',
    keyshortcuts: 'Delete Backspace',
    glyph: <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />,
  },
  {
    action: 'group',
    shortcut: 'Ctrl+G',
    keyshortcuts: 'Control+G',
    glyph: (
      <>
        <rect x="3" y="3" width="18" height="18" rx="2" strokeDasharray="3 2" />
        <rect x="7" y="7" width="5" height="5" />
        <rect x="12" y="12" width="5" height="5" />
      </>
    ),
  },
  {
    action: 'ungroup',
    shortcut: 'Ctrl+Shift+G',
    keyshortcuts: 'Control+Shift+G',
    glyph: (
      <>
        <rect x="3.5" y="3.5" width="7" height="7" />
        <rect x="13.5" y="13.5" width="7" height="7" />
      </>
    ),
  },
  {
    action: 'front',
    shortcut: 'Ctrl+]',
    keyshortcuts: 'Control+]',
    glyph: <path d="M5 3.5h14M12 21V8M7 13l5-5 5 5" />,
  },
  { action: 'forward', shortcut: ']', keyshortcuts: ']', glyph: <path d="M12 20V5M6 11l6-6 6 6" /> },
  { action: 'backward', shortcut: '[', keyshortcuts: '[', glyph: <path d="M12 4v15M6 13l6 6 6-6" /> },
  {
    action: 'back',
    shortcut: 'Ctrl+[',
    keyshortcuts: 'Control+[',
    glyph: <path d="M5 20.5h14M12 3v13M7 11l5 5 5-5" />,
  },
  { action: 'copy', shortcut: 'Ctrl+C', keyshortcuts: 'Control+C', glyph: null },
  { action: 'cut', shortcut: 'Ctrl+X', keyshortcuts: 'Control+X', glyph: null },
];

export interface SelectionBarProps {
  engine: EditorEngine;
  selection: SelectionInfo;
  onCopy: () => void;
  onCut: () => void;
}

/**
 * What can be done with the selection (shown while something is selected): duplicate, delete,
 * group or ungroup, the paint order, copy and cut. A toolbar with one tab stop and arrow keys.
 */
export function SelectionBar({ engine, selection, onCopy, onCut }: SelectionBarProps) {
  const { t } = useTranslation();
  const ctrl = t('sketch.keys.ctrl');
  const count = selection.items.length;

  function disabled(action: Action): boolean {
    if (action === 'group') {
      return count < 2 || selection.grouped;
    }
    if (action === 'ungroup') {
      return !selection.grouped;
    }
    return false;
  }

  function run(action: Action): void {
    switch (action) {
      case 'duplicate':
        engine.duplicateSelection();
        break;
      case 'delete':
        engine.deleteSelection();
        break;
      case 'group':
        engine.groupSelection();
        break;
      case 'ungroup':
        engine.ungroupSelection();
        break;
      case 'copy':
        onCopy();
        break;
      case 'cut':
        onCut();
        break;
      default:
        engine.orderSelection(action);
    }
  }

  const { buttonProps, onKeyDown } = useRovingToolbar(ENTRIES.length);

  return (
    <div
      className="sketch-selectionbar"
      role="toolbar"
      aria-label={t('sketch.selection.label')}
      onKeyDown={onKeyDown}
    >
      <span className="sketch-selectionbar__count">{t('sketch.selection.count', { count })}</span>
      {ENTRIES.map((entry, i) => {
        const label = t(`sketch.selection.${entry.action}`);
        const off = disabled(entry.action);
        const shortcut = entry.shortcut
          .replace('Ctrl', ctrl)
          .replace('Shift', t('sketch.keys.shift'))
          .replace('Entf', t('sketch.keys.delete'));
        return (
          <button
            key={entry.action}
            {...buttonProps(i)}
            type="button"
            className={entry.glyph === null ? 'sketch-tool sketch-tool--wide' : 'sketch-tool'}
            aria-label={label}
            title={t('sketch.withShortcut', { label, shortcut })}
            aria-keyshortcuts={entry.keyshortcuts}
            aria-disabled={off || undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (!off) {
                run(entry.action);
              }
            }}
          >
            {entry.glyph === null ? label : <Icon>{entry.glyph}</Icon>}
          </button>
        );
      })}
    </div>
  );
}
