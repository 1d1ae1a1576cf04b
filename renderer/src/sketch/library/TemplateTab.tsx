import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SketchSession } from '../../../../shared/api/sketchContract.js';
import { scaledClipboard } from '../../../../shared/sketch/library/libraryItems.js';
import { MAX_ENTRY_CHARS, type LibraryEntry } from '../../../../shared/sketch/library/savedLibrary.js';
import {
  FRAME_LAYOUTS,
  frameTemplate,
  talkHeaderTemplate,
  type PlacedTemplate,
  type TemplateStyle,
} from '../../../../shared/sketch/library/sheetTemplates.js';
import { makeId } from '../../event/randomId.js';
import { formatDateTime } from '../../i18n/formatDate.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import type { EditorEngine } from '../editorApi.js';
import { addLibraryEntries } from './libraryStore.js';
import { SavedEntries, TeamEntries, useLibraryEntries } from './SavedEntries.js';
import type { LibraryPlace } from './useLibraryPlace.js';

/** The banner's fill behind the talk's title: a light marker yellow, as recorders colour headers. */
const HEADER_ACCENT = '#fff3b0';

/**
 * Templates for the sheet: the talk header filled from the event plan (editable before placing),
 * frames that divide the sheet, and the recorder's own templates (a designed sheet saved and
 * applied to the next one, scaled to its format).
 */
export function TemplateTab({
  engine,
  plan,
  place,
  style,
}: {
  engine: EditorEngine | null;
  /** The sketchnote's event and planned session (undefined while the core is asked). */
  plan: SketchSession | undefined;
  place: LibraryPlace;
  style: Omit<TemplateStyle, 'now' | 'accent'>;
}) {
  const { t } = useTranslation();
  const templates = useLibraryEntries('template');
  const [name, setName] = useState('');

  const styleNow = (): TemplateStyle => ({ ...style, accent: HEADER_ACCENT, now: Date.now() });
  const put = (template: PlacedTemplate | null, message: string): void => {
    if (template) {
      place.place(template.clipboard, message, { at: template.at, layer: style.layer });
    }
  };

  const saveTemplate = (): void => {
    const area = place.area();
    const all = engine?.copyAll() ?? null;
    if (!all || !area) {
      place.status(t('sketch.library.emptySheet'));
      return;
    }
    const entryName = name.trim() || t('sketch.library.templateDefaultName', { count: templates.length + 1 });
    const entry: LibraryEntry = {
      id: makeId(),
      kind: 'template',
      name: entryName,
      createdAt: Date.now(),
      content: all.text,
      sheet: { width: area.width, height: area.height, x: all.box.x - area.x, y: all.box.y - area.y },
    };
    if (all.text.length > MAX_ENTRY_CHARS || !addLibraryEntries([entry])) {
      place.status(t('sketch.library.storageFull', { name: entryName }));
      return;
    }
    setName('');
    place.status(t('sketch.library.templateSaved', { name: entryName }));
  };

  const applyTemplate = (entry: LibraryEntry): void => {
    const area = place.area();
    if (!area) {
      return;
    }
    const sheet = entry.sheet ?? { width: area.width, height: area.height, x: 0, y: 0 };
    const factor = Math.min(area.width / sheet.width, area.height / sheet.height);
    const content = Math.abs(factor - 1) < 1e-6 ? entry.content : scaledClipboard(entry.content, factor);
    if (content) {
      place.place(content, t('sketch.library.templatePlaced', { name: entry.name }), {
        at: { x: area.x + sheet.x * factor, y: area.y + sheet.y * factor },
      });
    }
  };

  return (
    <div className="sketch-library__templates">
      <h3>{t('sketch.library.header')}</h3>
      <TalkHeaderForm
        key={plan === undefined ? 'asking' : 'known'}
        plan={plan}
        onInsert={(header) => {
          const area = place.area();
          if (area) {
            put(talkHeaderTemplate(area, header, styleNow()), t('sketch.library.headerPlaced'));
          }
        }}
      />

      <h3>{t('sketch.library.frames')}</h3>
      <ul className="sketch-library__frames">
        {FRAME_LAYOUTS.map((layout) => (
          <li key={layout}>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                const area = place.area();
                const frameName = t(`sketch.library.frameNames.${layout}`);
                put(
                  area && frameTemplate(layout, area, styleNow()),
                  t('sketch.library.framePlaced', { name: frameName }),
                );
              }}
            >
              {t(`sketch.library.frameNames.${layout}`)}
            </button>
          </li>
        ))}
      </ul>

      <h3>{t('sketch.library.ownTemplates')}</h3>
      <form
        className="sketch-library__save"
        onSubmit={(event) => {
          event.preventDefault();
          saveTemplate();
        }}
      >
        <label className="sketch-library__field">
          <span>{t('sketch.library.name')}</span>
          <input
            value={name}
            maxLength={120}
            placeholder={t('sketch.library.templateDefaultName', { count: templates.length + 1 })}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--small">
          {t('sketch.library.saveTemplate')}
        </button>
      </form>
      <SavedEntries
        entries={templates}
        empty={t('sketch.library.noTemplates')}
        place={place}
        onPlace={applyTemplate}
      />
      <TeamEntries kind="template" place={place} onPlace={applyTemplate} />
    </div>
  );
}

/**
 * The talk header's fields, filled from the plan once it is known (the form starts again then);
 * after that the fields are the recorder's to edit before placing.
 */
function TalkHeaderForm({
  plan,
  onInsert,
}: {
  plan: SketchSession | undefined;
  onInsert: (header: { title: string; details: string }) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const planned = plan?.event && plan.session ? { event: plan.event, session: plan.session } : null;
  const [title, setTitle] = useState(planned?.session.title ?? '');
  const [details, setDetails] = useState(() => {
    if (!planned) {
      return '';
    }
    const { event, session } = planned;
    const when = session.start ? formatDateTime(session.start, language, event.timeZone) : null;
    return [
      session.hosts.length > 0 ? t('sketch.library.headerHosts', { hosts: session.hosts.join(', ') }) : null,
      session.room,
      when,
    ]
      .filter((part): part is string => !!part)
      .join(' · ');
  });
  return (
    <>
      {plan !== undefined && (
        <p className="sketch-library__hint">
          {planned ? t('sketch.library.headerFromPlan') : t('sketch.library.headerNoPlan')}
        </p>
      )}
      <form
        className="sketch-library__save"
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim() !== '') {
            onInsert({ title: title.trim(), details });
          }
        }}
      >
        <label className="sketch-library__field">
          <span>{t('sketch.library.headerTitle')}</span>
          <input value={title} maxLength={300} required onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label className="sketch-library__field">
          <span>{t('sketch.library.headerDetails')}</span>
          <input value={details} maxLength={300} onChange={(event) => setDetails(event.target.value)} />
        </label>
        <button type="submit" className="button button--small">
          {t('sketch.library.insertHeader')}
        </button>
      </form>
    </>
  );
}
