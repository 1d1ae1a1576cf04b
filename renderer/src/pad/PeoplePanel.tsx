import { useTranslation } from 'react-i18next';
import { colourForUser } from '../../../shared/pad/authorColours.js';
import type { PadAuthor } from '../../../shared/pad/padLayout.js';
import type { PresentUser } from './padHooks.js';

/** Who has the pad open now (awareness), with their colour; this person first, marked "you". */
export function PresenceList({ users, unnamed }: { users: PresentUser[]; unnamed: string }) {
  const { t } = useTranslation();
  return (
    <ul className="pad-people" aria-label={t('pad.people.present')}>
      {users.map((u) => (
        <li key={u.id} className="pad-people__item">
          <span
            className="pad-swatch"
            style={{ backgroundColor: u.color, borderColor: u.caret }}
            aria-hidden="true"
          />
          <span>{u.name || unnamed}</span>
          {u.isSelf && <span className="muted"> ({t('pad.people.you')})</span>}
        </li>
      ))}
    </ul>
  );
}

function cssString(value: string): string {
  return `"${value.replace(/["\\\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The authorship colours: a style sheet that gives each author's text their colour (while colours
 * are on), the toggle, and the legend of everyone whose text is in the pad. Authors not (yet) in
 * the pad's list get the colour their id stands for, so text is never left without one.
 */
export function AuthorColours({
  authors,
  idsInText,
  show,
  onToggle,
  unnamed,
  scope,
}: {
  authors: Map<string, PadAuthor>;
  idsInText: string[];
  show: boolean;
  onToggle: (show: boolean) => void;
  unnamed: string;
  scope: string;
}) {
  const { t } = useTranslation();
  const ids = [...new Set([...idsInText, ...authors.keys()])];
  const colourOf = (id: string): string => authors.get(id)?.colour ?? colourForUser(id);
  const css = ids
    .map((id) => `${scope} .pad-author[data-author=${cssString(id)}] { background-color: ${colourOf(id)}; }`)
    .join('\n');
  const legend = idsInText.length > 0 ? idsInText : [];
  return (
    <div className="pad-authors">
      {show && <style>{css}</style>}
      <button
        type="button"
        className="button button--quiet"
        aria-pressed={show}
        onClick={() => onToggle(!show)}
      >
        {t('pad.authors.toggle')}
      </button>
      {legend.length > 0 && (
        <ul className="pad-people" aria-label={t('pad.authors.legend')}>
          {legend.map((id) => (
            <li key={id} className="pad-people__item">
              <span className="pad-swatch" style={{ backgroundColor: colourOf(id) }} aria-hidden="true" />
              <span>{authors.get(id)?.name || unnamed}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
