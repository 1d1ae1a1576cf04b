import { Extension } from '@tiptap/core';
import { history, redo, undo } from '@tiptap/pm/history';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { TemplatePadCounts } from '../../../shared/api/padContract.js';
import type { EventSnapshot } from '../../../shared/event/eventSnapshot.js';
import { padSchemaExtensions } from '../../../shared/pad/padExtensions.js';
import type { PadDoc } from '../../../shared/pad/padJson.js';
import { markdownToPadDoc, padDocToMarkdown } from '../../../shared/pad/padMarkdown.js';
import {
  DEFAULT_PAD_TEMPLATE,
  TEMPLATE_PLACEHOLDERS,
  readPadTemplate,
  templatePadDoc,
  templateValuesFor,
  writePadTemplate,
} from '../../../shared/pad/padTemplate.js';
import { PadToolbar } from '../pad/PadToolbar.js';
import { applyTemplateToEmptyPads, getEventPadTemplate } from './templateApi.js';

/** Undo and redo for an editor without collaboration (the pad's own undo is y-prosemirror's). */
const LocalHistory = Extension.create({
  name: 'localHistory',
  addProseMirrorPlugins() {
    return [history()];
  },
  addCommands() {
    return {
      undo:
        () =>
        ({ state, dispatch }) =>
          undo(state, dispatch),
      redo:
        () =>
        ({ state, dispatch }) =>
          redo(state, dispatch),
    };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-z': () => this.editor.commands.undo(),
      'Mod-Shift-z': () => this.editor.commands.redo(),
      'Mod-y': () => this.editor.commands.redo(),
    };
  },
});

/**
 * The event's template for new session pads, edited as the document it becomes (the pad's own
 * schema and toolbar, placeholders as {{title}} in the text) beside a preview filled in with one of
 * the event's sessions. Saving writes it into the event (Markdown in `meta.padTemplate`, read by the
 * core when a pad is first opened). It says which pads that reaches, and can give the new template
 * to the pads that were opened but nobody wrote in.
 */
export function PadTemplateEditor({
  eventId,
  doc,
  snapshot,
}: {
  eventId: string;
  doc: Y.Doc;
  snapshot: EventSnapshot;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const previewId = useId();
  const stored = readPadTemplate(doc);
  const [saved, setSaved] = useState(stored ?? DEFAULT_PAD_TEMPLATE);
  const [dirty, setDirty] = useState(false);
  const [counts, setCounts] = useState<TemplatePadCounts | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const example = useMemo(() => {
    const session = snapshot.sessions.find((s) => s.status === 'scheduled') ?? snapshot.sessions[0];
    return (
      (session && templateValuesFor(snapshot, session.id)) ?? {
        title: t('padTemplate.exampleTitle'),
        hosts: t('padTemplate.exampleHosts'),
        room: t('padTemplate.exampleRoom'),
        time: '05.12.2026, 10:00–10:45',
      }
    );
  }, [snapshot, t]);

  const [draft, setDraft] = useState(saved);
  const editor = useEditor({
    extensions: [...padSchemaExtensions(), LocalHistory],
    content: markdownToPadDoc(saved),
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        'aria-labelledby': headingId,
        'aria-describedby': previewId,
        'aria-multiline': 'true',
        role: 'textbox',
        id: `${headingId}-editor`,
        class: 'pad-editor__content template-editor__content',
      },
    },
    onUpdate: ({ editor: e }) => {
      setDraft(padDocToMarkdown(e.getJSON() as PadDoc));
      setDirty(true);
      setStatus('');
    },
  });

  const preview = useEditor(
    {
      extensions: padSchemaExtensions(),
      content: templatePadDoc(draft, example),
      editable: false,
      immediatelyRender: true,
      editorProps: {
        attributes: { class: 'pad-editor__content template-editor__preview' },
      },
    },
    [draft, example],
  );

  const refreshCounts = (): void => {
    getEventPadTemplate(eventId).then(
      (loaded) => setCounts(loaded.pads),
      () => setCounts(null),
    );
  };
  useEffect(refreshCounts, [eventId]);

  const save = (): void => {
    writePadTemplate(doc, draft === DEFAULT_PAD_TEMPLATE ? '' : draft);
    setSaved(draft);
    setDirty(false);
    setStatus(t('padTemplate.saved'));
    refreshCounts();
  };

  const reset = (): void => {
    editor?.commands.setContent(markdownToPadDoc(DEFAULT_PAD_TEMPLATE));
    setDraft(DEFAULT_PAD_TEMPLATE);
    setDirty(true);
  };

  const apply = async (): Promise<void> => {
    setBusy(true);
    try {
      const result = await applyTemplateToEmptyPads(eventId);
      setCounts(result.pads);
      setStatus(t('padTemplate.applied', { count: result.applied }));
    } catch {
      setStatus(t('padTemplate.applyFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel template-editor" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('padTemplate.heading')}</h2>
      <p className="hint">
        {t('padTemplate.intro', {
          placeholders: TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', '),
          interpolation: { skipOnVariables: true },
        })}
      </p>
      <div className="template-editor__columns">
        <div className="template-editor__edit">
          {editor && (
            <PadToolbar editor={editor} onLinkRequest={() => undefined} controls={`${headingId}-editor`} />
          )}
          <div className="pad-editor template-editor__box">
            <EditorContent editor={editor} />
          </div>
          <p className="template-editor__placeholders">
            <span>{t('padTemplate.insert')}</span>{' '}
            {TEMPLATE_PLACEHOLDERS.map((name) => (
              <button
                key={name}
                type="button"
                className="button button--quiet button--small"
                onClick={() => editor?.chain().focus().insertContent(`{{${name}}}`).run()}
              >
                {t(`padTemplate.placeholder.${name}`)}
              </button>
            ))}
          </p>
        </div>
        <div className="template-editor__preview-box">
          <h3 id={previewId}>{t('padTemplate.previewHeading', { title: example.title })}</h3>
          <div className="pad-editor template-editor__box template-editor__box--preview">
            <EditorContent editor={preview} />
          </div>
        </div>
      </div>
      <div className="template-editor__reach">
        <h3>{t('padTemplate.reachHeading')}</h3>
        {counts === null ? (
          <p className="muted">{t('padTemplate.reachUnknown')}</p>
        ) : (
          <ul>
            <li>{t('padTemplate.waiting', { count: counts.waiting })}</li>
            <li>{t('padTemplate.untouched', { count: counts.untouched })}</li>
            <li>{t('padTemplate.written', { count: counts.written })}</li>
          </ul>
        )}
      </div>
      <div className="inline-form template-editor__actions">
        <button type="button" className="button button--primary" disabled={!dirty} onClick={save}>
          {t('padTemplate.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={dirty || busy || counts === null || counts.untouched === 0}
          onClick={() => void apply()}
        >
          {t('padTemplate.apply', { count: counts?.untouched ?? 0 })}
        </button>
        {saved !== DEFAULT_PAD_TEMPLATE && (
          <button type="button" className="button button--quiet" onClick={reset}>
            {t('padTemplate.reset')}
          </button>
        )}
      </div>
      <p role="status" className="message-slot">
        {dirty ? t('padTemplate.unsaved') : status}
      </p>
    </section>
  );
}
