import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDay } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { FullStandard } from '../../components/FullStandard';
import { useAdmin } from './adminContext';

/** A service's full 14-component standard and every earlier version. */
export function ServiceAdminDetail() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const { token } = useAdmin();
  const id = useParams().id ?? '';
  const params = { path: { mall: mall.slug, id: Number(id) } };
  const detail = useApi('/api/v1/malls/{mall}/services/{id}', { params });
  const history = useApi('/api/v1/malls/{mall}/services/{id}/standards', { params, token });
  const versions = [...(history.data?.items ?? [])].sort((a, b) => b.version - a.version);
  const [shown, setShown] = useState<number | null>(null);
  const version = versions.find((v) => v.version === shown) ?? versions[0];
  const base = `/${mall.slug}/admin/services`;
  if (detail.error) return <p className="alert">{t('common.loadFailed')}</p>;
  const s = detail.data;
  return (
    <article aria-labelledby="sd-h">
      <p>
        <Link to={base}>← {t('admin.section.services')}</Link>
      </p>
      <div className="section-head">
        <h1 id="sd-h">{s?.name ?? t('common.loading')}</h1>
        {s && (
          <Link className="btn" to={`${base}/${id}/edit`}>
            {t('admin.services.edit')}
          </Link>
        )}
      </div>
      {s && (
        <p className="muted">
          {s.agencyName} · {t(`kind.${s.kind}`)} · {t('admin.col.prefix')}{' '}
          <span className="mono">{s.queuePrefix}</span> ·{' '}
          {s.counters.map((c) => c.name).join(', ') || t('portal.noCounter')}
        </p>
      )}
      <div className="two-col wide-left">
        <div>
          {version ? (
            <>
              <h2>
                {t('admin.services.versionTitle', { version: version.version })}{' '}
                <span className="muted small">
                  {formatDay(version.validFrom, mall.timezone, i18n.language)} –{' '}
                  {version.validTo
                    ? formatDay(version.validTo, mall.timezone, i18n.language)
                    : t('admin.services.current')}
                </span>
              </h2>
              <FullStandard body={version.body} />
            </>
          ) : (
            <p aria-busy="true">{history.error ? t('common.loadFailed') : t('common.loading')}</p>
          )}
        </div>
        <aside className="card" aria-labelledby="hist-h">
          <h2 id="hist-h">{t('admin.services.history')}</h2>
          <p className="muted small">{t('admin.services.historyHelp')}</p>
          <ol className="versions">
            {versions.map((v) => (
              <li key={v.version}>
                <button
                  type="button"
                  className={`link-btn ${v.version === version?.version ? 'active' : ''}`}
                  aria-current={v.version === version?.version}
                  onClick={() => setShown(v.version)}
                >
                  {t('admin.services.versionTitle', { version: v.version })}
                </button>{' '}
                <span className="muted small">
                  {formatDay(v.validFrom, mall.timezone, i18n.language)}
                  {v.validTo
                    ? ` – ${formatDay(v.validTo, mall.timezone, i18n.language)}`
                    : ` · ${t('admin.services.current')}`}
                </span>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </article>
  );
}
