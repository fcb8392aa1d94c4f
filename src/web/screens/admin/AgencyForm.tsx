import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/contracts/limits';
import type { Agency } from '../../app/types';
import { AdminForm, CodeOptions, Field } from './FormParts';

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
    <AdminForm
      title={agency ? t('admin.agencies.edit', { name: agency.name }) : t('admin.agencies.create')}
      busy={busy}
      onCancel={onCancel}
      onSubmit={() =>
        onSave({
          ...d,
          agreementDate: d.agreementDate || null,
          hotline: d.hotline || null,
          backOfficeContact: d.backOfficeContact || null,
        })
      }
    >
      <Field label={t('admin.agencies.key')}>
        <input
          value={d.key}
          onChange={(e) => set('key', e.target.value)}
          pattern="[a-z0-9][a-z0-9\-]*"
          maxLength={LIMITS.agencyKey}
          required
          disabled={!!agency}
        />
      </Field>
      <Field label={t('admin.agencies.name')}>
        <input
          value={d.name}
          onChange={(e) => set('name', e.target.value)}
          required
          minLength={2}
          maxLength={LIMITS.agencyName}
        />
      </Field>
      <Field label={t('admin.agencies.type')}>
        <select value={d.type} onChange={(e) => set('type', e.target.value as Agency['type'])}>
          <CodeOptions codes={TYPES} prefix="agencyType" />
        </select>
      </Field>
      <Field label={t('admin.agencies.agreement')}>
        <select
          value={d.agreementStatus}
          onChange={(e) => set('agreementStatus', e.target.value as Agency['agreementStatus'])}
        >
          <CodeOptions codes={AGREEMENTS} prefix="agreement" />
        </select>
      </Field>
      <Field label={t('admin.agencies.agreementDate')}>
        <input
          type="date"
          value={d.agreementDate ?? ''}
          onChange={(e) => set('agreementDate', e.target.value || null)}
        />
      </Field>
      <Field label={t('admin.agencies.hotline')}>
        <input
          value={d.hotline ?? ''}
          maxLength={LIMITS.hotline}
          onChange={(e) => set('hotline', e.target.value)}
        />
      </Field>
      <Field label={t('admin.agencies.backOffice')} wide>
        <input
          value={d.backOfficeContact ?? ''}
          maxLength={LIMITS.backOfficeContact}
          onChange={(e) => set('backOfficeContact', e.target.value)}
        />
      </Field>
    </AdminForm>
  );
}
