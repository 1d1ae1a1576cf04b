import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRovingToolbar } from '../components/useRovingToolbar.js';
import { SAFE_LINK } from '../../../shared/pad/padJson.js';

type ToolKey =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strike'
  | 'code'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'bulletList'
  | 'orderedList'
  | 'taskList'
  | 'blockquote'
  | 'codeBlock'
  | 'link'
  | 'undo'
  | 'redo';

interface Tool {
  key: ToolKey;
  /** What the button shows (a glyph; the accessible name comes from i18n). */
  glyph: string;
  /** aria-keyshortcuts value, and the hint in the tooltip. */
  shortcut?: string;
  /** Toggles something (has aria-pressed) or does something once. */
  toggle: boolean;
  className?: string;
}

const GROUPS: Tool[][] = [
  [
    { key: 'bold', glyph: 'B', shortcut: 'Control+B', toggle: true, className: 'tool--bold' },
    { key: 'italic', glyph: 'I', shortcut: 'Control+I', toggle: true, className: 'tool--italic' },
    { key: 'underline', glyph: 'U', shortcut: 'Control+U', toggle: true, className: 'tool--underline' },
    { key: 'strike', glyph: 'S', shortcut: 'Control+Shift+S', toggle: true, className: 'tool--strike' },
    { key: 'code', glyph: '</>', shortcut: 'Control+E', toggle: true },
  ],
  [
    { key: 'h1', glyph: 'H1', shortcut: 'Control+Alt+1', toggle: true },
    { key: 'h2', glyph: 'H2', shortcut: 'Control+Alt+2', toggle: true },
    { key: 'h3', glyph: 'H3', shortcut: 'Control+Alt+3', toggle: true },
  ],
  [
    { key: 'bulletList', glyph: '•', shortcut: 'Control+Shift+8', toggle: true },
    { key: 'orderedList', glyph: '1.', shortcut: 'Control+Shift+7', toggle: true },
    { key: 'taskList', glyph: '☑', shortcut: 'Control+Shift+9', toggle: true },
    { key: 'blockquote', glyph: '❝', shortcut: 'Control+Shift+B', toggle: true },
    { key: 'codeBlock', glyph: '{ }', shortcut: 'Control+Alt+C', toggle: true },
    { key: 'link', glyph: 'link', shortcut: 'Control+K', toggle: true },
  ],
  [
    { key: 'undo', glyph: '↶', shortcut: 'Control+Z', toggle: false },
    { key: 'redo', glyph: '↷', shortcut: 'Control+Shift+Z', toggle: false },
  ],
];

/** A chain-link icon (emoji fonts are not everywhere). */
function LinkIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
    >
      <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L11.6 6" />
      <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.6-1.6" />
    </svg>
  );
}

/** Index of each group's first button among all buttons (for the roving tab stop). */
const OFFSETS = GROUPS.map((_, g) => GROUPS.slice(0, g).reduce((n, group) => n + group.length, 0));

/** The marks and lists a phone's one-row toolbar shows; the rest sit behind "Mehr". */
const PHONE_TOOLS: readonly ToolKey[] = [
  'bold',
  'italic',
  'h2',
  'bulletList',
  'taskList',
  'link',
  'undo',
  'redo',
];

/** The tools of the compact toolbar: the row first, then those behind "Mehr" (in toolbar order). */
export function compactTools(): { row: ToolKey[]; more: ToolKey[] } {
  const all = GROUPS.flat().map((tool) => tool.key);
  return {
    row: all.filter((key) => PHONE_TOOLS.includes(key)),
    more: all.filter((key) => !PHONE_TOOLS.includes(key)),
  };
}

function isActive(editor: Editor, key: ToolKey): boolean {
  switch (key) {
    case 'h1':
      return editor.isActive('heading', { level: 1 });
    case 'h2':
      return editor.isActive('heading', { level: 2 });
    case 'h3':
      return editor.isActive('heading', { level: 3 });
    case 'undo':
    case 'redo':
      return false;
    default:
      return editor.isActive(key);
  }
}

function run(editor: Editor, key: ToolKey): void {
  const chain = editor.chain().focus();
  switch (key) {
    case 'bold':
      chain.toggleBold().run();
      break;
    case 'italic':
      chain.toggleItalic().run();
      break;
    case 'underline':
      chain.toggleUnderline().run();
      break;
    case 'strike':
      chain.toggleStrike().run();
      break;
    case 'code':
      chain.toggleCode().run();
      break;
    case 'h1':
      chain.toggleHeading({ level: 1 }).run();
      break;
    case 'h2':
      chain.toggleHeading({ level: 2 }).run();
      break;
    case 'h3':
      chain.toggleHeading({ level: 3 }).run();
      break;
    case 'bulletList':
      chain.toggleBulletList().run();
      break;
    case 'orderedList':
      chain.toggleOrderedList().run();
      break;
    case 'taskList':
      chain.toggleTaskList().run();
      break;
    case 'blockquote':
      chain.toggleBlockquote().run();
      break;
    case 'codeBlock':
      chain.toggleCodeBlock().run();
      break;
    case 'undo':
      chain.undo().run();
      break;
    case 'redo':
      chain.redo().run();
      break;
    case 'link':
      break;
  }
}

/**
 * The formatting toolbar (WAI-ARIA toolbar pattern: one tab stop, arrow keys move between
 * buttons, Home/End jump). Toggle buttons report their state with aria-pressed; every button
 * names its shortcut (aria-keyshortcuts and the tooltip). Ctrl+K in the editor opens the link form.
 */
export function PadToolbar({
  editor,
  onLinkRequest,
  controls = 'pad-editor',
  compact = false,
}: {
  editor: Editor;
  onLinkRequest: () => void;
  /** The id of the editing area the toolbar acts on (`aria-controls`). */
  controls?: string;
  /** One scrolling row with the most used tools and a "Mehr" menu (the phone layout). */
  compact?: boolean;
}) {
  if (compact) {
    return <CompactToolbar editor={editor} onLinkRequest={onLinkRequest} controls={controls} />;
  }
  return <FullToolbar editor={editor} onLinkRequest={onLinkRequest} controls={controls} />;
}

/** Live pressed and enabled state of every tool. */
function useToolState(editor: Editor) {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const active: Partial<Record<ToolKey, boolean>> = {};
      for (const tool of GROUPS.flat()) {
        active[tool.key] = isActive(e, tool.key);
      }
      return { active, canUndo: e.can().undo(), canRedo: e.can().redo() };
    },
  });
}

const TOOLS = new Map(GROUPS.flat().map((tool) => [tool.key, tool]));

/** One tool's button (its roving props come from the toolbar). */
function ToolButton({
  tool,
  editor,
  state,
  onLinkRequest,
  roving,
  onDone,
}: {
  tool: Tool;
  editor: Editor;
  state: ReturnType<typeof useToolState>;
  onLinkRequest: () => void;
  roving: ReturnType<ReturnType<typeof useRovingToolbar>['buttonProps']>;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const pressed = state.active[tool.key] === true;
  const label = t(`pad.toolbar.${tool.key}`);
  const disabled = (tool.key === 'undo' && !state.canUndo) || (tool.key === 'redo' && !state.canRedo);
  return (
    <button
      {...roving}
      type="button"
      className={['pad-tool', tool.className].filter(Boolean).join(' ')}
      aria-label={label}
      title={tool.shortcut ? `${label} (${tool.shortcut.replace('Control', 'Strg')})` : label}
      aria-keyshortcuts={tool.shortcut}
      aria-pressed={tool.toggle ? pressed : undefined}
      aria-disabled={disabled || undefined}
      // Keep the editor's selection: the click must not move focus out of the text.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        if (disabled) {
          return;
        }
        if (tool.key === 'link') {
          onLinkRequest();
        } else {
          run(editor, tool.key);
        }
        onDone?.();
      }}
    >
      {tool.glyph === 'link' ? <LinkIcon /> : <span aria-hidden="true">{tool.glyph}</span>}
    </button>
  );
}

/**
 * The phone toolbar: one horizontally scrolling row of the most used tools and a "Mehr" button
 * that opens the others above the row (still one toolbar, one tab stop, arrow keys).
 */
function CompactToolbar({
  editor,
  onLinkRequest,
  controls,
}: {
  editor: Editor;
  onLinkRequest: () => void;
  controls: string;
}) {
  const { t } = useTranslation();
  const state = useToolState(editor);
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();
  const { row, more } = compactTools();
  const count = row.length + 1 + (moreOpen ? more.length : 0);
  const { buttonProps, onKeyDown } = useRovingToolbar(count);
  const tool = (key: ToolKey): Tool => TOOLS.get(key) as Tool;
  return (
    <div
      className="pad-toolbar pad-toolbar--compact"
      role="toolbar"
      aria-label={t('pad.toolbar.label')}
      aria-controls={controls}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && moreOpen) {
          event.preventDefault();
          setMoreOpen(false);
          editor.commands.focus();
          return;
        }
        onKeyDown(event);
      }}
    >
      {moreOpen && (
        <div className="pad-toolbar__more" id={moreId}>
          {more.map((key, j) => (
            <ToolButton
              key={key}
              tool={tool(key)}
              editor={editor}
              state={state}
              onLinkRequest={onLinkRequest}
              roving={buttonProps(row.length + 1 + j)}
              onDone={() => setMoreOpen(false)}
            />
          ))}
        </div>
      )}
      <div className="pad-toolbar__row">
        {row.map((key, i) => (
          <ToolButton
            key={key}
            tool={tool(key)}
            editor={editor}
            state={state}
            onLinkRequest={onLinkRequest}
            roving={buttonProps(i)}
          />
        ))}
        <button
          {...buttonProps(row.length)}
          type="button"
          className="pad-tool pad-tool--more"
          aria-expanded={moreOpen}
          aria-controls={moreOpen ? moreId : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setMoreOpen(!moreOpen)}
        >
          {t('pad.toolbar.more')}
        </button>
      </div>
    </div>
  );
}

/** The desktop toolbar: every tool, in groups that wrap. */
function FullToolbar({
  editor,
  onLinkRequest,
  controls,
}: {
  editor: Editor;
  onLinkRequest: () => void;
  controls: string;
}) {
  const { t } = useTranslation();
  const state = useToolState(editor);
  const tools = GROUPS.flat();
  const { buttonProps, onKeyDown } = useRovingToolbar(tools.length);
  return (
    <div
      className="pad-toolbar"
      role="toolbar"
      aria-label={t('pad.toolbar.label')}
      aria-controls={controls}
      onKeyDown={onKeyDown}
    >
      {GROUPS.map((group, g) => (
        <div className="pad-toolbar__group" key={g}>
          {group.map((tool, j) => (
            <ToolButton
              key={tool.key}
              tool={tool}
              editor={editor}
              state={state}
              onLinkRequest={onLinkRequest}
              roving={buttonProps((OFFSETS[g] ?? 0) + j)}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

/** The form for adding, changing or removing the link on the selection. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const current = editor.getAttributes('link').href;
  const [href, setHref] = useState(typeof current === 'string' ? current : 'https://');
  const [error, setError] = useState(false);

  function apply(): void {
    const value = href.trim();
    if (value === '' || value === 'https://') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onClose();
      return;
    }
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
    if (!SAFE_LINK.test(withScheme)) {
      setError(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: withScheme }).run();
    onClose();
  }

  return (
    <form
      className="pad-linkform"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          editor.commands.focus();
          onClose();
        }
      }}
    >
      <label htmlFor={inputId}>{t('pad.link.label')}</label>
      <input
        id={inputId}
        className="input"
        type="url"
        value={href}
        autoFocus
        aria-invalid={error || undefined}
        onChange={(event) => {
          setHref(event.target.value);
          setError(false);
        }}
      />
      <button type="submit" className="button button--primary">
        {t('pad.link.apply')}
      </button>
      {typeof current === 'string' && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onClose();
          }}
        >
          {t('pad.link.remove')}
        </button>
      )}
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          editor.commands.focus();
          onClose();
        }}
      >
        {t('pad.link.cancel')}
      </button>
      {error && (
        <p className="message message--error" role="alert">
          {t('pad.link.invalid')}
        </p>
      )}
    </form>
  );
}
