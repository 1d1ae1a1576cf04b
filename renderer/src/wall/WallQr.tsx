import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The link as a person types it: without the scheme (browsers add it) but with the token, since
 * the address alone lets nobody in.
 */
function typedAddress(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/**
 * "QR-Code groß zeigen" on the wall: the participants' link as a QR code that fills most of the
 * screen's height (readable from the back of a room; the small one in a corner is not), with the
 * address in large type beside it for those who type. Escape or the button closes it.
 */
export function WallQr({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [src, setSrc] = useState<string | null>(null);
  const close = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let cancelled = false;
    void QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((svg) => {
      if (!cancelled) {
        setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [url]);

  useEffect(() => {
    if (!open) {
      return;
    }
    close.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        setOpen(false);
        opener.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <button ref={opener} type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        {t('wallDay.qrShow')}
      </button>
      {open && src !== null && (
        <div className="wall-qr" role="dialog" aria-modal="true" aria-label={label}>
          <img className="wall-qr__code" src={src} alt={t('wallDay.qrAlt', { label })} />
          <div className="wall-qr__text">
            <p className="wall-qr__label">{label}</p>
            <p className="wall-qr__hint">{t('wallDay.qrTypeHint')}</p>
            <p className="wall-qr__url">{typedAddress(url)}</p>
            <button
              ref={close}
              type="button"
              className="button button--primary wall-qr__close"
              onClick={() => {
                setOpen(false);
                opener.current?.focus();
              }}
            >
              {t('wallDay.qrClose')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
