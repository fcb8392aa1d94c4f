import { useTranslation } from 'react-i18next';

const ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

/** A touch keyboard for kiosks without a physical one. */
export function OnScreenKeyboard({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="osk">
      <legend className="sr-only">{t('kiosk.keyboard')}</legend>
      {ROWS.map((row) => (
        <div key={row} className="osk-row">
          {[...row].map((k) => (
            <button
              key={k}
              type="button"
              className="osk-key"
              onClick={() => onChange(value + k.toLowerCase())}
            >
              {k}
            </button>
          ))}
        </div>
      ))}
      <div className="osk-row">
        <button type="button" className="osk-key osk-wide" onClick={() => onChange(value.slice(0, -1))}>
          ← {t('kiosk.backspace')}
        </button>
        <button type="button" className="osk-key osk-space" onClick={() => onChange(`${value} `)}>
          {t('kiosk.space')}
        </button>
        <button type="button" className="osk-key osk-wide" onClick={() => onChange('')}>
          {t('kiosk.clear')}
        </button>
      </div>
    </fieldset>
  );
}
