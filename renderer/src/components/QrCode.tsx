import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A QR code of `text` as an SVG data URL (the CSP allows `img-src data:`), sharp at any size. */
async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The QR code of `text` as an image (nothing while it is drawn). */
export function QrImage({ text, alt, className }: { text: string; alt: string; className: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void qrDataUrl(text).then((url) => {
      if (!cancelled) {
        setSrc(url);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [text]);
  return src === null ? null : <img className={className} src={src} alt={alt} />;
}

/**
 * A button that shows the QR code on the whole screen, as large as the screen allows, with the
 * title above and the address (without its token) below, to be scanned from the back of a room.
 * Escape or the close button ends it; focus returns to the button.
 */
export function FullscreenQr({ url, title, alt }: { url: string; title: string; alt: string }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const address = url.replace(/\?token=.*$/, '');
  return (
    <>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t('share.qr.large')}
      </button>
      <dialog ref={dialog} className="share-qr-dialog" aria-label={alt} onClose={() => setOpen(false)}>
        <p className="share-qr-dialog__title">{title}</p>
        {open && <QrImage text={url} alt={alt} className="share-qr share-qr--full" />}
        <p className="share-qr-dialog__url">{address}</p>
        <form method="dialog">
          <button type="submit" className="button button--primary">
            {t('share.qr.close')}
          </button>
        </form>
      </dialog>
    </>
  );
}
