import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUser, PadFormat, RemovedContent } from '../../../shared/api/padContract.js';
import { ApiError } from '../api/coreApi.js';
import { exportUrl, importFile } from './padApi.js';

const FORMATS: PadFormat[] = ['etherpad', 'html', 'md', 'txt'];

function formatOf(name: string): PadFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'etherpad':
      return 'etherpad';
    case 'html':
    case 'htm':
      return 'html';
    case 'md':
    case 'markdown':
      return 'md';
    case 'txt':
    case 'text':
      return 'txt';
    default:
      return null;
  }
}

/** The kinds of removed content, in the order the message lists them. */
const REMOVED_KINDS: readonly (keyof RemovedContent)[] = [
  'scripts',
  'styles',
  'eventHandlers',
  'unsafeLinks',
  'frames',
  'embeds',
  'externalReferences',
];
/**
 * Export (links the browser downloads; the `.etherpad` archive carries the whole history, HTML
 * optionally with authorship colours) and import (replaces the content as new revisions; the old
 * content stays in the history). A file that cannot be imported changes nothing and says why.
 */
export function TransferPanel({
  padId,
  user,
  canEdit,
}: {
  padId: string;
  user: ActingUser;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const fileId = useId();
  const coloursId = useId();
  const [colours, setColours] = useState(true);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const format = file ? formatOf(file.name) : null;

  async function runImport(): Promise<void> {
    if (!file || !format) {
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      const response = await importFile(padId, format, file, user);
      const removed = response.removed;
      const list = removed
        ? REMOVED_KINDS.filter((kind) => removed[kind] > 0).map((kind) =>
            t(`pad.transfer.removed.${kind}`, { count: removed[kind] }),
          )
        : [];
      const imported = t('pad.transfer.imported', { name: file.name, revisions: response.revisions });
      setResult({
        ok: true,
        text: list.length
          ? `${imported} ${t('pad.transfer.removedIntro', { list: list.join(', ') })}`
          : imported,
      });
      setFile(null);
    } catch (e) {
      const reason = e instanceof ApiError ? e.message : t('pad.transfer.networkError');
      setResult({ ok: false, text: t('pad.transfer.importFailed', { name: file.name, reason }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pad-transfer">
      <h3>{t('pad.transfer.exportHeading')}</h3>
      <ul className="pad-transfer__links">
        {FORMATS.map((f) => (
          <li key={f}>
            <a href={exportUrl(padId, f, f === 'html' && colours)} download>
              {t(`pad.transfer.format.${f}`)}
            </a>
          </li>
        ))}
      </ul>
      <label className="choice" htmlFor={coloursId}>
        <input
          id={coloursId}
          type="checkbox"
          checked={colours}
          onChange={(e) => setColours(e.target.checked)}
        />
        {t('pad.transfer.htmlColours')}
      </label>
      {canEdit && (
        <>
          <h3>{t('pad.transfer.importHeading')}</h3>
          <p className="hint">{t('pad.transfer.importHint')}</p>
          <form
            className="pad-transfer__import"
            onSubmit={(event) => {
              event.preventDefault();
              void runImport();
            }}
          >
            <div className="field">
              <label htmlFor={fileId}>{t('pad.transfer.file')}</label>
              <input
                id={fileId}
                type="file"
                accept=".etherpad,.html,.htm,.md,.markdown,.txt"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setResult(null);
                }}
              />
            </div>
            {file && !format && <p className="message message--error">{t('pad.transfer.unknownFormat')}</p>}
            <button type="submit" className="button button--primary" disabled={busy || !file || !format}>
              {busy ? t('pad.transfer.importing') : t('pad.transfer.import')}
            </button>
          </form>
        </>
      )}
      <p
        role="status"
        className={result ? `message ${result.ok ? 'message--success' : 'message--error'}` : 'message-slot'}
      >
        {result?.text ?? ''}
      </p>
    </div>
  );
}
