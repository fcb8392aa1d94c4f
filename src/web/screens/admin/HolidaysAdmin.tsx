import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mallPath } from '../../app/api';
import { useMall } from '../../app/mall';
import type { Holiday } from '../../app/types';
import { useApi } from '../../app/useApi';
import { FormStatus, useMutation } from './useMutation';

/** National holidays and cuti bersama: data the admin keeps per year, not code. */
export function HolidaysAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const year = new Date().getFullYear();
  const list = useApi<{ items: Holiday[] }>(
    mallPath(mall.slug, `/holidays?from=${year}-01-01&to=${year + 1}-12-31`),
  );
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const m = useMutation();
  const add = async () => {
    if (
      await m.send(mallPath(mall.slug, '/holidays'), { method: 'POST', body: { date, name: name.trim() } })
    ) {
      setDate('');
      setName('');
      list.reload();
    }
  };
  const remove = async (h: Holiday) => {
    if (
      await m.send(
        mallPath(mall.slug, `/holidays/${h.date}`),
        { method: 'DELETE' },
        t('admin.holidays.removed'),
      )
    )
      list.reload();
  };
  return (
    <section aria-labelledby="hol-h" className="holidays">
      <h2 id="hol-h">{t('admin.holidays.title')}</h2>
      <form
        className="inline-form"
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
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="btn" disabled={m.busy}>
          + {t('admin.holidays.add')}
        </button>
      </form>
      <FormStatus error={m.error} done={m.done} />
      {list.data?.items.length === 0 && <p className="muted">{t('admin.holidays.none')}</p>}
      <table className="table">
        <tbody>
          {list.data?.items.map((h) => (
            <tr key={h.date}>
              <td className="mono">{h.date}</td>
              <td>{h.name}</td>
              <td>
                <button
                  type="button"
                  className="btn btn-small btn-secondary"
                  disabled={m.busy}
                  onClick={() => void remove(h)}
                >
                  {t('common.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
