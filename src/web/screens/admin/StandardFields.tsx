import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/contracts/limits';
import type { StandardBody } from '../../app/types';
import { FeeFields } from './FeeFields';

type TimeUnit = StandardBody['completionTime']['unit'];
const TIME_UNITS: TimeUnit[] = ['minutes', 'hours', 'working_days', 'calendar_days'];

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
export const emptyStandard: StandardBody = {
  legalBasis: '',
  requirements: [],
  procedure: [],
  completionTime: { value: 15, unit: 'minutes' },
  fee: { amount: 0, legalBasis: '', note: null },
  product: '',
  complaintHandling: '',
  facilities: '',
  officerCompetence: '',
  internalSupervision: '',
  officerCount: null,
  serviceGuarantee: '',
  securityGuarantee: '',
  performanceEvaluation: '',
  source: null,
};

type TextKey =
  | 'legalBasis'
  | 'product'
  | 'complaintHandling'
  | 'facilities'
  | 'officerCompetence'
  | 'internalSupervision'
  | 'serviceGuarantee'
  | 'securityGuarantee'
  | 'performanceEvaluation';

/** The 14 components as form fields; lists are one item per line. */
export function StandardFields({
  value,
  onChange,
  listText,
  onListText,
}: {
  value: StandardBody;
  onChange: (v: StandardBody) => void;
  listText: { requirements: string; procedure: string };
  onListText: (v: { requirements: string; procedure: string }) => void;
}) {
  const { t } = useTranslation();
  const text = (k: TextKey, required = false) => (
    <label className="field span-2" key={k}>
      <span>
        {t(`standard.${k}`)}
        {required ? ' *' : ''}
      </span>
      <textarea
        rows={2}
        maxLength={
          k === 'legalBasis'
            ? LIMITS.standardLegalBasis
            : k === 'product'
              ? LIMITS.product
              : LIMITS.standardText
        }
        value={value[k]}
        required={required}
        onChange={(e) => onChange({ ...value, [k]: e.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="form-grid">
      <legend>{t('admin.services.standard')}</legend>
      {text('legalBasis')}
      <label className="field span-2">
        <span>
          {t('standard.requirements')} * <small className="muted">{t('admin.services.onePerLine')}</small>
        </span>
        <textarea
          rows={5}
          required
          value={listText.requirements}
          onChange={(e) => onListText({ ...listText, requirements: e.target.value })}
        />
      </label>
      <label className="field span-2">
        <span>
          {t('standard.procedure')} * <small className="muted">{t('admin.services.onePerLine')}</small>
        </span>
        <textarea
          rows={5}
          required
          value={listText.procedure}
          onChange={(e) => onListText({ ...listText, procedure: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('standard.completionTime')} *</span>
        <input
          type="number"
          min={1}
          step="any"
          required
          value={value.completionTime.value}
          onChange={(e) =>
            onChange({ ...value, completionTime: { ...value.completionTime, value: Number(e.target.value) } })
          }
        />
      </label>
      <label className="field">
        <span>{t('admin.services.unit')}</span>
        <select
          value={value.completionTime.unit}
          onChange={(e) =>
            onChange({
              ...value,
              completionTime: { ...value.completionTime, unit: e.target.value as TimeUnit },
            })
          }
        >
          {TIME_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`admin.services.timeUnit.${u}`)}
            </option>
          ))}
        </select>
      </label>
      <FeeFields value={value.fee} onChange={(fee) => onChange({ ...value, fee })} />
      {text('product', true)}
      {text('complaintHandling', true)}
      {text('facilities')}
      {text('officerCompetence')}
      {text('internalSupervision')}
      <label className="field">
        <span>{t('standard.officerCount')}</span>
        <input
          type="number"
          min={0}
          value={value.officerCount ?? ''}
          onChange={(e) =>
            onChange({ ...value, officerCount: e.target.value === '' ? null : Number(e.target.value) })
          }
        />
      </label>
      {text('serviceGuarantee')}
      {text('securityGuarantee')}
      {text('performanceEvaluation')}
    </fieldset>
  );
}

export { lines };
