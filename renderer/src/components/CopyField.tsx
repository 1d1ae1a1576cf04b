import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only address field with a copy button (join links of pads and events). */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input
          id={id}
          ref={input}
          className="input"
          readOnly
          value={value}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            input.current?.select();
            // The clipboard API needs a secure context (https or localhost); otherwise the text stays selected.
            navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {t('share.copy')}
        </button>
      </div>
      <p role="status" className="message-slot hint">
        {copied ? t('share.copied') : ''}
      </p>
    </div>
  );
}
