import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarImportReport as CalendarImportReportSchema } from '../../../shared/contracts/calendar';
import { ApiError, api } from '../../app/api';
import { errorText } from '../../app/errors';
import type { CalendarImportReport, NationalDay } from '../../app/types';
import { useApi } from '../../app/useApi';
import { useAdmin } from './adminContext';
import { formatDay, KindChip } from './calendarParts';
import { FormStatus, useMutation } from './useMutation';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EMPTY: NationalDay = { date: '', kind: 'national_holiday', name: '', source: '' };

/** National admin: the deployment's national holidays and cuti bersama, inherited by every mall. */
export function NationalCalendarAdmin() {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const list = useApi('/api/v1/calendar/national', { params: { query: { year } } }, { keepPrevious: true });
  const [form, setForm] = useState<NationalDay>(EMPTY);
  const m = useMutation();
  const save = async () => {
    const { date, ...body } = form;
    const params = { path: { date } };
    if (await m.run((token) => api.put('/api/v1/calendar/national/{date}', { params, body, token }))) {
      setForm({ ...EMPTY, source: form.source });
      list.reload();
    }
  };
  const remove = async (d: NationalDay) => {
    // 204: answered undefined; null means it failed.
    if (
      (await m.run(
        (token) =>
          api.delete('/api/v1/calendar/national/{date}', { params: { path: { date: d.date } }, token }),
        t('admin.calendar.removed'),
      )) !== null
    )
      list.reload();
  };
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, ...(list.data?.years ?? [])])].sort();
  const items = list.data?.items ?? [];
  const count = (k: string) => items.filter((d) => d.kind === k).length;
  return (
    <section aria-labelledby="nc-h">
      <h1 id="nc-h">{t('admin.section.calendar')}</h1>
      <p>{t('admin.calendar.lead')}</p>
      <fieldset className="year-tabs">
        <legend className="sr-only">{t('admin.holidays.year')}</legend>
        {years.map((y) => (
          <button
            key={y}
            type="button"
            className={`btn btn-small ${y === year ? '' : 'btn-secondary'}`}
            aria-pressed={y === year}
            onClick={() => setYear(y)}
          >
            {y}
            {list.data && !list.data.years.includes(y) ? ' ⚠' : ''}
          </button>
        ))}
      </fieldset>
      <p className="muted">
        {t('admin.calendar.counts', {
          year,
          holidays: count('national_holiday'),
          cuti: count('cuti_bersama'),
        })}
      </p>
      <form
        className="inline-form card"
        aria-label={t('admin.calendar.addTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t('admin.holidays.date')}</span>
          <input
            type="date"
            required
            value={form.date}
            onChange={(e) => setForm({ ...form, date: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('admin.holidays.kind')}</span>
          <select
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value as NationalDay['kind'] })}
          >
            <option value="national_holiday">{t('admin.calendar.kind.national_holiday')}</option>
            <option value="cuti_bersama">{t('admin.calendar.kind.cuti_bersama')}</option>
          </select>
        </label>
        <label className="field grow">
          <span>{t('admin.holidays.name')}</span>
          <input
            required
            maxLength={200}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <label className="field grow">
          <span>{t('admin.calendar.source')}</span>
          <input
            required
            maxLength={300}
            value={form.source}
            onChange={(e) => setForm({ ...form, source: e.target.value })}
          />
        </label>
        <button type="submit" className="btn" disabled={m.busy}>
          {t('common.save')}
        </button>
      </form>
      <FormStatus error={m.error} done={m.done} />
      <NationalImport onDone={list.reload} />
      <table className="table calendar-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.holidays.date')}</th>
            <th scope="col">{t('admin.holidays.kind')}</th>
            <th scope="col">{t('admin.holidays.name')}</th>
            <th scope="col">{t('admin.calendar.source')}</th>
            <th scope="col">{t('admin.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.date}>
              <td>{formatDay(d.date, i18n.language)}</td>
              <td>
                <KindChip kind={d.kind} />
              </td>
              <td>{d.name}</td>
              <td className="small">{d.source}</td>
              <td className="actions">
                <button type="button" className="btn btn-small btn-secondary" onClick={() => setForm(d)}>
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-secondary"
                  disabled={m.busy}
                  onClick={() => void remove(d)}
                >
                  {t('common.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && items.length === 0 && <p className="muted">{t('admin.calendar.empty', { year })}</p>}
    </section>
  );
}

/** CSV/XLSX of a year's SKB: a dry run lists every error by row before anything is written. */
function NationalImport({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { token } = useAdmin();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CalendarImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    const xlsx = file.name.toLowerCase().endsWith('.xlsx');
    try {
      const res = await api.post('/api/v1/calendar/national/import', {
        params: { query: { dryRun: dryRun ? 'true' : 'false' } },
        body: file,
        contentType: xlsx ? XLSX : 'text/csv',
        token,
      });
      setReport(res);
      if (!dryRun) onDone();
    } catch (err) {
      // A file with errors answers 422 with the same report (every error by row) as details.
      const details = err instanceof ApiError ? CalendarImportReportSchema.safeParse(err.details) : null;
      if (details?.success) setReport(details.data);
      else setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card calendar-import">
      <h2>{t('admin.calendar.importTitle')}</h2>
      <p className="muted small">{t('admin.calendar.importLead')}</p>
      <div className="inline-form">
        <label className="field grow">
          <span>{t('admin.calendar.file')}</span>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
            }}
          />
        </label>
        <button type="button" className="btn" disabled={!file || busy} onClick={() => void run(true)}>
          {t('admin.import.dryRun')}
        </button>
        <button
          type="button"
          className="btn btn-warn"
          disabled={!file || busy || !report?.ok || !report.dryRun}
          onClick={() => void run(false)}
        >
          {t('admin.import.apply')}
        </button>
      </div>
      {error && <p className="alert">{error}</p>}
      {report && (
        <div aria-live="polite">
          <p className={report.ok ? 'success' : 'alert'}>
            {report.ok
              ? t(report.dryRun ? 'admin.calendar.dryRunOk' : 'admin.calendar.imported', {
                  years: report.years.join(', '),
                  created: report.created,
                  updated: report.updated,
                  unchanged: report.unchanged,
                })
              : t('admin.import.failed', { count: report.errors.length })}
          </p>
          {report.errors.length > 0 && (
            <table className="table">
              <tbody>
                {report.errors.map((e) => (
                  <tr key={`${e.row}-${e.column}-${e.message}`}>
                    <td className="num">{e.row}</td>
                    <td className="mono">{e.column ?? '—'}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
