import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useInterval } from '../../app/live';
import { useMall } from '../../app/mall';
import type { OutboxMessage } from '../../app/types';
import { useApi } from '../../app/useApi';
import { DataTable, RowActions, SmallButton } from '../../components/DataTable';
import { useAdmin } from './adminContext';
import { SectionHead } from './adminList';
import { FormStatus, useMutation } from './useMutation';

const FILTERS = ['failed', 'pending', 'sent', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * "Pesan keluar": the mall's outgoing messages, failed ones first, with their delivery history and
 * "send again". Addresses arrive masked from the server and are shown as they come.
 */
export function OutboxAdmin() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const [filter, setFilter] = useState<Filter>('failed');
  const [open, setOpen] = useState<number | null>(null);
  const list = useApi(
    '/api/v1/malls/{mall}/outbox/messages',
    { params: { path: { mall: mall.slug }, query: filter === 'all' ? {} : { status: filter } }, token },
    { keepPrevious: true },
  );
  const m = useMutation();
  useInterval(() => list.reload(), 10_000);
  const when = (iso: string | null) => formatDateTime(iso, mall.timezone, i18n.language);
  const canRetry = may('outbox.manage');

  const retry = async (msg: OutboxMessage) => {
    const params = { path: { mall: mall.slug, id: msg.id } };
    const done = await m.run(
      (token) => api.post('/api/v1/malls/{mall}/outbox/messages/{id}/retry', { params, token }),
      t('admin.outbox.retried', { id: msg.id }),
    );
    if (done) list.reload();
  };
  const counts = list.data?.counts;

  return (
    <section aria-labelledby="outbox-h" className="outbox-admin">
      <SectionHead id="outbox-h" title={t('admin.section.messages')}>
        <SmallButton onClick={() => list.reload()}>{t('admin.outbox.refresh')}</SmallButton>
      </SectionHead>
      <p className="muted small">{t('admin.outbox.lead')}</p>
      <fieldset className="year-tabs">
        <legend className="sr-only">{t('admin.outbox.filter')}</legend>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className={`btn btn-small ${f === filter ? '' : 'btn-secondary'}`}
            aria-pressed={f === filter}
            onClick={() => {
              setFilter(f);
              setOpen(null);
            }}
          >
            {f === 'all' ? t('admin.outbox.all') : t(`admin.outbox.status.${f}`)}
            {counts && f !== 'all' ? ` (${counts[f]})` : ''}
          </button>
        ))}
      </fieldset>
      <FormStatus error={m.error} done={m.done} />
      {list.data && list.data.items.length === 0 && <p className="muted">{t('admin.outbox.none')}</p>}
      <DataTable
        columns={[
          t('admin.outbox.created'),
          t('admin.outbox.channelCol'),
          t('admin.outbox.event'),
          t('admin.outbox.to'),
          t('admin.col.status'),
          t('admin.outbox.tries'),
          t('admin.outbox.lastError'),
        ]}
      >
        {list.data?.items.map((msg) => (
          <MessageRow
            key={msg.id}
            msg={msg}
            when={when}
            open={open === msg.id}
            onToggle={() => setOpen(open === msg.id ? null : msg.id)}
            canRetry={canRetry && msg.status === 'failed' && !msg.addressErased}
            busy={m.busy}
            onRetry={() => void retry(msg)}
          />
        ))}
      </DataTable>
    </section>
  );
}

function MessageRow({
  msg,
  when,
  open,
  onToggle,
  canRetry,
  busy,
  onRetry,
}: {
  msg: OutboxMessage;
  when: (iso: string | null) => string;
  open: boolean;
  onToggle: () => void;
  canRetry: boolean;
  busy: boolean;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <tr data-testid={`message-${msg.id}`}>
        <td className="nowrap">{when(msg.createdAt)}</td>
        <td>{t(`admin.outbox.channel.${msg.channel}`, { defaultValue: msg.channel })}</td>
        <td className="mono">{msg.event}</td>
        <td className="mono">
          {msg.addressMasked}
          {msg.addressErased && <p className="small muted">{t('admin.outbox.erased')}</p>}
        </td>
        <td>
          <span className={`chip chip-outbox-${msg.status}`}>{t(`admin.outbox.status.${msg.status}`)}</span>
          {msg.status === 'pending' && msg.nextAttemptAt && (
            <p className="small">{t('admin.outbox.nextTry', { time: when(msg.nextAttemptAt) })}</p>
          )}
          {msg.sentAt && <p className="small">{when(msg.sentAt)}</p>}
        </td>
        <td>
          {msg.attempts}/{msg.maxAttempts}
        </td>
        <td className="small break-all">{msg.lastError ?? '—'}</td>
        <RowActions>
          <SmallButton onClick={onToggle} label={t('admin.outbox.showLogOf', { id: msg.id })}>
            {t('admin.outbox.showLog')}
          </SmallButton>
          {canRetry && (
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              aria-label={t('admin.outbox.retryOf', { id: msg.id })}
              onClick={onRetry}
            >
              {t('admin.outbox.retry')}
            </button>
          )}
        </RowActions>
      </tr>
      {open && (
        <tr className="outbox-log-row">
          <td colSpan={8}>
            <h3 className="small">{t('admin.outbox.logTitle', { id: msg.id })}</h3>
            {msg.log.length === 0 ? (
              <p className="muted small">{t('admin.outbox.noLog')}</p>
            ) : (
              <ol className="outbox-log">
                {msg.log.map((a) => (
                  <li key={`${a.attempt}-${a.at}`}>
                    {t('admin.outbox.logLine', {
                      attempt: a.attempt,
                      time: when(a.at),
                      result: a.ok ? t('admin.outbox.logOk') : t('admin.outbox.logFailed'),
                      ms: a.durationMs,
                    })}
                    {a.statusCode !== null && <span className="mono"> · HTTP/SMTP {a.statusCode}</span>}
                    {a.error && <span className="small break-all"> · {a.error}</span>}
                  </li>
                ))}
              </ol>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
