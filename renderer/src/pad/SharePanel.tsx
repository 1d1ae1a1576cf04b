import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareLinks } from '../../../shared/api/padContract.js';
import { CopyField } from '../components/CopyField.js';
import { QrImage } from '../components/QrCode.js';
import { getShareLinks } from './padApi.js';

/**
 * Join links for the pad: an edit link and a read-only link (for the projector or for people who
 * should only follow along), each with a QR code; "show large" puts the code on the whole screen
 * for the projector. Only people with edit access get links (the core refuses read-only ones).
 */
export function SharePanel({ padId, title }: { padId: string; title: string }) {
  const { t } = useTranslation();
  const [links, setLinks] = useState<ShareLinks | null>(null);
  const [error, setError] = useState(false);
  const [which, setWhich] = useState<'edit' | 'view'>('edit');
  const [addressIndex, setAddressIndex] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const kindName = useId();

  useEffect(() => {
    let cancelled = false;
    getShareLinks(padId).then(
      (loaded) => !cancelled && setLinks(loaded),
      () => !cancelled && setError(true),
    );
    return () => {
      cancelled = true;
    };
  }, [padId]);

  if (error) {
    return <p>{t('pad.share.unavailable')}</p>;
  }
  if (links === null) {
    return <p>{t('pad.share.loading')}</p>;
  }
  if (links.unshareable === 'no-session') {
    return <p className="message">{t('pad.share.noSession')}</p>;
  }
  const address = links.addresses[Math.min(addressIndex, links.addresses.length - 1)] ?? links.addresses[0];
  if (address === undefined) {
    return null;
  }
  if (links.addresses.every((a) => /^(127\.|localhost(:|$)|\[::1\])/.test(a.host))) {
    // A link to this computer's loopback address would be dead on every other device.
    return <p className="message message--warning">{t('share.loopbackOnly')}</p>;
  }
  const url = which === 'edit' ? address.editUrl : address.viewUrl;
  const qrAlt = t(which === 'edit' ? 'pad.share.qrEdit' : 'pad.share.qrView', { title });
  return (
    <div className="pad-share">
      {links.addresses.length > 1 && (
        <div className="field">
          <label htmlFor={`${kindName}-address`}>{t('pad.share.address')}</label>
          <select
            id={`${kindName}-address`}
            className="input"
            value={addressIndex}
            onChange={(e) => setAddressIndex(Number(e.target.value))}
          >
            {links.addresses.map((a, i) => (
              <option key={a.host} value={i}>
                {a.host}
              </option>
            ))}
          </select>
        </div>
      )}
      <CopyField label={t('pad.share.editLink')} value={address.editUrl} />
      <CopyField label={t('pad.share.viewLink')} value={address.viewUrl} />
      <fieldset className="choice-group">
        <legend className="pad-share__legend">{t('pad.share.qrFor')}</legend>
        <label className="choice">
          <input type="radio" name={kindName} checked={which === 'edit'} onChange={() => setWhich('edit')} />
          {t('pad.share.qrForEdit')}
        </label>
        <label className="choice">
          <input type="radio" name={kindName} checked={which === 'view'} onChange={() => setWhich('view')} />
          {t('pad.share.qrForView')}
        </label>
      </fieldset>
      <QrImage text={url} alt={qrAlt} className="pad-qr" />
      <button type="button" className="button button--quiet" onClick={() => dialog.current?.showModal()}>
        {t('pad.share.large')}
      </button>
      <dialog ref={dialog} className="pad-qr-dialog" aria-label={qrAlt}>
        <p className="pad-qr-dialog__title">{title}</p>
        <QrImage text={url} alt={qrAlt} className="pad-qr pad-qr--large" />
        <p className="pad-qr-dialog__url">{url.replace(/\?token=.*$/, '')}</p>
        <form method="dialog">
          <button type="submit" className="button button--primary">
            {t('pad.share.closeLarge')}
          </button>
        </form>
      </dialog>
    </div>
  );
}
