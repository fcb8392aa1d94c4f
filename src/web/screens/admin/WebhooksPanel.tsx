import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_SCOPES } from '../../../shared/contracts/integration-names';
import { api, type BodyOf } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useInterval } from '../../app/live';
import { useMall } from '../../app/mall';
import type { Webhook, WebhookCreated } from '../../app/types';
import { useApi } from '../../app/useApi';
import { DataTable, RowActions, SmallButton } from '../../components/DataTable';
import { useAdmin } from './adminContext';
import { ConfirmButton } from './ConfirmButton';
import { AdminForm, Field } from './FormParts';
import { CheckList } from './IntegrationParts';
import type { useMutation } from './useMutation';

type WebhookInput = BodyOf<'post', '/api/v1/malls/{mall}/webhooks'>;
type EventType = WebhookInput['events'][number];
type HookScope = NonNullable<WebhookInput['scopes']>[number];
type WebhookPatch = BodyOf<'patch', '/api/v1/malls/{mall}/webhooks/{id}'>;

/** i18n keys cannot hold dots: `ticket.no_show` → `ticket_no_show`. */
const key = (name: string) => name.replace('.', '_');

/** Webhook subscriptions: add (the secret shows once), switch off / back on, test, delete, delivery log. */
export function WebhooksPanel({
  m,
  onCreated,
}: {
  m: ReturnType<typeof useMutation>;
  onCreated: (w: WebhookCreated) => void;
}) {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const { token } = useAdmin();
  const at = { path: { mall: mall.slug } };
  const of = (w: Webhook) => ({ path: { mall: mall.slug, id: w.id } });
  const hooks = useApi('/api/v1/malls/{mall}/webhooks', { params: at, token });
  // Failures and an automatic switch-off happen on their own: refresh while the panel is open.
  useInterval(() => hooks.reload(), 30_000);
  const [adding, setAdding] = useState(false);
  const [logOf, setLogOf] = useState<number | null>(null);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, mall.timezone, i18n.language) : '—');

  const create = async (url: string, events: EventType[], scopes: HookScope[]) => {
    const made = await m.run(
      (token) =>
        api.post('/api/v1/malls/{mall}/webhooks', { params: at, body: { url, events, scopes }, token }),
      t('admin.integrations.hookCreated'),
    );
    if (made) {
      setAdding(false);
      onCreated(made);
      hooks.reload();
    }
  };
  const patch = async (w: Webhook, body: WebhookPatch, done: string) => {
    if (
      await m.run(
        (token) => api.patch('/api/v1/malls/{mall}/webhooks/{id}', { params: of(w), body, token }),
        done,
      )
    )
      hooks.reload();
  };
  const remove = async (w: Webhook) => {
    const ok = await m.run(
      (token) => api.delete('/api/v1/malls/{mall}/webhooks/{id}', { params: of(w), token }),
      t('admin.integrations.hookDeleted'),
    );
    if (ok !== null) {
      if (logOf === w.id) setLogOf(null);
      hooks.reload();
    }
  };
  const ping = (w: Webhook) =>
    m.run(
      (token) => api.post('/api/v1/malls/{mall}/webhooks/{id}/test', { params: of(w), token }),
      t('admin.integrations.pingSent'),
    );

  return (
    <>
      <div className="section-head">
        <h2>{t('admin.integrations.hooks')}</h2>
        <button type="button" className="btn" onClick={() => setAdding(true)}>
          + {t('admin.integrations.addHook')}
        </button>
      </div>
      <p className="muted small">{t('admin.integrations.hooksLead')}</p>
      {adding && <WebhookForm busy={m.busy} onSave={create} onCancel={() => setAdding(false)} />}
      {hooks.data && hooks.data.items.length === 0 && (
        <p className="muted">{t('admin.integrations.noHooks')}</p>
      )}
      <DataTable
        columns={[
          t('admin.integrations.url'),
          t('admin.integrations.events'),
          t('admin.col.status'),
          t('admin.integrations.createdAt'),
        ]}
      >
        {hooks.data?.items.map((w) => (
          <tr key={w.id} data-testid={`webhook-${w.id}`}>
            <td className="mono break-all">{w.url}</td>
            <td>
              {w.events.map((e) => (
                <span key={e} className="chip mono">
                  {e}
                </span>
              ))}
              {w.scopes.includes('personal') && (
                <span className="chip chip-warn">{t('admin.integrations.personal')}</span>
              )}
            </td>
            <td>
              <HookStatus w={w} when={when} />
            </td>
            <td className="nowrap">{when(w.createdAt)}</td>
            <RowActions>
              <SmallButton onClick={() => setLogOf(logOf === w.id ? null : w.id)}>
                {t(logOf === w.id ? 'admin.integrations.hideLog' : 'admin.integrations.showLog')}
              </SmallButton>
              <SmallButton disabled={m.busy} onClick={() => void ping(w)}>
                {t('admin.integrations.ping')}
              </SmallButton>
              {w.active ? (
                <SmallButton
                  disabled={m.busy}
                  onClick={() => void patch(w, { active: false }, t('admin.integrations.hookOff'))}
                >
                  {t('admin.integrations.switchOff')}
                </SmallButton>
              ) : (
                <SmallButton
                  disabled={m.busy}
                  onClick={() => void patch(w, { active: true }, t('admin.integrations.hookOn'))}
                >
                  {t('admin.integrations.switchOn')}
                </SmallButton>
              )}
              <ConfirmButton
                label={t('admin.integrations.delete')}
                labelOf={t('admin.integrations.deleteOf', { url: w.url })}
                ask={t('admin.integrations.deleteAsk')}
                yes={t('admin.integrations.deleteYes')}
                busy={m.busy}
                onConfirm={() => void remove(w)}
              />
            </RowActions>
          </tr>
        ))}
      </DataTable>
      {logOf !== null && <DeliveryLog id={logOf} when={when} />}
    </>
  );
}

function HookStatus({ w, when }: { w: Webhook; when: (iso: string | null) => string }) {
  const { t } = useTranslation();
  if (w.active)
    return (
      <>
        <span className="chip chip-device-online">{t('admin.integrations.active')}</span>
        {w.consecutiveFailures > 0 && (
          <p className="small">{t('admin.integrations.failing', { count: w.consecutiveFailures })}</p>
        )}
      </>
    );
  if (!w.disabledReason) return <span className="chip">{t('admin.integrations.off')}</span>;
  return (
    <p className="alert small" role="status" data-testid={`webhook-disabled-${w.id}`}>
      {t(`admin.integrations.disabled.${w.disabledReason}`, { time: when(w.disabledAt) })}
    </p>
  );
}

function DeliveryLog({ id, when }: { id: number; when: (iso: string | null) => string }) {
  const { t } = useTranslation();
  const mall = useMall();
  const { token } = useAdmin();
  const log = useApi('/api/v1/malls/{mall}/webhooks/{id}/deliveries', {
    params: { path: { mall: mall.slug, id } },
    token,
  });
  return (
    <section className="card delivery-log" aria-labelledby="log-h">
      <div className="section-head">
        <h3 id="log-h">{t('admin.integrations.logTitle')}</h3>
        <SmallButton onClick={() => log.reload()}>{t('admin.integrations.refresh')}</SmallButton>
      </div>
      {log.data && log.data.items.length === 0 && (
        <p className="muted">{t('admin.integrations.noDeliveries')}</p>
      )}
      <DataTable
        columns={[
          t('admin.integrations.time'),
          t('admin.integrations.eventCol'),
          t('admin.col.status'),
          t('admin.integrations.tries'),
          t('admin.integrations.codes'),
          t('admin.integrations.lastError'),
        ]}
      >
        {log.data?.items.map((d) => (
          <tr key={d.id} data-testid={`delivery-${d.id}`}>
            <td className="nowrap">{when(d.createdAt)}</td>
            <td className="mono">{d.event}</td>
            <td>
              <span className={`chip chip-delivery-${d.status}`}>
                {t(`admin.integrations.status.${d.status}`)}
              </span>
              {d.sentAt && <p className="small">{when(d.sentAt)}</p>}
            </td>
            <td>{d.attempts}</td>
            <td className="mono">{d.tries.map((x) => x.statusCode ?? '—').join(' → ') || '—'}</td>
            <td className="small break-all">{d.lastError ?? '—'}</td>
            <td />
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function WebhookForm({
  busy,
  onSave,
  onCancel,
}: {
  busy: boolean;
  onSave: (url: string, events: EventType[], scopes: HookScope[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<EventType[]>(['ticket.issued', 'ticket.called', 'ticket.finished']);
  const [scopes, setScopes] = useState<HookScope[]>([]);
  const [problem, setProblem] = useState(false);
  return (
    <AdminForm
      title={t('admin.integrations.addHook')}
      busy={busy}
      onCancel={onCancel}
      onSubmit={() => {
        setProblem(events.length === 0);
        if (events.length) onSave(url.trim(), events, scopes);
      }}
    >
      <Field label={t('admin.integrations.url')} wide>
        <input
          required
          type="url"
          maxLength={2000}
          pattern="https?://.+"
          value={url}
          placeholder="https://aplikasi.kabupaten.go.id/webhooks/mpp"
          onChange={(e) => setUrl(e.target.value)}
        />
      </Field>
      <CheckList
        legend={t('admin.integrations.events')}
        options={WEBHOOK_EVENT_TYPES}
        chosen={events}
        onChange={setEvents}
        describe={(e) => t(`admin.integrations.event.${key(e)}`)}
      />
      <CheckList
        legend={t('admin.integrations.hookScopes')}
        options={WEBHOOK_SCOPES}
        chosen={scopes}
        onChange={setScopes}
        describe={(s) => t(`admin.integrations.hookScope.${s}`)}
      />
      {problem && <p className="alert span-2">{t('admin.integrations.pickEvent')}</p>}
    </AdminForm>
  );
}
