import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportReport as ImportReportSchema } from '../../../shared/contracts/imports';
import { ApiError, api } from '../../app/api';
import { errorText } from '../../app/errors';
import { useMall } from '../../app/mall';
import type { ImportReport } from '../../app/types';
import { useAdmin } from './adminContext';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Catalog import from CSV/XLSX: a dry run lists every error by row and column before anything is written. */
export function ImportAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token } = useAdmin();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    const xlsx = file.name.toLowerCase().endsWith('.xlsx');
    try {
      const res = await api.post('/api/v1/malls/{mall}/catalog/import', {
        params: { path: { mall: mall.slug }, query: { dryRun: dryRun ? 'true' : 'false' } },
        body: file,
        contentType: xlsx ? XLSX : 'text/csv',
        token,
      });
      setReport(res);
    } catch (err) {
      // A file with errors answers 422 with the same report (every error by row and column) as details.
      const details = err instanceof ApiError ? ImportReportSchema.safeParse(err.details) : null;
      if (details?.success) setReport(details.data);
      else setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="im-h">
      <h1 id="im-h">{t('admin.section.import')}</h1>
      <p>{t('admin.import.lead')}</p>
      <div className="card inline-form">
        <label className="field grow">
          <span>{t('admin.import.file')}</span>
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
      {busy && <p aria-busy="true">{t('common.loading')}</p>}
      {error && <p className="alert">{error}</p>}
      {report && (
        <div className="card" aria-live="polite">
          <h2>{report.dryRun ? t('admin.import.dryRunReport') : t('admin.import.appliedReport')}</h2>
          <p className={report.ok ? 'success' : 'alert'}>
            {report.ok ? t('admin.import.ok') : t('admin.import.failed', { count: report.errors.length })}
          </p>
          <p>
            {t('admin.import.counts', {
              rows: report.rows,
              agencies: report.created.agencies,
              services: report.created.services,
              updated: report.updated.services,
              unchanged: report.unchanged,
            })}
          </p>
          {report.errors.length > 0 && (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.import.row')}</th>
                  <th scope="col">{t('admin.import.column')}</th>
                  <th scope="col">{t('admin.import.message')}</th>
                </tr>
              </thead>
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
    </section>
  );
}
