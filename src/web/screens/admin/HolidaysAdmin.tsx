import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useMall } from '../../app/mall';
import type { MallCalendarDay } from '../../app/types';
import { useApi } from '../../app/useApi';
import { formatDay, KindChip } from './calendarParts';
import { FormStatus, useMutation } from './useMutation';

/**
 * The mall's calendar: national holidays and cuti bersama inherited from the national admin, the
 * cuti bersama days this mall serves on, and its own closures (with their legal source).
 */
export function HolidaysAdmin() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const at = { mall: mall.slug };
  const list = useApi(
    '/api/v1/malls/{mall}/calendar',
    { params: { path: at, query: { year } } },
    { keepPrevious: true },
  );
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const m = useMutation();
  const add = async () => {
    const body = { date, name: name.trim(), ...(source.trim() ? { source: source.trim() } : {}) };
    if (
      await m.run((token) => api.post('/api/v1/malls/{mall}/holidays', { params: { path: at }, body, token }))
    ) {
      setDate('');
      setName('');
      setSource('');
      list.reload();
    }
  };
  const remove = async (d: MallCalendarDay) => {
    // 204: answered undefined; null means it failed.
    if (
      (await m.run(
        (token) =>
          api.delete('/api/v1/malls/{mall}/holidays/{date}', {
            params: { path: { ...at, date: d.date } },
            token,
          }),
        t('admin.holidays.removed'),
      )) !== null
    )
      list.reload();
  };
  const serve = async (d: MallCalendarDay, served: boolean) => {
    if (
      await m.run(
        (token) =>
          api.put('/api/v1/malls/{mall}/calendar/cuti-bersama/{date}', {
            params: { path: { ...at, date: d.date } },
            body: { served },
            token,
          }),
        served ? t('admin.holidays.servedDone') : t('admin.holidays.unservedDone'),
      )
    )
      list.reload();
  };
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="hol-h" className="holidays">
      <h2 id="hol-h">{t('admin.holidays.title')}</h2>
      <p className="muted">{t('admin.holidays.lead')}</p>
      {list.data?.alwaysOpen && <p className="notice">{t('admin.holidays.alwaysOpen')}</p>}
      <form
        className="inline-form"
        aria-label={t('admin.holidays.addTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="field">
          <span>{t('admin.holidays.date')}</span>
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="field grow">
          <span>{t('admin.holidays.name')}</span>
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field grow">
          <span>{t('admin.holidays.source')}</span>
          <input maxLength={300} value={source} onChange={(e) => setSource(e.target.value)} />
        </label>
        <button type="submit" className="btn" disabled={m.busy}>
          + {t('admin.holidays.add')}
        </button>
      </form>
      <FormStatus error={m.error} done={m.done} />
      <fieldset className="year-tabs">
        <legend className="sr-only">{t('admin.holidays.year')}</legend>
        {[thisYear, thisYear + 1].map((y) => (
          <button
            key={y}
            type="button"
            className={`btn btn-small ${y === year ? '' : 'btn-secondary'}`}
            aria-pressed={y === year}
            onClick={() => setYear(y)}
          >
            {y}
          </button>
        ))}
      </fieldset>
      {list.data && items.length === 0 && <p className="muted">{t('admin.holidays.none')}</p>}
      {items.length > 0 && (
        <table className="table calendar-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.holidays.date')}</th>
              <th scope="col">{t('admin.holidays.kind')}</th>
              <th scope="col">{t('admin.holidays.name')}</th>
              <th scope="col">{t('admin.holidays.status')}</th>
              <th scope="col">{t('admin.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.date} className={d.closed ? undefined : 'served'}>
                <td>{formatDay(d.date, i18n.language)}</td>
                <td>
                  <KindChip kind={d.kind} />
                </td>
                <td>
                  {d.name}
                  {d.source && <div className="muted small">{d.source}</div>}
                </td>
                <td>
                  {d.closed ? (
                    <span className="chip chip-status-closed">{t('admin.holidays.closed')}</span>
                  ) : (
                    <span className="chip chip-serving">{t('admin.holidays.serving')}</span>
                  )}
                </td>
                <td>
                  {d.kind === 'cuti_bersama' && (
                    <button
                      type="button"
                      className="btn btn-small btn-secondary"
                      disabled={m.busy}
                      onClick={() => void serve(d, !d.served)}
                    >
                      {d.served ? t('admin.holidays.unserve') : t('admin.holidays.serve')}
                    </button>
                  )}
                  {d.kind === 'local_closure' && (
                    <button
                      type="button"
                      className="btn btn-small btn-secondary"
                      disabled={m.busy}
                      onClick={() => void remove(d)}
                    >
                      {t('common.delete')}
                    </button>
                  )}
                  {d.kind === 'national_holiday' && (
                    <span className="muted small">{t('admin.holidays.national')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
