import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/contracts/limits';
import type { AgencyView, Counter, Role, User } from '../../app/types';
import { AdminForm, CodeOptions, Field, NamedOptions } from './FormParts';

const ROLES: Role[] = ['mall_admin', 'agency_admin', 'back_office', 'officer', 'auditor'];

export interface UserDraft {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  counterIds: number[];
}

/**
 * A staff account with a scoped role: agency for agency staff, counters for officers. Without `user`
 * it creates an account; with one it edits that account (its username stays; an empty password
 * keeps the old one).
 */
export function UserForm({
  user,
  agencies,
  counters,
  busy,
  fixedAgency,
  onSave,
  onCancel,
}: {
  user?: User;
  agencies: AgencyView[];
  counters: Counter[];
  busy: boolean;
  fixedAgency: number | null;
  onSave: (d: UserDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<UserDraft>(
    user
      ? {
          username: user.username,
          password: '',
          displayName: user.displayName,
          role: user.role,
          agencyId: user.agencyId,
          counterIds: user.counterIds,
        }
      : {
          username: '',
          password: '',
          displayName: '',
          role: 'officer',
          agencyId: fixedAgency,
          counterIds: [],
        },
  );
  const needsAgency = ['agency_admin', 'back_office', 'officer'].includes(d.role);
  const pickable = counters.filter((c) => !d.agencyId || c.agencyId === d.agencyId);
  return (
    <AdminForm
      title={user ? t('admin.staff.edit', { username: user.username }) : t('admin.staff.create')}
      busy={busy}
      onCancel={onCancel}
      onSubmit={() =>
        onSave({
          ...d,
          agencyId: needsAgency ? d.agencyId : null,
          counterIds: d.role === 'officer' ? d.counterIds : [],
        })
      }
    >
      <Field label={t('login.username')}>
        <input
          required
          pattern="[a-zA-Z0-9._\-]{3,64}"
          autoComplete="off"
          readOnly={!!user}
          value={d.username}
          onChange={(e) => setD({ ...d, username: e.target.value })}
        />
      </Field>
      <Field label={t('admin.staff.displayName')}>
        <input
          value={d.displayName}
          maxLength={LIMITS.displayName}
          onChange={(e) => setD({ ...d, displayName: e.target.value })}
        />
      </Field>
      <Field label={user ? t('admin.staff.newPassword') : t('login.password')}>
        <input
          required={!user}
          type="password"
          autoComplete="new-password"
          minLength={8}
          value={d.password}
          onChange={(e) => setD({ ...d, password: e.target.value })}
        />
      </Field>
      <Field label={t('admin.staff.role')}>
        <select value={d.role} onChange={(e) => setD({ ...d, role: e.target.value as Role })}>
          <CodeOptions
            codes={ROLES.filter((r) => fixedAgency === null || r !== 'mall_admin')}
            prefix="role"
          />
        </select>
      </Field>
      {needsAgency && (
        <Field label={t('portal.agency')}>
          <select
            required
            value={d.agencyId ?? ''}
            disabled={fixedAgency !== null}
            onChange={(e) =>
              setD({ ...d, agencyId: e.target.value ? Number(e.target.value) : null, counterIds: [] })
            }
          >
            <option value="">—</option>
            <NamedOptions items={agencies} />
          </select>
        </Field>
      )}
      {d.role === 'officer' && (
        <fieldset className="span-2 check-list">
          <legend>{t('admin.staff.counters')}</legend>
          {pickable.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={d.counterIds.includes(c.id)}
                onChange={() =>
                  setD({
                    ...d,
                    counterIds: d.counterIds.includes(c.id)
                      ? d.counterIds.filter((x) => x !== c.id)
                      : [...d.counterIds, c.id],
                  })
                }
              />{' '}
              {c.name} · {c.agencyName}
            </label>
          ))}
        </fieldset>
      )}
    </AdminForm>
  );
}
