import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImagePlace } from './useImageInsert.js';

/** What the file picker offers (the check is by content anyway, see prepareImage.ts). */
const ACCEPT = 'image/png,image/jpeg,image/webp,image/svg+xml,.png,.jpg,.jpeg,.webp,.svg';

/**
 * "Bild einfügen": opens the system's file picker for one or more pictures (photos of slides,
 * logos, icons) and hands them to the editor, which places them in the middle of the canvas.
 */
export function ImageButton({ onFiles }: { onFiles: (files: File[], at: ImagePlace) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => input.current?.click()}>
        {t('sketch.image.insert')}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) {
            onFiles(files, 'centre');
          }
        }}
      />
    </>
  );
}
