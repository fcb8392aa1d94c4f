import { useEffect, useState } from 'react';
import { formatTime, zoneAbbr } from '../../app/format';
import { useMall } from '../../app/mall';
import { BrandMark } from '../../components/BrandMark';
import { LangSwitch } from '../../components/LangSwitch';

export function KioskHeader() {
  const mall = useMall();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(id);
  }, []);
  return (
    <header className="kiosk-header">
      <div className="kiosk-brand">
        <BrandMark />
        <span>{mall.name}</span>
      </div>
      <span className="kiosk-clock">
        {formatTime(now, mall.timezone)} {zoneAbbr(mall.timezone)}
      </span>
      <LangSwitch className="btn-big" />
    </header>
  );
}
