import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../app/types';

const TYPES: Agency['type'][] = [
  'regency_office',
  'provincial_office',
  'vertical_agency',
  'state_enterprise',
  'regional_enterprise',
  'private',
];
const AGREEMENTS: Agency['agreementStatus'][] = [
  'none',
  'invited',
  'negotiating',
  'signed',
  'expired',
  'terminated',
];

export type AgencyDraft = Pick<
  Agency,
  'key' | 'name' | 'type' | 'agreementStatus' | 'agreementDate' | 'hotline' | 'backOfficeContact'
>;

const blank: AgencyDraft = {
  key: '',
  name: '',
  type: 'regency_office',
  agreementStatus: 'none',
  agreementDate: null,
  hotline: '',
  backOfficeContact: '',
};

/** Create or edit an agency: identity, agreement (MoU) status and date, hotline, back office. */
export function AgencyForm({
  agency,
  busy,
  onSave,
  onCancel,
}: {
  agency: Agency | null;
  busy: boolean;
  onSave: (d: AgencyDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<AgencyDraft>(agency ?? blank);
  const set = <K extends keyof AgencyDraft>(k: K, v: AgencyDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          ...d,
          agreementDate: d.agreementDate || null,
          hotline: d.hotline || null,
          backOfficeContact: d.backOfficeContact || null,
        });
      }}
    >
      <h2 className="span-2">
        {agency ? t('admin.agencies.edit', { name: agency.name }) : t('admin.agencies.create')}
      </h2>
      <label className="field">
        <span>{t('admin.agencies.key')}</span>
        <input
          value={d.key}
          onChange={(e) => set('key', e.target.value)}
          pattern="[a-z0-9][a-z0-9\-]*"
          required
          disabled={!!agency}
        />
      </label>
      <label className="field">
        <span>{t('admin.agencies.name')}</span>
        <input value={d.name} onChange={(e) => set('name', e.target.value)} required minLength={2} />
      </label>
      <label className="field">
        <span>{t('admin.agencies.type')}</span>
        <select value={d.type} onChange={(e) => set('type', e.target.value as Agency['type'])}>
          {TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`agencyType.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.agencies.agreement')}</span>
        <select
          value={d.agreementStatus}
          onChange={(e) => set('agreementStatus', e.target.value as Agency['agreementStatus'])}
        >
          {AGREEMENTS.map((x) => (
            <option key={x} value={x}>
              {t(`agreement.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.agencies.agreementDate')}</span>
        <input
          type="date"
          value={d.agreementDate ?? ''}
          onChange={(e) => set('agreementDate', e.target.value || null)}
        />
      </label>
      <label className="field">
        <span>{t('admin.agencies.hotline')}</span>
        <input value={d.hotline ?? ''} onChange={(e) => set('hotline', e.target.value)} />
      </label>
      <label className="field span-2">
        <span>{t('admin.agencies.backOffice')}</span>
        <input value={d.backOfficeContact ?? ''} onChange={(e) => set('backOfficeContact', e.target.value)} />
      </label>
      <div className="form-actions span-2">
        <button type="submit" className="btn" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
