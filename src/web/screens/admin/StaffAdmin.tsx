import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { changedFields, isEmpty } from '../../app/changes';
import { useMall } from '../../app/mall';
import type { User } from '../../app/types';
import { useApi } from '../../app/useApi';
import { DataTable, EditButton, RowActions, SmallButton } from '../../components/DataTable';
import { useAdmin } from './adminContext';
import { SectionHead, useEditing } from './adminList';
import { type UserDraft, UserForm } from './UserForm';
import { FormStatus, useMutation } from './useMutation';

/** An edit sends only what the admin changed; an empty password keeps the old one. */
function userChanges(u: User | null, d: UserDraft) {
  const loaded = {
    displayName: u?.displayName,
    role: u?.role,
    agencyId: u?.agencyId,
    counterIds: u?.counterIds,
  };
  const edited = {
    displayName: d.displayName.trim() || u?.displayName,
    role: d.role,
    agencyId: d.agencyId,
    counterIds: d.counterIds,
  };
  return { ...changedFields(loaded, edited), ...(d.password ? { password: d.password } : {}) };
}

export function StaffAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, isMallAdmin, user: me } = useAdmin();
  const at = { path: { mall: mall.slug } };
  const users = useApi('/api/v1/malls/{mall}/users', { params: at, token });
  const agencies = useApi('/api/v1/malls/{mall}/agencies', { params: at });
  const counters = useApi('/api/v1/malls/{mall}/counters', { params: at });
  const of = (u: { id: number }) => ({ path: { mall: mall.slug, id: u.id } });
  const ed = useEditing<User>();
  const m = useMutation();
  const agencyName = new Map(agencies.data?.items.map((a) => [a.id, a.name]) ?? []);
  const counterName = new Map(counters.data?.items.map((c) => [c.id, c.name]) ?? []);

  const save = async (d: UserDraft) => {
    const displayName = d.displayName.trim() || undefined;
    if (ed.current && isEmpty(userChanges(ed.current, d))) return m.unchanged(ed.close);
    const cur = ed.current;
    const res = !cur
      ? await m.run(
          (token) =>
            api.post('/api/v1/malls/{mall}/users', { params: at, body: { ...d, displayName }, token }),
          t('admin.staff.created', { username: d.username }),
        )
      : await m.run(
          (token) =>
            api.patch('/api/v1/malls/{mall}/users/{id}', {
              params: of(cur),
              body: userChanges(cur, d),
              token,
            }),
          t('admin.staff.updated', { username: d.username }),
        );
    if (res) {
      ed.close();
      users.reload();
    }
  };
  const setDisabled = async (u: User, disabled: boolean) => {
    const ok = disabled
      ? await m.run((token) => api.post('/api/v1/malls/{mall}/users/{id}/disable', { params: of(u), token }))
      : await m.run((token) =>
          api.patch('/api/v1/malls/{mall}/users/{id}', { params: of(u), body: { disabled: false }, token }),
        );
    if (ok) users.reload();
  };
  const unlock = async (u: User) => {
    const ok = await m.run(
      (token) => api.post('/api/v1/malls/{mall}/users/{id}/unlock', { params: of(u), token }),
      t('admin.staff.unlocked', { username: u.username }),
    );
    if (ok) users.reload();
  };
  const delayed = (u: User) => u.lockedUntil !== null && u.lockedUntil > new Date().toISOString();

  return (
    <section aria-labelledby="st-h">
      <SectionHead id="st-h" title={t('admin.section.staff')}>
        <button type="button" className="btn" onClick={() => ed.open('new')}>
          + {t('admin.staff.create')}
        </button>
      </SectionHead>
      <FormStatus error={m.error ?? (users.error ? t('common.loadFailed') : null)} done={m.done} />
      {ed.editing && (
        <UserForm
          key={ed.formKey}
          user={ed.current ?? undefined}
          agencies={agencies.data?.items ?? []}
          counters={counters.data?.items ?? []}
          busy={m.busy}
          fixedAgency={isMallAdmin ? null : me.agencyId}
          onSave={(d) => void save(d)}
          onCancel={ed.close}
        />
      )}
      <DataTable
        columns={[
          t('login.username'),
          t('admin.staff.displayName'),
          t('admin.staff.role'),
          t('admin.col.agency'),
          t('admin.staff.counters'),
          t('admin.col.status'),
        ]}
      >
        {users.data?.items.map((u) => (
          <tr key={u.id} className={u.disabled ? 'retired' : ''}>
            <td className="mono nowrap">{u.username}</td>
            <td>{u.displayName}</td>
            <td>{t(`role.${u.role}`)}</td>
            <td>{u.agencyId ? (agencyName.get(u.agencyId) ?? u.agencyId) : '—'}</td>
            <td>{u.counterIds.map((c) => counterName.get(c) ?? c).join(', ') || '—'}</td>
            <td>
              {u.disabled ? t('admin.staff.disabled') : t('admin.staff.active')}
              {delayed(u) && (
                <>
                  {' · '}
                  <span className="chip chip-warn">
                    {t('admin.staff.delayed', { count: u.failedLogins })}
                  </span>
                </>
              )}
            </td>
            <RowActions>
              {u.id !== me.id && (
                <>
                  <EditButton
                    label={t('admin.staff.editOf', { username: u.username })}
                    onClick={() => ed.open(u)}
                  />
                  <SmallButton disabled={m.busy} onClick={() => void setDisabled(u, !u.disabled)}>
                    {u.disabled ? t('admin.staff.enable') : t('admin.staff.disable')}
                  </SmallButton>
                  {isMallAdmin && (u.failedLogins > 0 || delayed(u)) && (
                    <SmallButton
                      disabled={m.busy}
                      label={t('admin.staff.unlockOf', { username: u.username })}
                      onClick={() => void unlock(u)}
                    >
                      {t('admin.staff.unlock')}
                    </SmallButton>
                  )}
                </>
              )}
            </RowActions>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
