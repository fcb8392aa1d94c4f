import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime, zoneAbbr } from '../../app/format';
import { useMall } from '../../app/mall';
import { BrandMark } from '../../components/BrandMark';
import { AudioWarning } from './AudioWarning';
import { audioContext } from './audio';

/** Mall name, date and clock in the mall's time zone, connection and sound state. */
export function DisplayHeader({ online, zone }: { online: boolean; zone: string }) {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    audioContext();
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <header className="display-header">
      <div className="display-brand">
        <BrandMark />
        <div>
          <p className="display-mall">{mall.name}</p>
          {zone !== 'all' && <p className="dim">{t('display.zone', { zone })}</p>}
        </div>
      </div>
      <div className={`conn ${online ? 'on' : 'off'}`} role="status">
        {online ? t('display.online') : t('display.offline')}
      </div>
      <AudioWarning />
      <div className="display-clock">
        <span className="clock-time">
          {formatTime(now, mall.timezone, true)} <small>{zoneAbbr(mall.timezone)}</small>
        </span>
        <span className="clock-date">{formatDate(now, mall.timezone, i18n.language)}</span>
      </div>
    </header>
  );
}
