import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { EditorContent, useEditorState } from '@tiptap/react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Access, ActingUser, PadInfo } from '../../../shared/api/padContract.js';
import { docNameFor } from '../../../shared/docs/docName.js';
import { MARK } from '../../../shared/pad/padJson.js';
import { eventNowPath, eventPath } from '../../../shared/routes/deepLinks.js';
import { NetworkError } from '../api/coreApi.js';
import { ConnectionStatus } from '../components/ConnectionStatus.js';
import { PageHeading } from '../components/PageHeading.js';
import { getDisplayName, getShowAuthorColours, setShowAuthorColours } from '../platform/preferences.js';
import { caretColourFor, distinctColour } from '../../../shared/pad/authorColours.js';
import type { PadAuthor } from '../../../shared/pad/padLayout.js';
import { localPresenceUser, type PresenceUser } from '../sync/sharedDoc.js';
import { useConnectionState } from '../sync/useConnectionState.js';
import { useSharedDoc } from '../sync/useSharedDoc.js';
import { ChatPanel } from './ChatPanel.js';
import { ChatSheet, UnreadBadge } from './ChatSheet.js';
import { unreadCount } from './chatUnread.js';
import { HistoryPanel } from './HistoryPanel.js';
import { NamePrompt } from './NamePrompt.js';
import { getAccess, getPadInfo } from './padApi.js';
import { useKeyboardInset, usePhoneLayout } from './keyboardInset.js';
import { usePadAuthors, usePadChat, usePresence, useRegisterAuthor } from './padHooks.js';
import { LinkForm, PadToolbar } from './PadToolbar.js';
import { AuthorColours, PresenceList } from './PeoplePanel.js';
import { SharePanel } from './SharePanel.js';
import { TransferPanel } from './TransferPanel.js';
import { usePadEditor } from './usePadEditor.js';
import './pad.css';

/**
 * This person as others see them in this pad: their stored colour here, or (new in the pad) their
 * own colour moved away from colours other authors already have.
 */
function usePadColour(authors: Map<string, PadAuthor>, name: string): PresenceUser {
  const base = useMemo(() => localPresenceUser(name), [name]);
  const stored = authors.get(base.id)?.colour;
  const taken = [...authors]
    .filter(([id]) => id !== base.id)
    .map(([, a]) => a.colour)
    .join(',');
  const colour = stored ?? distinctColour(base.id, taken === '' ? [] : taken.split(','));
  return useMemo(() => ({ ...base, color: colour, caret: caretColourFor(colour) }), [base, colour]);
}

/** "14:00–14:45" style time of a session from its local start and end. */
function sessionTime(start: string | null, end: string | null): string | null {
  if (start === null) {
    return null;
  }
  const [date = '', from = ''] = start.split('T');
  const to = end?.split('T')[1] ?? '';
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}, ${from}${to ? `–${to}` : ''}`;
}

/**
 * One session's notes pad: the live editor with toolbar, who is here, authorship colours, the
 * timeslider, share links with QR codes, import/export and a chat. With a read-only link the same
 * page shows the pad without editing (the core drops any change anyway). On a phone the notes start
 * on the first screen: a compact header (back to the session finder, title, chat with an unread
 * badge), a one-row toolbar docked above the on-screen keyboard, the chat as a sheet.
 */
export function PadPage({ padId }: { padId: string }) {
  const { t } = useTranslation();
  const shared = useSharedDoc(docNameFor('pad', padId));
  const connection = useConnectionState(shared);
  const [access, setAccess] = useState<Access | null>(null);
  const [info, setInfo] = useState<PadInfo | null>(null);
  const [name, setName] = useState(getDisplayName);
  const [showColours, setShowColours] = useState(getShowAuthorColours);
  const [mode, setMode] = useState<'edit' | 'history'>('edit');
  const [linkOpen, setLinkOpen] = useState(false);
  const [notice, setNotice] = useState('');
  const editorAreaId = useId();
  const sideId = useId();
  const unnamed = t('pad.people.unnamed');
  const phone = usePhoneLayout();
  const inset = useKeyboardInset();
  const [typed, setTyped] = useState(false);
  const [nameLater, setNameLater] = useState(false);
  const [chatOpen, setChatOpen] = useState(false);
  const [chatSeen, setChatSeen] = useState(0);

  useEffect(() => {
    let cancelled = false;
    getAccess().then(
      (a) => !cancelled && setAccess(a),
      // Offline: edits go into the local copy and are sent later, so allow them.
      (error: unknown) => !cancelled && setAccess(error instanceof NetworkError ? 'edit' : 'view'),
    );
    getPadInfo(padId).then(
      (loaded) => !cancelled && setInfo(loaded),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [padId]);

  const canEdit = access === 'edit';
  const authors = usePadAuthors(shared);
  const me = usePadColour(authors, name);
  const editor = usePadEditor(shared, {
    editable: canEdit && mode === 'edit',
    userId: me.id,
    label: t('pad.editorLabel'),
    unnamed,
    onLinkRequest: () => setLinkOpen(true),
    onToolbarRequest: () =>
      document.querySelector<HTMLButtonElement>('.pad-toolbar button[tabindex="0"]')?.focus(),
  });
  const presence = usePresence(shared);
  const messages = usePadChat(shared);
  const unread = chatOpen ? 0 : unreadCount(messages, chatSeen, me.id);
  // Opening and closing the chat both count everything in it as read (while open, nothing is unread).
  const showChat = (open: boolean): void => {
    setChatOpen(open);
    setChatSeen(messages.length);
  };
  useEffect(() => {
    // The name is asked at the first change this person makes (not one arriving from others).
    if (!editor || typed) {
      return undefined;
    }
    const onTransaction = ({ transaction }: { transaction: Parameters<typeof isChangeOrigin>[0] }) => {
      if (transaction.docChanged && !isChangeOrigin(transaction)) {
        setTyped(true);
      }
    };
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
    };
  }, [editor, typed]);
  useRegisterAuthor(shared, { id: me.id, name: me.name, color: me.color }, canEdit, connection.everSynced);
  useEffect(() => {
    // Carets and the list of who is here show the colour this person's text has in this pad.
    shared.provider.awareness.setLocalStateField('user', me);
  }, [shared, me]);

  const idsInText = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e) {
        return '';
      }
      const ids = new Set<string>();
      e.state.doc.descendants((node) => {
        for (const mark of node.marks) {
          if (mark.type.name === MARK.author && typeof mark.attrs.id === 'string') {
            ids.add(mark.attrs.id);
          }
        }
      });
      return [...ids].join('\n');
    },
  });
  const authorIds = useMemo(() => (idsInText ? idsInText.split('\n') : []), [idsInText]);

  const session = info?.session ?? null;
  const title = session?.title.trim() || t('pad.title');
  const acting: ActingUser = { id: me.id, name: me.name };
  const meta = session
    ? [session.hosts.join(', '), session.room, sessionTime(session.start, session.end)].filter(
        (v): v is string => !!v,
      )
    : [];

  const askName = canEdit && name === '' && typed && !nameLater;
  const namePrompt = askName && <NamePrompt onSaved={setName} onLater={() => setNameLater(true)} />;
  const chat = (
    <ChatPanel shared={shared} userId={me.id} authors={authors} canWrite={canEdit} unnamed={unnamed} />
  );

  return (
    <div
      className={`pad-view${phone ? ' pad-view--phone' : ''}`}
      style={phone ? { ['--keyboard-inset' as string]: `${inset}px` } : undefined}
    >
      {phone ? (
        <div className="pad-head">
          {session && (
            <Link className="pad-head__back" to={eventNowPath(session.eventId)}>
              <span aria-hidden="true">← </span>
              {t('pad.back')}
            </Link>
          )}
          {/* The site header (with its connection state) is hidden on a phone: the state shows here. */}
          <ConnectionStatus shared={shared} className="pad-head__connection" />
          <button
            type="button"
            className="button button--quiet pad-head__chat"
            aria-haspopup="dialog"
            onClick={() => showChat(true)}
          >
            {t('pad.chat.heading')}
            <UnreadBadge count={unread} />
          </button>
          <PageHeading title={title} />
        </div>
      ) : (
        <>
          {session && (
            <p className="breadcrumb">
              <Link to={eventPath(session.eventId)}>{session.eventTitle}</Link>
            </p>
          )}
          <PageHeading title={title} />
          {meta.length > 0 && <p className="pad-meta">{meta.join(' · ')}</p>}
        </>
      )}
      {access === 'view' && <p className="message message--warning">{t('pad.readOnly')}</p>}
      <p role="status" className="message-slot">
        {notice}
      </p>
      <div className="pad-layout">
        <div className="pad-main">
          {mode === 'history' && (
            <HistoryPanel
              padId={padId}
              user={acting}
              canEdit={canEdit}
              unnamed={unnamed}
              onClose={() => {
                setMode('edit');
                editor?.commands.focus();
              }}
              onRestored={(rev, fromRev) =>
                setNotice(t('pad.history.restored', { rev: fromRev, newRev: rev }))
              }
            />
          )}
          {!phone && namePrompt}
          <div
            className={`pad-editor${showColours ? ' pad-editor--colours' : ''}`}
            id={editorAreaId}
            hidden={mode === 'history'}
          >
            {phone ? (
              canEdit &&
              editor && (
                <div className="pad-dock">
                  {namePrompt}
                  {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
                  <PadToolbar editor={editor} onLinkRequest={() => setLinkOpen(true)} compact />
                </div>
              )
            ) : (
              <>
                {canEdit && editor && <PadToolbar editor={editor} onLinkRequest={() => setLinkOpen(true)} />}
                {canEdit && editor && linkOpen && (
                  <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />
                )}
              </>
            )}
            <EditorContent editor={editor} className="pad-editor__frame" />
          </div>
          {phone && meta.length > 0 && <p className="pad-meta">{meta.join(' · ')}</p>}
        </div>
        <aside className="pad-side" id={sideId} aria-label={t('pad.side')}>
          <section className="pad-side__section" aria-labelledby={`${sideId}-people`}>
            <h2 id={`${sideId}-people`}>{t('pad.people.heading')}</h2>
            <PresenceList users={presence} unnamed={unnamed} />
          </section>
          <section className="pad-side__section" aria-labelledby={`${sideId}-authors`}>
            <h2 id={`${sideId}-authors`}>{t('pad.authors.heading')}</h2>
            <AuthorColours
              authors={authors}
              idsInText={authorIds}
              show={showColours}
              onToggle={(show) => {
                setShowColours(show);
                setShowAuthorColours(show);
              }}
              unnamed={unnamed}
              scope=".pad-view"
            />
          </section>
          <section className="pad-side__section" aria-labelledby={`${sideId}-history`}>
            <h2 id={`${sideId}-history`}>{t('pad.history.heading')}</h2>
            <p className="hint">{t('pad.history.intro')}</p>
            <button
              type="button"
              className="button button--quiet"
              aria-pressed={mode === 'history'}
              onClick={() => setMode(mode === 'history' ? 'edit' : 'history')}
            >
              {t('pad.history.open')}
            </button>
          </section>
          {canEdit && (
            <details className="pad-side__section">
              <summary>{t('pad.share.heading')}</summary>
              <SharePanel padId={padId} title={title} />
            </details>
          )}
          <details className="pad-side__section">
            <summary>{t('pad.transfer.heading')}</summary>
            <TransferPanel padId={padId} user={acting} canEdit={canEdit} />
          </details>
          {!phone && (
            <details className="pad-side__section" onToggle={(event) => showChat(event.currentTarget.open)}>
              <summary>
                <span>{t('pad.chat.heading')}</span>
                <UnreadBadge count={unread} />
              </summary>
              {chat}
            </details>
          )}
          <p className="pad-docname muted">
            {t('pad.document')} <code>{shared.name}</code>
          </p>
        </aside>
      </div>
      {phone && (
        <ChatSheet open={chatOpen} onClose={() => showChat(false)}>
          {chat}
        </ChatSheet>
      )}
    </div>
  );
}
