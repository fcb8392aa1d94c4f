import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format';
import { useInterval } from '../../app/live';
import { useMall } from '../../app/mall';
import type { DisplayAudio } from '../../app/types';
import { useApi } from '../../app/useApi';
import { useAdmin } from './adminContext';

/** The paired displays' last audio reports, refreshed every minute while shown. */
export function useDisplayAudio(): DisplayAudio[] {
  const mall = useMall();
  const { token } = useAdmin();
  const list = useApi(
    '/api/v1/malls/{mall}/announcements/audio-status',
    { params: { path: { mall: mall.slug } }, token },
    { keepPrevious: true },
  );
  useInterval(list.reload, 60_000);
  return list.data?.items ?? [];
}

/** One display's sound as a chip: on, why it is silent, or not reporting. */
export function DisplayAudioChip({ report }: { report: DisplayAudio | undefined }) {
  const { t } = useTranslation();
  if (!report) return <span className="muted">—</span>;
  const cls = report.stale ? 'chip-warn' : report.status === 'ok' ? 'chip-published' : 'chip-status-closed';
  return (
    <span className={`chip ${cls}`} data-audio={report.stale ? 'stale' : report.status}>
      {report.stale ? t('admin.voice.displays.stale') : t(`admin.voice.displays.status.${report.status}`)}
    </span>
  );
}

/** The paired displays' own reports: which boards cannot be heard right now, and why. */
export function DisplayAudioPanel() {
  const { t } = useTranslation();
  const mall = useMall();
  const items = useDisplayAudio();
  const silent = items.filter((d) => d.status !== 'ok' || d.stale);
  return (
    <section className="card" aria-labelledby="da-h" data-testid="display-audio">
      <h2 id="da-h">{t('admin.voice.displays.title')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('admin.voice.displays.none')}</p>
      ) : (
        <>
          <p className={silent.length ? 'alert' : 'success'}>
            {silent.length
              ? t('admin.voice.displays.silent', { count: silent.length })
              : t('admin.voice.displays.allOk', { count: items.length })}
          </p>
          <table className="table">
            <tbody>
              {items.map((d) => (
                <tr key={d.deviceId} data-device={d.name}>
                  <td>
                    <strong>{d.name}</strong>
                  </td>
                  <td>
                    <DisplayAudioChip report={d} />
                  </td>
                  <td className="muted">
                    {t('admin.voice.displays.reportedAt', { time: formatTime(d.reportedAt, mall.timezone) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
