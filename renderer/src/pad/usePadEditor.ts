import { Extension, type AnyExtension, type Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useEditor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import { padSchemaExtensions } from '../../../shared/pad/padExtensions.js';
import { contentFragment } from '../../../shared/pad/padLayout.js';
import { localPresenceUser, type SharedDoc } from '../sync/sharedDoc.js';
import { AuthorStamp } from './authorMark.js';
import { SelectionGuard } from './selectionGuard.js';

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Options of {@link usePadEditor}; changes apply without rebuilding the editor. */
export interface PadEditorOptions {
  editable: boolean;
  userId: string;
  label: string;
  /** Shown on carets of people without a name. */
  unnamed: string;
  onLinkRequest: () => void;
  onToolbarRequest: () => void;
}

/**
 * The collaborative editor of one pad: Tiptap bound to the pad's Y.XmlFragment through the one
 * provider the app already has for the document (renderer/src/sync/sharedDoc.ts: y-websocket plus
 * IndexedDB), with remote carets and selections labelled with names, per-user undo (only this
 * person's own changes; y-prosemirror's undo tracks local transactions only), and the author mark
 * stamped on everything typed here.
 */
export function usePadEditor(shared: SharedDoc, options: PadEditorOptions): Editor | null {
  const [live] = useState(() => new LiveOptions(options));
  useEffect(() => {
    live.set(options);
  });
  const extensions = useMemo(() => padEditorExtensions(shared, live), [shared, live]);
  const editor = useEditor(
    {
      extensions,
      editable: false,
      shouldRerenderOnTransaction: false,
      immediatelyRender: true,
      editorProps: {
        attributes: () => live.attributes(),
      },
    },
    [shared],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== options.editable) {
      editor.setEditable(options.editable);
    }
  }, [editor, options.editable]);

  useEffect(() => {
    // Re-render the attributes (label in the current language).
    if (editor && !editor.isDestroyed && editor.isInitialized) {
      editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false));
    }
  }, [editor, options.label]);

  return editor;
}

/** The newest options, read by the editor's plugins when they run (not during React's render). */
class LiveOptions {
  constructor(private options: PadEditorOptions) {}

  set(options: PadEditorOptions): void {
    this.options = options;
  }

  get(): PadEditorOptions {
    return this.options;
  }

  attributes(): Record<string, string> {
    return {
      id: 'pad-editor',
      class: 'pad-editor__content',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': this.options.label,
      'aria-readonly': this.options.editable ? 'false' : 'true',
    };
  }
}

/** The pad's schema plus collaboration, carets, author stamping and the page's shortcuts. */
function padEditorExtensions(shared: SharedDoc, live: LiveOptions): AnyExtension[] {
  return [
    ...padSchemaExtensions(),
    AuthorStamp.configure({ userId: () => (live.get().editable ? live.get().userId : null) }),
    Collaboration.configure({ fragment: contentFragment(shared.doc) }),
    SelectionGuard,
    CollaborationCaret.configure({
      provider: shared.provider,
      user: localPresenceUser(),
      render: (user: Record<string, unknown>) => {
        const caret = document.createElement('span');
        caret.className = 'collaboration-carets__caret';
        caret.setAttribute('aria-hidden', 'true');
        const dark = typeof user.caret === 'string' && HEX.test(user.caret) ? user.caret : '#4a5260';
        const light = typeof user.color === 'string' && HEX.test(user.color) ? user.color : '#e6eef7';
        caret.style.borderColor = dark;
        const label = document.createElement('span');
        label.className = 'collaboration-carets__label';
        label.style.backgroundColor = light;
        label.style.borderColor = dark;
        label.textContent = (typeof user.name === 'string' && user.name.trim()) || live.get().unnamed;
        caret.append(label);
        return caret;
      },
    }),
    Extension.create({
      name: 'padShortcuts',
      addKeyboardShortcuts() {
        return {
          'Mod-k': () => {
            live.get().onLinkRequest();
            return true;
          },
          'Alt-F10': () => {
            live.get().onToolbarRequest();
            return true;
          },
        };
      },
    }),
  ];
}
