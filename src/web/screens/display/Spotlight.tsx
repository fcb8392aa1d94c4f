import { useTranslation } from 'react-i18next';
import type { DisplayState } from '../../app/types';
import type { Announcement } from './useAnnouncer';

/** The call being announced (flashing), or the latest call when the hall is quiet. */
export function Spotlight({
  current,
  last,
}: {
  current: Announcement | null;
  last: DisplayState['recentCalls'][number] | null;
}) {
  const { t } = useTranslation();
  const number = current?.number ?? last?.number ?? null;
  const counter = current?.counterName ?? last?.counterName ?? null;
  return (
    <section className={`spotlight ${current ? 'flash' : ''}`} aria-label={t('display.nowCalling')}>
      <p className="spotlight-label">{current?.recall ? t('display.recalling') : t('display.nowCalling')}</p>
      {number ? (
        <>
          <p
            className="spotlight-number"
            key={current?.key ?? number}
            style={{ '--len': Math.max(4, number.length) } as React.CSSProperties}
          >
            {number}
          </p>
          <p className="spotlight-counter">
            {t('display.goTo')} <strong>{counter}</strong>
          </p>
          {current && <p className="spotlight-text">{current.text}</p>}
        </>
      ) : (
        <p className="spotlight-empty">{t('display.noCalls')}</p>
      )}
    </section>
  );
}
