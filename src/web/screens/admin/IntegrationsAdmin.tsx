import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_SCOPES } from '../../../shared/contracts/integration-names';
import { api, type BodyOf } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useMall } from '../../app/mall';
import type { ApiKey, ApiKeyCreated, WebhookCreated } from '../../app/types';
import { useApi } from '../../app/useApi';
import { DataTable, RowActions } from '../../components/DataTable';
import { useAdmin } from './adminContext';
import { SectionHead, useEditing } from './adminList';
import { ConfirmButton } from './ConfirmButton';
import { ApiKeyForm, ShownOnce } from './IntegrationParts';
import { FormStatus, useMutation } from './useMutation';
import { WebhooksPanel } from './WebhooksPanel';

type KeyScope = NonNullable<BodyOf<'post', '/api/v1/malls/{mall}/api-keys'>['scopes']>[number];

/**
 * "API & Webhook": API keys for integrators (created with scopes, shown once, revoked at once) and
 * webhook subscriptions (secret shown once, events, delivery log, switch off / back on).
 */
export function IntegrationsAdmin() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const allowed = may('apikeys.manage');
  const at = { path: { mall: mall.slug } };
  const keys = useApi(allowed ? '/api/v1/malls/{mall}/api-keys' : null, { params: at, token });
  const ed = useEditing<ApiKey>();
  const m = useMutation();
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [hookSecret, setHookSecret] = useState<WebhookCreated | null>(null);

  if (!allowed) return <p className="alert">{t('admin.integrations.mallAdminOnly')}</p>;

  const create = async (name: string, scopes: KeyScope[]) => {
    const made = await m.run(
      (token) => api.post('/api/v1/malls/{mall}/api-keys', { params: at, body: { name, scopes }, token }),
      t('admin.integrations.keyCreated', { name }),
    );
    if (made) {
      ed.close();
      setCreated(made);
      keys.reload();
    }
  };
  const revoke = async (k: ApiKey) => {
    const ok = await m.run(
      (token) =>
        api.delete('/api/v1/malls/{mall}/api-keys/{id}', {
          params: { path: { mall: mall.slug, id: k.id } },
          token,
        }),
      t('admin.integrations.keyRevoked', { name: k.name }),
    );
    if (ok !== null) {
      if (created?.id === k.id) setCreated(null);
      keys.reload();
    }
  };
  const when = (iso: string | null) => (iso ? formatDateTime(iso, mall.timezone, i18n.language) : '—');

  return (
    <section aria-labelledby="int-h" className="integrations">
      <SectionHead id="int-h" title={t('admin.section.integrations')} />
      <p className="muted small">{t('admin.integrations.lead')}</p>
      <FormStatus error={m.error} done={m.done} />

      <div className="section-head">
        <h2 id="keys-h">{t('admin.integrations.keys')}</h2>
        <button type="button" className="btn" onClick={() => ed.open('new')}>
          + {t('admin.integrations.createKey')}
        </button>
      </div>
      {created && (
        <ShownOnce
          title={t('admin.integrations.keyTitle', { name: created.name })}
          value={created.key}
          testId="api-key-value"
          onClose={() => setCreated(null)}
        />
      )}
      {ed.editing && (
        <ApiKeyForm
          key={ed.formKey}
          scopes={API_SCOPES}
          busy={m.busy}
          onSave={(name, scopes) => void create(name, scopes)}
          onCancel={ed.close}
        />
      )}
      {keys.data && keys.data.items.length === 0 && <p className="muted">{t('admin.integrations.noKeys')}</p>}
      <DataTable
        columns={[
          t('admin.integrations.name'),
          t('admin.integrations.scopes'),
          t('admin.integrations.prefix'),
          t('admin.integrations.createdAt'),
          t('admin.integrations.lastUsed'),
          t('admin.col.status'),
        ]}
      >
        {keys.data?.items.map((k) => (
          <tr key={k.id} data-testid={`api-key-${k.id}`} className={k.revokedAt ? 'muted' : undefined}>
            <td>{k.name}</td>
            <td>
              {k.scopes.map((s) => (
                <span key={s} className="chip mono">
                  {s}
                </span>
              ))}
            </td>
            <td className="mono nowrap">{k.keyPrefix}…</td>
            <td className="nowrap">{when(k.createdAt)}</td>
            <td className="nowrap">{when(k.lastUsedAt)}</td>
            <td>
              {k.revokedAt ? (
                <span className="chip chip-warn">
                  {t('admin.integrations.revokedAt', { time: when(k.revokedAt) })}
                </span>
              ) : (
                <span className="chip chip-device-online">{t('admin.integrations.active')}</span>
              )}
            </td>
            <RowActions>
              {!k.revokedAt && (
                <ConfirmButton
                  label={t('admin.integrations.revoke')}
                  labelOf={t('admin.integrations.revokeOf', { name: k.name })}
                  ask={t('admin.integrations.revokeAsk', { name: k.name })}
                  yes={t('admin.integrations.revokeYes')}
                  busy={m.busy}
                  onConfirm={() => void revoke(k)}
                />
              )}
            </RowActions>
          </tr>
        ))}
      </DataTable>

      {hookSecret && (
        <ShownOnce
          title={t('admin.integrations.secretTitle', { url: hookSecret.url })}
          value={hookSecret.secret}
          testId="webhook-secret-value"
          onClose={() => setHookSecret(null)}
        />
      )}
      <WebhooksPanel m={m} onCreated={setHookSecret} />
    </section>
  );
}
