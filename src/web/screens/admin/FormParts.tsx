import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The card form of an admin section: a heading over a two-column grid, then Save / Cancel. */
export function AdminForm({
  title,
  busy,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="card form-grid"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2 className="span-2">{title}</h2>
      {children}
      <FormActions busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** Save (submit) and Cancel, side by side across the grid. */
export function FormActions({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions span-2">
      <button type="submit" className="btn" disabled={busy}>
        {t('common.save')}
      </button>
      <button type="button" className="btn btn-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** One labelled control: the label wraps its caption and the control, which is its accessible name. */
export function Field({ label, wide, children }: { label: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is `children`, wrapped by the label
    <label className={wide ? 'field span-2' : 'field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/** The `<option>`s of a select over records with an id and a name. */
export function NamedOptions({ items }: { items: { id: number; name: string }[] }) {
  return (
    <>
      {items.map((x) => (
        <option key={x.id} value={x.id}>
          {x.name}
        </option>
      ))}
    </>
  );
}

/** The code among `codes` that a select's value names (undefined: none), typed as the codes. */
export const codeOf = <C extends string>(codes: readonly C[], value: string): C | undefined =>
  codes.find((c) => c === value);

/** The `<option>`s of a select over fixed codes, each shown through its i18n key `${prefix}.${code}`. */
export function CodeOptions({ codes, prefix }: { codes: readonly string[]; prefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      {codes.map((x) => (
        <option key={x} value={x}>
          {t(`${prefix}.${x}`)}
        </option>
      ))}
    </>
  );
}

/**
 * A 24-hour clock time 'HH:MM' that also takes 24:00 (closing at midnight, round the clock). The
 * browser's time input cannot hold 24:00 and shows 12-hour clocks in some locales ("12:00 AM").
 */
export function ClockInput({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: string;
  disabled?: boolean;
  onChange: (v: string) => void;
}) {
  return (
    <input
      className="clock-input"
      aria-label={label}
      inputMode="numeric"
      placeholder="HH:MM"
      pattern="([01][0-9]|2[0-3]):[0-5][0-9]|24:00"
      title="00:00–24:00"
      maxLength={5}
      size={5}
      required
      disabled={disabled}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
