import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/contracts/limits';
import { api } from '../../app/api';
import { useMall } from '../../app/mall';
import type { OpeningDay } from '../../app/types';
import { useApi } from '../../app/useApi';
import { ClockInput } from './FormParts';
import { HolidaysAdmin } from './HolidaysAdmin';
import { FormStatus, useMutation } from './useMutation';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const toggle = (ws: number[], w: number, on: boolean) =>
  on ? [...new Set([...ws, w])] : ws.filter((x) => x !== w);

/** Opening hours per weekday with breaks (e.g. the Friday-prayer break), and holidays. */
export function HoursAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const params = { path: { mall: mall.slug } };
  const hours = useApi('/api/v1/malls/{mall}/opening-hours', { params });
  const [days, setDays] = useState<OpeningDay[]>([]);
  const [working, setWorking] = useState<number[]>([]);
  // Days with hours are the days the mall serves; the working week (SLA arithmetic) is a separate
  // setting, so a mall open at weekends keeps its weekend hours when saved.
  const [openDays, setOpenDays] = useState<number[]>([]);
  const m = useMutation();
  useEffect(() => {
    if (!hours.data) return;
    setWorking(hours.data.workingWeekdays);
    setOpenDays(hours.data.days.map((d) => d.weekday));
    setDays(
      WEEKDAYS.map(
        (w) =>
          hours.data?.days.find((d) => d.weekday === w) ?? {
            weekday: w,
            opens: '08:00',
            closes: '15:00',
            breaks: [],
          },
      ),
    );
  }, [hours.data]);
  const upd = (w: number, patch: Partial<OpeningDay>) =>
    setDays((ds) => ds.map((d) => (d.weekday === w ? { ...d, ...patch } : d)));
  const save = () =>
    void m.run((token) =>
      api.put('/api/v1/malls/{mall}/opening-hours', {
        params,
        body: {
          days: days.filter((d) => openDays.includes(d.weekday)),
          workingWeekdays: [...working].sort(),
        },
        token,
      }),
    );

  return (
    <section aria-labelledby="hr-h">
      <h1 id="hr-h">{t('admin.section.hours')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <table className="table hours">
          <thead>
            <tr>
              <th scope="col">{t('admin.hours.day')}</th>
              <th scope="col">{t('admin.hours.open')}</th>
              <th scope="col">{t('admin.hours.working')}</th>
              <th scope="col">{t('admin.hours.opens')}</th>
              <th scope="col">{t('admin.hours.closes')}</th>
              <th scope="col">{t('admin.hours.breaks')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => {
              const on = openDays.includes(d.weekday);
              const day = t(`weekday.${d.weekday}`);
              return (
                <tr key={d.weekday}>
                  <th scope="row">{day}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('admin.hours.openOn', { day })}
                      checked={on}
                      onChange={(e) => setOpenDays((ws) => toggle(ws, d.weekday, e.target.checked))}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('admin.hours.workingOn', { day })}
                      checked={working.includes(d.weekday)}
                      onChange={(e) => setWorking((ws) => toggle(ws, d.weekday, e.target.checked))}
                    />
                  </td>
                  <td>
                    <ClockInput
                      label={`${day} ${t('admin.hours.opens')}`}
                      disabled={!on}
                      value={d.opens}
                      onChange={(v) => upd(d.weekday, { opens: v })}
                    />
                  </td>
                  <td>
                    <ClockInput
                      label={`${day} ${t('admin.hours.closes')}`}
                      disabled={!on}
                      value={d.closes}
                      onChange={(v) => upd(d.weekday, { closes: v })}
                    />
                  </td>
                  <td>
                    {d.breaks.map((b, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: breaks have no id; the list is only edited in place
                      <div key={`${d.weekday}-${i}`} className="break-row">
                        <ClockInput
                          label={t('admin.hours.breakStart')}
                          disabled={!on}
                          value={b.start}
                          onChange={(v) =>
                            upd(d.weekday, {
                              breaks: d.breaks.map((x, j) => (j === i ? { ...x, start: v } : x)),
                            })
                          }
                        />
                        –
                        <ClockInput
                          label={t('admin.hours.breakEnd')}
                          disabled={!on}
                          value={b.end}
                          onChange={(v) =>
                            upd(d.weekday, {
                              breaks: d.breaks.map((x, j) => (j === i ? { ...x, end: v } : x)),
                            })
                          }
                        />
                        <input
                          aria-label={t('admin.hours.breakLabel')}
                          maxLength={LIMITS.breakLabel}
                          disabled={!on}
                          value={b.label}
                          onChange={(e) =>
                            upd(d.weekday, {
                              breaks: d.breaks.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)),
                            })
                          }
                        />
                        <button
                          type="button"
                          className="btn btn-small btn-secondary"
                          disabled={!on}
                          aria-label={t('admin.hours.removeBreak')}
                          onClick={() => upd(d.weekday, { breaks: d.breaks.filter((_, j) => j !== i) })}
                        >
                          ✕
                        </button>
                      </div>
                    ))}
                    <button
                      type="button"
                      className="btn btn-small btn-secondary"
                      disabled={!on}
                      onClick={() =>
                        upd(d.weekday, {
                          breaks: [
                            ...d.breaks,
                            { start: '12:00', end: '13:00', label: t('admin.hours.breakDefault') },
                          ],
                        })
                      }
                    >
                      + {t('admin.hours.addBreak')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <FormStatus error={m.error} done={m.done} />
        <button type="submit" className="btn" disabled={m.busy || !days.length}>
          {t('common.save')}
        </button>
      </form>
      <HolidaysAdmin />
    </section>
  );
}
