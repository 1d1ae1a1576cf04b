import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { TemplateStyle } from '../../../../shared/sketch/library/sheetTemplates.js';
import type { LayerId } from '../../../../shared/sketch/sketchLayout.js';
import { useSession } from '../../api/session.js';
import type { EditorEngine } from '../editorApi.js';
import { IconTab } from './IconTab.js';
import { StampTab } from './StampTab.js';
import { TemplateTab } from './TemplateTab.js';
import { TeamLibraryProvider } from './teamLibraryContext.js';
import { useLibraryPlace } from './useLibraryPlace.js';
import { useSketchPlan } from './useSketchPlan.js';
import './library.css';

const TABS = ['icons', 'stamps', 'templates'] as const;
type LibraryTab = (typeof TABS)[number];

/**
 * The library beside the canvas: icons, the recorder's stamps and templates, as tabs (arrow keys
 * move between them). Escape closes it. Everything placed from it is an ordinary paste: undoable,
 * selected, editable.
 */
export function LibraryPanel({
  id,
  engine,
  doc,
  sketchId,
  colour,
  layer,
  author,
  templateStyle,
  hasSelection,
  onStatus,
  onClose,
}: {
  id: string;
  engine: EditorEngine | null;
  doc: Y.Doc;
  sketchId: string;
  colour: string;
  layer: LayerId;
  author: string;
  templateStyle: Pick<TemplateStyle, 'colour' | 'fontFamily' | 'style'>;
  hasSelection: boolean;
  onStatus: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const plan = useSketchPlan(sketchId);
  const session = useSession();
  // The event's team library, for its organisers and recorders (the core decides; the session says).
  const teamEvent = session?.docs['event-library'] === 'write' ? (plan?.event ?? null) : null;
  const [tab, setTab] = useState<LibraryTab>('icons');
  const base = useId();
  const tabs = useRef<Partial<Record<LibraryTab, HTMLButtonElement | null>>>({});
  const place = useLibraryPlace(engine, doc, onStatus);

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 && event.key !== 'Home' && event.key !== 'End') {
      return;
    }
    event.preventDefault();
    const index = TABS.indexOf(tab);
    const next =
      event.key === 'Home'
        ? TABS[0]
        : event.key === 'End'
          ? TABS[TABS.length - 1]
          : TABS[(index + step + TABS.length) % TABS.length];
    if (next) {
      setTab(next);
      tabs.current[next]?.focus();
    }
  };

  return (
    <section
      id={id}
      className="sketch-library"
      aria-labelledby={`${base}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="sketch-library__head">
        <h2 id={`${base}-title`}>{t('sketch.library.title')}</h2>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          {t('sketch.library.close')}
        </button>
      </div>
      <div
        role="tablist"
        aria-label={t('sketch.library.title')}
        className="sketch-library__tabs"
        onKeyDown={onTabKey}
      >
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${base}-panel`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(`sketch.library.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel`}
        aria-labelledby={`${base}-tab-${tab}`}
        className="sketch-library__body"
      >
        <TeamLibraryProvider event={teamEvent}>
          {tab === 'icons' && <IconTab place={place} colour={colour} layer={layer} author={author} />}
          {tab === 'stamps' && <StampTab engine={engine} place={place} hasSelection={hasSelection} />}
          {tab === 'templates' && (
            <TemplateTab
              engine={engine}
              plan={plan}
              place={place}
              style={{ ...templateStyle, layer, author }}
            />
          )}
        </TeamLibraryProvider>
      </div>
    </section>
  );
}
