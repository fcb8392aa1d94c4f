import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMall } from '../../app/mall';
import type { Priority, ServiceDetail } from '../../app/types';
import { useApi } from '../../app/useApi';
import { StandardView } from '../../components/StandardView';
import { PriorityPicker } from './PriorityPicker';

/** Shows the published standard before the ticket is taken, then asks about priority. */
export function ServiceStep({
  serviceId,
  busy,
  error,
  onTake,
}: {
  serviceId: number;
  busy: boolean;
  error: string | null;
  onTake: (service: ServiceDetail, priority: Priority | null) => void;
}) {
  const { t } = useTranslation();
  const mall = useMall();
  const { data, error: loadError } = useApi('/api/v1/malls/{mall}/services/{id}', {
    params: { path: { mall: mall.slug, id: serviceId } },
  });
  const [priority, setPriority] = useState<Priority | null>(null);
  if (loadError) return <p className="alert">{t('common.loadFailed')}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  const blocked = !data.servedAtMall || data.quotaFull;
  return (
    <section className="kiosk-service" aria-labelledby="kiosk-svc-h">
      <h2 id="kiosk-svc-h">{data.name}</h2>
      <p className="muted">{data.agency.name}</p>
      {/* Said first, before any step: this service cannot be taken here today, and where to go instead. */}
      {!data.servedAtMall ? (
        <p className="notice kiosk-blocked" role="status">
          {t(data.agency.hotline ? 'errors.SERVICE_NOT_SERVED_HOTLINE' : 'errors.SERVICE_NOT_SERVED', {
            agency: data.agency.name,
            hotline: data.agency.hotline ?? '',
          })}
        </p>
      ) : data.quotaFull ? (
        <p className="notice kiosk-blocked" role="status">
          {t('errors.QUOTA_EXHAUSTED')}
        </p>
      ) : (
        <p className="kiosk-check">{t('kiosk.checkRequirements')}</p>
      )}
      <StandardView service={data} compact />
      {!blocked && (
        <>
          <PriorityPicker value={priority} onChange={setPriority} />
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          <button
            type="button"
            className="btn btn-huge"
            disabled={busy}
            onClick={() => onTake(data, priority)}
          >
            {busy ? t('kiosk.taking') : t('kiosk.takeTicket')}
          </button>
        </>
      )}
    </section>
  );
}
