import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatTime } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { useAdmin } from './adminContext';
import { localToday } from './StatsAdmin';
import { FormStatus, useMutation } from './useMutation';

type SessionRow = { start: string; end: string; capacity: string };

/**
 * Online booking for the mall's staff: a service's sessions and capacities and how far ahead citizens
 * may book (mall and agency admins), and a day's bookings with their check-in and no-show status,
 * NIK and phone masked, exported as CSV.
 */
export function BookingsAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const at = { mall: mall.slug };
  const [date, setDate] = useState(localToday(mall.timezone));
  const [serviceId, setServiceId] = useState<number | null>(null);
  const services = useApi('/api/v1/malls/{mall}/services', { params: { path: at, query: { limit: 500 } } });
  const bookable = (services.data?.items ?? []).filter((s) => s.servedAtMall);
  const list = useApi(
    '/api/v1/malls/{mall}/bookings',
    { params: { path: at, query: { date, ...(serviceId ? { serviceId } : {}) } }, token },
    { keepPrevious: true },
  );
  const [exportError, setExportError] = useState<string | null>(null);
  const exportCsv = async () => {
    setExportError(null);
    try {
      const blob = await download('/api/v1/malls/{mall}/booking-export', {
        params: { path: at, query: { date, ...(serviceId ? { serviceId } : {}) } },
        token,
      });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `pemesanan-${mall.slug}-${date}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (err) {
      setExportError(errorText(t, err));
    }
  };
  return (
    <section aria-labelledby="bookings-h">
      <h2 id="bookings-h">{t('admin.section.bookings')}</h2>
      <div className="filters">
        <label>
          {t('admin.bookings.service')}
          <select
            value={serviceId ?? ''}
            onChange={(e) => setServiceId(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{t('admin.bookings.allServices')}</option>
            {bookable.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {s.agencyName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.bookings.date')}
          <input type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </label>
        <button type="button" className="btn btn-secondary" onClick={() => void exportCsv()}>
          {t('admin.bookings.export')}
        </button>
      </div>
      {exportError && <p className="alert">{exportError}</p>}
      {serviceId !== null && may('service.manage') && (
        <SessionsEditor mall={mall.slug} serviceId={serviceId} />
      )}
      <h3>{t('admin.bookings.list', { date })}</h3>
      {list.error && <p className="alert">{errorText(t, list.error)}</p>}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('admin.bookings.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="table" data-testid="bookings-table">
          <thead>
            <tr>
              <th>{t('admin.bookings.code')}</th>
              <th>{t('admin.bookings.service')}</th>
              <th>{t('admin.bookings.session')}</th>
              <th>{t('admin.bookings.name')}</th>
              <th>NIK</th>
              <th>{t('admin.bookings.phone')}</th>
              <th>{t('admin.bookings.status')}</th>
              <th>{t('admin.bookings.checkedIn')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((b) => (
              <tr key={b.id}>
                <td>
                  <code>{b.code}</code>
                </td>
                <td>{b.serviceName}</td>
                <td>
                  {b.session.start}–{b.session.end}
                </td>
                <td>{b.name}</td>
                <td>{b.nikMasked}</td>
                <td>{b.phoneMasked}</td>
                <td>
                  {t(`admin.bookings.statuses.${b.status}`, { defaultValue: b.status })}
                  {b.flag ? ` · ${b.flag}` : ''}
                </td>
                <td>
                  {b.checkedInAt
                    ? `${formatTime(b.checkedInAt, mall.timezone)} · ${b.ticketNumber ?? ''}`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The sessions and capacities of one service, and how many days ahead citizens may book. */
function SessionsEditor({ mall, serviceId }: { mall: string; serviceId: number }) {
  const { t } = useTranslation();
  const detail = useApi('/api/v1/malls/{mall}/services/{id}', { params: { path: { mall, id: serviceId } } });
  const [rows, setRows] = useState<SessionRow[]>([]);
  const [daysAhead, setDaysAhead] = useState('14');
  const m = useMutation();
  useEffect(() => {
    const b = detail.data?.booking;
    if (!b) return;
    setRows(b.sessions.map((s) => ({ start: s.start, end: s.end, capacity: String(s.capacity) })));
    setDaysAhead(String(b.daysAhead ?? 14));
  }, [detail.data]);
  const set = (i: number, patch: Partial<SessionRow>) =>
    setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const save = async () => {
    const body = {
      booking: {
        sessions: rows.map((r) => ({ start: r.start, end: r.end, capacity: Number(r.capacity) })),
        daysAhead: Number(daysAhead),
      },
    };
    if (
      await m.run(
        (tk) =>
          api.patch('/api/v1/malls/{mall}/services/{id}', {
            params: { path: { mall, id: serviceId } },
            body,
            token: tk,
          }),
        t('admin.bookings.saved'),
      )
    )
      detail.reload();
  };
  return (
    <form
      className="card sessions-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('admin.bookings.sessions')}</h3>
      <p className="muted small">{t('admin.bookings.sessionsHelp')}</p>
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id yet
        <div className="inline-fields" key={i}>
          <label>
            {t('admin.bookings.start')}
            <input
              required
              inputMode="numeric"
              pattern="([01][0-9]|2[0-3]):[0-5][0-9]|24:00"
              placeholder="08:00"
              maxLength={5}
              value={r.start}
              onChange={(e) => set(i, { start: e.target.value })}
            />
          </label>
          <label>
            {t('admin.bookings.end')}
            <input
              required
              inputMode="numeric"
              pattern="([01][0-9]|2[0-3]):[0-5][0-9]|24:00"
              placeholder="08:00"
              maxLength={5}
              value={r.end}
              onChange={(e) => set(i, { end: e.target.value })}
            />
          </label>
          <label>
            {t('admin.bookings.capacity')}
            <input
              type="number"
              min={1}
              max={10000}
              required
              value={r.capacity}
              onChange={(e) => set(i, { capacity: e.target.value })}
            />
          </label>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => setRows((rs) => rs.filter((_, k) => k !== i))}
          >
            {t('admin.bookings.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => setRows((rs) => [...rs, { start: '08:00', end: '10:00', capacity: '10' }])}
      >
        {t('admin.bookings.addSession')}
      </button>
      <label>
        {t('admin.bookings.daysAhead')}
        <input
          type="number"
          min={0}
          max={90}
          value={daysAhead}
          onChange={(e) => setDaysAhead(e.target.value)}
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={m.busy}>
          {t('common.save')}
        </button>
      </div>
      <FormStatus error={m.error} done={m.done} />
    </form>
  );
}
