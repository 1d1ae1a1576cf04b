import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRovingToolbar } from '../components/useRovingToolbar.js';
import type { SketchTool } from './engine/editorTypes.js';
import { Icon } from './icons.js';
import { useActionKeys } from './actions/useActionKeys.js';
import { toolShortcut } from './shortcutMap.js';

/** The icon of each tool (paths in a 24 × 24 box). */
const TOOL_ICONS: Record<SketchTool, ReactNode> = {
  select: <path d="M6 3l12 9-5.5 1.2L15 19l-2.6 1.2-2.6-5.8L6 18z" />,
  lasso: (
    <>
      <ellipse cx="12" cy="10" rx="8" ry="5.5" strokeDasharray="3 2.5" />
      <path d="M8 14.5c-1.5 2-.5 4.5 2 5.5" />
    </>
  ),
  draw: (
    <>
      <path d="M4 20l1.2-4.6L16 4.6l3.4 3.4L8.6 18.8z" />
      <path d="M14 6.6l3.4 3.4" />
    </>
  ),
  erase: (
    <>
      <path d="M9 20L3.5 14.5l10-10 7 7L12 20z" />
      <path d="M8.5 9.5l6 6M12 20h8" />
    </>
  ),
  text: <path d="M5 6V4h14v2M12 4v16M9 20h6" />,
  rect: <rect x="3.5" y="6" width="17" height="12" rx="1" />,
  ellipse: <ellipse cx="12" cy="12" rx="8.5" ry="6" />,
  arrow: <path d="M5 19L19 5M10 5h9v9" />,
  line: <path d="M5 19L19 5" />,
  connector: (
    <>
      <rect x="2.5" y="3" width="6" height="6" rx="1" />
      <rect x="15.5" y="15" width="6" height="6" rx="1" />
      <path d="M8.5 6H12v12h3.5" />
    </>
  ),
  speechBubble: <path d="M4 4.5h16v11H11l-5 4v-4H4z" />,
  banner: <path d="M6 7h12v8H6zM6 9H2l2 3-2 3h4M18 9h4l-2 3 2 3h-4" />,
  container: <path d="M7.5 4h9l5 8-5 8h-9l-5-8z" />,
  hand: <path d="M12 3v18M3 12h18M9 6l3-3 3 3M9 18l3 3 3-3M6 9l-3 3 3 3M18 9l3 3-3 3" />,
};

const UNDO_ICON = <path d="M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />;
const REDO_ICON = <path d="M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />;

type GroupKey = 'basic' | 'shapes' | 'moreShapes';
const TOOL_GROUPS: Array<{ key: GroupKey; tools: SketchTool[] }> = [
  { key: 'basic', tools: ['select', 'lasso', 'hand', 'draw', 'erase', 'text'] },
  { key: 'shapes', tools: ['rect', 'ellipse', 'arrow', 'line', 'connector'] },
  { key: 'moreShapes', tools: ['speechBubble', 'banner', 'container'] },
];

/** Buttons in the order the arrow keys walk them. */
type Item = { kind: 'tool'; tool: SketchTool } | { kind: 'undo' } | { kind: 'redo' } | { kind: 'help' };
const ITEMS: Item[] = [
  ...TOOL_GROUPS.flatMap((group) => group.tools.map((tool): Item => ({ kind: 'tool', tool }))),
  { kind: 'undo' },
  { kind: 'redo' },
  { kind: 'help' },
];
const indexOfTool = (tool: SketchTool): number =>
  ITEMS.findIndex((item) => item.kind === 'tool' && item.tool === tool);

export interface ToolBarProps {
  tool: SketchTool;
  onTool: (tool: SketchTool) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onHelp: () => void;
  /** Id of the drawing surface the tools act on. */
  controls?: string;
}

/**
 * The tools of the sketch editor, plus undo, redo and the shortcut help (WAI-ARIA toolbar: one
 * tab stop, arrow keys move, Home/End jump). Tools are toggle buttons (aria-pressed); each names
 * its shortcut in the tooltip ("Auswahl (V)") and in aria-keyshortcuts.
 */
export function ToolBar({ tool, onTool, canUndo, canRedo, onUndo, onRedo, onHelp, controls }: ToolBarProps) {
  const { t } = useTranslation();
  const keysOf = useActionKeys();

  const { buttonProps, onKeyDown } = useRovingToolbar(ITEMS.length, {
    initial: indexOfTool(tool),
    vertical: true,
  });

  function button(index: number, props: ButtonSpec): ReactNode {
    const title = props.shortcut
      ? t('sketch.withShortcut', { label: props.label, shortcut: props.shortcut })
      : props.label;
    return (
      <button
        key={props.id}
        {...buttonProps(index)}
        type="button"
        className="sketch-tool"
        aria-label={props.label}
        title={title}
        aria-keyshortcuts={props.keyshortcuts}
        aria-pressed={props.pressed}
        aria-disabled={props.disabled || undefined}
        // A click keeps the focus where it was (usually the canvas, so Space-pan and keys keep working).
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          if (!props.disabled) {
            props.onClick();
          }
        }}
      >
        {props.glyph}
      </button>
    );
  }

  return (
    <div
      className="sketch-toolbar"
      role="toolbar"
      aria-label={t('sketch.tools')}
      aria-controls={controls}
      onKeyDown={onKeyDown}
    >
      {TOOL_GROUPS.map((group) => (
        <div
          key={group.key}
          role="group"
          aria-label={t(`sketch.toolGroups.${group.key}`)}
          className={`sketch-toolbar__group sketch-toolbar__group--${group.key}`}
        >
          {group.tools.map((each) => {
            const shortcut = toolShortcut(each);
            return button(indexOfTool(each), {
              id: each,
              label: t(`sketch.tool.${each}`),
              shortcut,
              keyshortcuts: shortcut,
              pressed: each === tool,
              glyph: <Icon>{TOOL_ICONS[each]}</Icon>,
              onClick: () => onTool(each),
            });
          })}
        </div>
      ))}
      <div role="group" aria-label={t('sketch.toolGroups.history')} className="sketch-toolbar__group">
        {button(ITEMS.length - 3, {
          id: 'undo',
          label: t('sketch.undo'),
          ...keysOf('undo'),
          disabled: !canUndo,
          glyph: <Icon>{UNDO_ICON}</Icon>,
          onClick: onUndo,
        })}
        {button(ITEMS.length - 2, {
          id: 'redo',
          label: t('sketch.redo'),
          ...keysOf('redo'),
          disabled: !canRedo,
          glyph: <Icon>{REDO_ICON}</Icon>,
          onClick: onRedo,
        })}
      </div>
      <div className="sketch-toolbar__group sketch-toolbar__group--end">
        {button(ITEMS.length - 1, {
          id: 'help',
          label: t('sketch.help'),
          ...keysOf('help'),
          glyph: (
            <span aria-hidden="true" className="sketch-tool__text">
              ?
            </span>
          ),
          onClick: onHelp,
        })}
      </div>
    </div>
  );
}

interface ButtonSpec {
  id: string;
  label: string;
  /** As shown in the tooltip. */
  shortcut?: string;
  /** aria-keyshortcuts value. */
  keyshortcuts?: string;
  pressed?: boolean;
  disabled?: boolean;
  glyph: ReactNode;
  onClick: () => void;
}
