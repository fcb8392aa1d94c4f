import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { StandardView } from '../../components/StandardView';

/** One service's published standard, readable on a phone. */
export function PortalService() {
  const { t } = useTranslation();
  const mall = useMall();
  const id = useParams().serviceId ?? '';
  const valid = /^\d+$/.test(id);
  const { data, error } = useApi(valid ? '/api/v1/malls/{mall}/services/{id}' : null, {
    params: { path: { mall: mall.slug, id: Number(id) } },
  });
  if (!valid || error?.status === 404) return <p className="alert">{t('portal.serviceNotFound')}</p>;
  if (error) return <p className="alert">{t('common.loadFailed')}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <article className="service-detail">
      <p>
        <Link to={`/${mall.slug}`}>← {t('portal.backToCatalog')}</Link>
      </p>
      <h1>{data.name}</h1>
      <p className="muted">{data.agency.name}</p>
      {!data.servedAtMall && (
        <p className="notice">
          {t('standard.notServed')}
          {data.notServedNote ? `: ${data.notServedNote}` : ''}
        </p>
      )}
      <StandardView service={data} />
      <section className="card" aria-labelledby="svc-where">
        <h2 id="svc-where">{t('portal.whereServed')}</h2>
        {data.counters.length ? (
          <p>{data.counters.map((c) => c.name).join(', ')}</p>
        ) : (
          <p className="muted">{t('portal.noCounter')}</p>
        )}
        {data.agency.hotline && (
          <p>
            {t('portal.hotline')}:{' '}
            <a href={`tel:${data.agency.hotline.replace(/[^\d+]/g, '')}`}>{data.agency.hotline}</a>
          </p>
        )}
      </section>
    </article>
  );
}
