import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mallPath } from '../../app/api';
import { useMall } from '../../app/mall';
import type { Agency, Counter, User } from '../../app/types';
import { useApi } from '../../app/useApi';
import { useAdmin } from './adminContext';
import { type UserDraft, UserForm } from './UserForm';
import { FormStatus, useMutation } from './useMutation';

export function StaffAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, isMallAdmin, user: me } = useAdmin();
  const users = useApi<{ items: User[] }>(mallPath(mall.slug, '/users'), token);
  const agencies = useApi<{ items: Agency[] }>(mallPath(mall.slug, '/agencies'));
  const counters = useApi<{ items: Counter[] }>(mallPath(mall.slug, '/counters'));
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const m = useMutation();
  const agencyName = new Map(agencies.data?.items.map((a) => [a.id, a.name]) ?? []);
  const counterName = new Map(counters.data?.items.map((c) => [c.id, c.name]) ?? []);

  const save = async (d: UserDraft) => {
    const displayName = d.displayName.trim() || undefined;
    const res =
      editing === 'new'
        ? await m.send(
            mallPath(mall.slug, '/users'),
            { method: 'POST', body: { ...d, displayName } },
            t('admin.staff.created', { username: d.username }),
          )
        : await m.send(
            mallPath(mall.slug, `/users/${editing?.id}`),
            {
              method: 'PATCH',
              body: {
                displayName,
                role: d.role,
                agencyId: d.agencyId,
                counterIds: d.counterIds,
                password: d.password || undefined,
              },
            },
            t('admin.staff.updated', { username: d.username }),
          );
    if (res) {
      setEditing(null);
      users.reload();
    }
  };
  const setDisabled = async (u: User, disabled: boolean) => {
    const ok = disabled
      ? await m.send(mallPath(mall.slug, `/users/${u.id}/disable`), { method: 'POST' })
      : await m.send(mallPath(mall.slug, `/users/${u.id}`), { method: 'PATCH', body: { disabled: false } });
    if (ok) users.reload();
  };

  return (
    <section aria-labelledby="st-h">
      <div className="section-head">
        <h1 id="st-h">{t('admin.section.staff')}</h1>
        <button type="button" className="btn" onClick={() => setEditing('new')}>
          + {t('admin.staff.create')}
        </button>
      </div>
      <FormStatus error={m.error ?? (users.error ? t('common.loadFailed') : null)} done={m.done} />
      {editing && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? undefined : editing}
          agencies={agencies.data?.items ?? []}
          counters={counters.data?.items ?? []}
          busy={m.busy}
          fixedAgency={isMallAdmin ? null : me.agencyId}
          onSave={(d) => void save(d)}
          onCancel={() => setEditing(null)}
        />
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('login.username')}</th>
            <th scope="col">{t('admin.staff.displayName')}</th>
            <th scope="col">{t('admin.staff.role')}</th>
            <th scope="col">{t('admin.col.agency')}</th>
            <th scope="col">{t('admin.staff.counters')}</th>
            <th scope="col">{t('admin.col.status')}</th>
            <th scope="col">
              <span className="sr-only">{t('admin.col.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.data?.items.map((u) => (
            <tr key={u.id} className={u.disabled ? 'retired' : ''}>
              <td className="mono nowrap">{u.username}</td>
              <td>{u.displayName}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td>{u.agencyId ? (agencyName.get(u.agencyId) ?? u.agencyId) : '—'}</td>
              <td>{u.counterIds.map((c) => counterName.get(c) ?? c).join(', ') || '—'}</td>
              <td>{u.disabled ? t('admin.staff.disabled') : t('admin.staff.active')}</td>
              <td>
                <div className="actions-cell">
                  {u.id !== me.id && (
                    <button
                      type="button"
                      className="btn btn-small btn-secondary"
                      aria-label={t('admin.staff.editOf', { username: u.username })}
                      onClick={() => setEditing(u)}
                    >
                      {t('common.edit')}
                    </button>
                  )}
                  {u.id !== me.id && (
                    <button
                      type="button"
                      className="btn btn-small btn-secondary"
                      disabled={m.busy}
                      onClick={() => void setDisabled(u, !u.disabled)}
                    >
                      {u.disabled ? t('admin.staff.enable') : t('admin.staff.disable')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
