import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../app/api';
import { errorText } from '../../app/errors';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import '../../styles/stats.css';
import '../../styles/survey.css';
import { useAdmin } from './adminContext';
import { Field, NamedOptions } from './FormParts';
import { SkmFigures } from './SkmFigures';
import { SurveySetupPanel } from './SurveySetupPanel';

const localToday = (timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );

/**
 * The SKM report (PermenPANRB 14/2017) of a period for the mall, an agency or a service: IKM, grade,
 * per-element NRR, sample check, profile, per service, improvement notes; PDF and Excel exports and
 * a print view. An agency admin sees its own agency only (the server decides; the filter follows).
 */
export function SkmAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, user, may } = useAdmin();
  const today = localToday(mall.timezone);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const ownAgency = user.permissions['survey.report'] === 'agency' ? user.agencyId : null;
  const [agencyId, setAgencyId] = useState(ownAgency ? String(ownAgency) : '');
  const [serviceId, setServiceId] = useState('');
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const at = { mall: mall.slug };
  const agencies = useApi('/api/v1/malls/{mall}/agencies', { params: { path: at } });
  const services = useApi('/api/v1/malls/{mall}/services', {
    params: { path: at, query: { limit: 500, agencyId: agencyId ? Number(agencyId) : undefined } },
  });
  const valid = Boolean(from && to && from <= to);
  const query = {
    from,
    to,
    agencyId: agencyId ? Number(agencyId) : undefined,
    serviceId: serviceId ? Number(serviceId) : undefined,
  };
  const report = useApi(
    valid ? '/api/v1/malls/{mall}/reports/skm' : null,
    { params: { path: at, query }, token },
    { keepPrevious: true },
  );

  const save = async (format: 'pdf' | 'xlsx') => {
    setExporting(format);
    setExportError(null);
    try {
      const params = { path: at, query };
      const blob =
        format === 'pdf'
          ? await download('/api/v1/malls/{mall}/reports/skm.pdf', { params, token })
          : await download('/api/v1/malls/{mall}/reports/skm.xlsx', { params, token });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `skm-${mall.slug}-${from}-${to}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (err) {
      setExportError(t('admin.skm.exportFailed', { message: errorText(t, err) }));
    } finally {
      setExporting(null);
    }
  };

  return (
    <section aria-labelledby="skm-h" className="stats-screen skm-screen">
      <div className="section-head">
        <h1 id="skm-h">{t('admin.section.skm')}</h1>
        <div className="skm-actions no-print">
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!report.data || !!exporting}
            onClick={() => save('pdf')}
          >
            {exporting === 'pdf' ? t('admin.skm.exporting') : t('admin.skm.exportPdf')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!report.data || !!exporting}
            onClick={() => save('xlsx')}
          >
            {exporting === 'xlsx' ? t('admin.skm.exporting') : t('admin.skm.exportXlsx')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!report.data}
            onClick={() => window.print()}
          >
            {t('admin.skm.print')}
          </button>
        </div>
      </div>
      <p className="muted no-print">{t('admin.skm.lead')}</p>
      <form className="filters no-print" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('admin.skm.from')}>
          <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('admin.skm.to')}>
          <input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field label={t('admin.skm.agency')}>
          <select
            value={agencyId}
            disabled={ownAgency !== null}
            onChange={(e) => {
              setAgencyId(e.target.value);
              setServiceId('');
            }}
          >
            <option value="">{t('admin.skm.allAgencies')}</option>
            <NamedOptions items={agencies.data?.items ?? []} />
          </select>
        </Field>
        <Field label={t('admin.skm.service')}>
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">{t('admin.skm.allServices')}</option>
            <NamedOptions items={services.data?.items ?? []} />
          </select>
        </Field>
      </form>
      {exportError && <p className="alert">{exportError}</p>}
      {!valid && <p className="alert">{t('admin.skm.badRange')}</p>}
      {valid && report.error && (
        <p className="alert">{t('admin.skm.error', { message: errorText(t, report.error) })}</p>
      )}
      {valid && !report.data && !report.error && <p className="muted">{t('admin.skm.loading')}</p>}
      {report.data && <SkmFigures report={report.data} loading={report.loading} />}
      {may('survey.configure') && <SurveySetupPanel />}
    </section>
  );
}
