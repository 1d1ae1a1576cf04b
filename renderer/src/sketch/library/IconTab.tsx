import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ICON_CATEGORIES,
  type IconCategory,
  type IconDefinition,
} from '../../../../shared/sketch/library/iconCatalogue.js';
import { iconClipboard } from '../../../../shared/sketch/library/libraryItems.js';
import { searchIcons } from '../../../../shared/sketch/library/iconSearch.js';
import type { LayerId } from '../../../../shared/sketch/sketchLayout.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import type { LibraryPlace } from './useLibraryPlace.js';

/** An icon's size on the sketchnote: this share of the visible area's shorter side. */
const ICON_SHARE_OF_VIEW = 0.15;

/** The clipboard text of an icon placed now (its strokes carry this moment, for the time-lapse). */
function iconNow(icon: IconDefinition, size: number, colour: string, layer: LayerId, author: string): string {
  return iconClipboard(icon, { size, colour: colour.slice(0, 7), layer, author, now: Date.now() });
}

/** An icon drawn as it will look (the same lines), for the library's grid. */
function IconPicture({ icon }: { icon: IconDefinition }) {
  return (
    <svg viewBox="-4 -4 108 108" width="40" height="40" aria-hidden="true" focusable="false">
      {icon.lines.map((line, i) => (
        <polyline
          key={i}
          points={line.join(' ')}
          fill="none"
          stroke="currentColor"
          strokeWidth="4"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ))}
    </svg>
  );
}

/**
 * The icon library: search in German or English, filter by group, one click (or Enter) places the
 * icon in the middle of the view in the pen's colour and layer, as editable strokes.
 */
export function IconTab({
  place,
  colour,
  layer,
  author,
}: {
  place: LibraryPlace;
  colour: string;
  layer: LayerId;
  author: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<IconCategory | ''>('');
  const icons = useMemo(() => searchIcons(query, category || undefined), [query, category]);

  const insert = (icon: IconDefinition): void => {
    const view = place.visible();
    const size = view ? Math.max(24, Math.min(view.width, view.height) * ICON_SHARE_OF_VIEW) : 120;
    const name = (language === 'de' ? icon.de[0] : icon.en[0]) ?? icon.id;
    place.place(iconNow(icon, size, colour, layer, author), t('sketch.library.iconPlaced', { name }), {
      layer,
    });
  };

  return (
    <div className="sketch-library__icons">
      <label className="sketch-library__field">
        <span>{t('sketch.library.search')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('sketch.library.searchPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      <label className="sketch-library__field">
        <span>{t('sketch.library.category')}</span>
        <select value={category} onChange={(event) => setCategory(event.target.value as IconCategory | '')}>
          <option value="">{t('sketch.library.allCategories')}</option>
          {ICON_CATEGORIES.map((id) => (
            <option key={id} value={id}>
              {t(`sketch.library.categories.${id}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="sketch-library__count" role="status">
        {icons.length === 0
          ? t('sketch.library.noIcons', { query })
          : t('sketch.library.found', { count: icons.length })}
      </p>
      <ul className="sketch-library__grid">
        {icons.map((icon) => {
          const name = (language === 'de' ? icon.de[0] : icon.en[0]) ?? icon.id;
          return (
            <li key={icon.id}>
              <button
                type="button"
                className="sketch-library__icon"
                title={name}
                aria-label={name}
                data-icon={icon.id}
                onClick={() => insert(icon)}
              >
                <IconPicture icon={icon} />
              </button>
            </li>
          );
        })}
      </ul>
      <p className="sketch-library__hint">{t('sketch.library.iconHint')}</p>
      <p className="sketch-library__hint">{t('sketch.library.iconLicence')}</p>
    </div>
  );
}
