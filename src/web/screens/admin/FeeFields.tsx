import { useTranslation } from 'react-i18next';
import type { StandardBody } from '../../app/types';

type Fee = StandardBody['fee'];
type FeeUnit = NonNullable<Fee['unit']>;
const FEE_UNITS: FeeUnit[] = [
  'per_application',
  'per_document',
  'per_page',
  'per_sheet',
  'per_book',
  'per_certificate',
  'per_parcel',
  'per_case',
  'per_decision',
  'per_deed',
  'per_person',
  'per_vehicle',
];

function UnitSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: FeeUnit | null | undefined;
  onChange: (u: FeeUnit | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange((e.target.value || null) as FeeUnit | null)}
    >
      <option value="">{t('admin.services.feeUnitNone')}</option>
      {FEE_UNITS.map((u) => (
        <option key={u} value={u}>
          {t(`units.fee.${u}`)}
        </option>
      ))}
    </select>
  );
}

/** The fee as the standard states it: amount per unit, further components (e.g. leges), legal basis, note. */
export function FeeFields({ value, onChange }: { value: Fee; onChange: (f: Fee) => void }) {
  const { t } = useTranslation();
  const components = value.components ?? [];
  const setComponents = (cs: NonNullable<Fee['components']>) =>
    onChange({ ...value, components: cs.length ? cs : undefined });
  return (
    <>
      <label className="field">
        <span>
          {t('admin.services.feeAmount')} <small className="muted">{t('admin.services.feeHelp')}</small>
        </span>
        <input
          type="number"
          min={0}
          max={1_000_000_000_000}
          step={1}
          value={value.amount ?? ''}
          onChange={(e) =>
            onChange({ ...value, amount: e.target.value === '' ? null : Number(e.target.value) })
          }
        />
      </label>
      <div className="field">
        <span aria-hidden="true">{t('admin.services.feeUnit')}</span>
        <UnitSelect
          label={t('admin.services.feeUnit')}
          value={value.unit}
          onChange={(unit) => onChange({ ...value, unit })}
        />
      </div>
      <fieldset className="field span-2 fee-components">
        <legend>{t('admin.services.feeComponents')}</legend>
        {components.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: components have no id; edited in place
          <div key={i} className="break-row">
            <input
              aria-label={t('admin.services.componentLabel')}
              required
              maxLength={200}
              value={c.label}
              onChange={(e) =>
                setComponents(components.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))
              }
            />
            <input
              type="number"
              min={0}
              step={1}
              required
              aria-label={t('admin.services.componentAmount')}
              value={c.amount}
              onChange={(e) =>
                setComponents(
                  components.map((x, j) => (j === i ? { ...x, amount: Number(e.target.value) } : x)),
                )
              }
            />
            <UnitSelect
              label={t('admin.services.feeUnit')}
              value={c.unit}
              onChange={(unit) => setComponents(components.map((x, j) => (j === i ? { ...x, unit } : x)))}
            />
            <button
              type="button"
              className="btn btn-small btn-secondary"
              aria-label={t('admin.services.removeComponent', { n: i + 1 })}
              onClick={() => setComponents(components.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small btn-secondary"
          onClick={() => setComponents([...components, { label: 'Leges', amount: 0, unit: null }])}
        >
          + {t('admin.services.addComponent')}
        </button>
      </fieldset>
      <label className="field">
        <span>{t('standard.feeLegalBasis')} *</span>
        <input
          required
          maxLength={2000}
          value={value.legalBasis}
          onChange={(e) => onChange({ ...value, legalBasis: e.target.value })}
        />
      </label>
      <label className="field span-2">
        <span>{t('admin.services.feeNote')}</span>
        <input
          maxLength={1000}
          value={value.note ?? ''}
          onChange={(e) => onChange({ ...value, note: e.target.value || null })}
        />
      </label>
    </>
  );
}
