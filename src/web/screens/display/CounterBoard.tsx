import { useTranslation } from 'react-i18next';
import type { DisplayState } from '../../app/types';

/** One tile per counter: its number and the ticket it is serving (or closed / on break). */
export function CounterBoard({
  counters,
  flashing,
  loaded,
}: {
  counters: DisplayState['counters'];
  flashing: string | null;
  loaded: boolean;
}) {
  const { t } = useTranslation();
  const cols = counters.length <= 4 ? 2 : counters.length <= 9 ? 3 : counters.length <= 24 ? 4 : 5;
  return (
    <section className="counters" aria-labelledby="counters-h">
      <h2 id="counters-h">{t('display.counters')}</h2>
      {!loaded && <p className="dim">{t('display.connecting')}</p>}
      <ul className="counter-grid" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
        {counters.map((c) => {
          const open = c.status === 'open';
          return (
            <li
              key={c.id}
              className={`counter-tile status-${c.status} ${flashing && c.current?.number === flashing ? 'flash' : ''}`}
            >
              <span className="counter-name">{c.name}</span>
              <span
                className="counter-current"
                style={{ '--len': Math.max(4, c.current?.number.length ?? 1) } as React.CSSProperties}
              >
                {open ? (c.current?.number ?? '—') : t(`counterStatus.${c.status}`)}
              </span>
              {open && c.current && <span className="counter-service">{c.current.serviceName}</span>}
              {!open && c.statusReason && <span className="counter-service">{c.statusReason}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
