import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRatio, parseRatio, sum } from '../../../shared/domain/ratio';
import { weightsValid } from '../../../shared/domain/skm';
import { api } from '../../app/api';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { FormStatus, useMutation } from './useMutation';

interface Row {
  /** The row's own key (codes are edited, so they cannot be keys). */
  key: number;
  code: string;
  name: string;
  weight: string;
  question?: string;
  options?: string[];
}

let nextKey = 0;

/**
 * The mall's survey elements and weights (mall admins). Weights are typed as fractions or decimals
 * and summed exactly on the screen as on the server, so 9 × 0,111 shows "not 1" before saving.
 */
export function SurveySetupPanel() {
  const { t } = useTranslation();
  const mall = useMall();
  const m = useMutation();
  const at = { mall: mall.slug };
  const current = useApi('/api/v1/malls/{mall}/surveys/elements', { params: { path: at } });
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    if (current.data) setRows(current.data.elements.map((e) => ({ ...e, key: nextKey++ })));
  }, [current.data]);
  const weights = rows.map((r) => parseRatio(r.weight.replace(',', '.')));
  const ok = weights.every((w) => w !== null) && weightsValid(weights.filter((w) => w !== null));
  const total = weights.every((w) => w !== null) ? formatRatio(sum(weights.filter((w) => w !== null))) : '?';
  const edit = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = () =>
    m.run(
      (token) =>
        api.put('/api/v1/malls/{mall}/surveys/elements', {
          params: { path: at },
          token,
          body: {
            elements: rows.map((r) => ({
              code: r.code.trim().toUpperCase(),
              name: r.name.trim(),
              weight: r.weight.replace(',', '.').trim(),
              ...(r.question ? { question: r.question } : {}),
              ...(r.options?.length === 4 ? { options: r.options } : {}),
            })),
          },
        }),
      t('admin.skm.setup.saved'),
    );

  return (
    <section className="card skm-setup no-print" aria-labelledby="skm-setup-h">
      <h2 id="skm-setup-h">{t('admin.skm.setup.title')}</h2>
      <p className="muted">{t('admin.skm.setup.lead')}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('admin.skm.setup.code')}</th>
            <th>{t('admin.skm.setup.name')}</th>
            <th>{t('admin.skm.setup.weight')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key}>
              <td>
                <input
                  aria-label={t('admin.skm.setup.code')}
                  value={r.code}
                  size={6}
                  maxLength={10}
                  onChange={(e) => edit(i, { code: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={t('admin.skm.setup.name')}
                  value={r.name}
                  maxLength={200}
                  onChange={(e) => edit(i, { name: e.target.value, question: undefined })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t('admin.skm.setup.weight')} ${r.code}`}
                  value={r.weight}
                  size={7}
                  aria-invalid={weights[i] === null}
                  onChange={(e) => edit(i, { weight: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small btn-secondary"
                  onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                >
                  {t('admin.skm.setup.remove', { code: r.code })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={ok ? 'success' : 'alert'} role="status">
        {t('admin.skm.setup.sum', { sum: total })} —{' '}
        {ok ? t('admin.skm.setup.sumOk') : t('admin.skm.setup.sumBad')}
      </p>
      <div className="skm-actions">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() =>
            setRows((rs) => [...rs, { key: nextKey++, code: `U${rs.length + 1}`, name: '', weight: '0' }])
          }
        >
          {t('admin.skm.setup.add')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => setRows((rs) => rs.map((r) => ({ ...r, weight: `1/${rs.length}` })))}
        >
          {t('admin.skm.setup.equal')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!ok || m.busy || rows.some((r) => !r.name.trim())}
          onClick={save}
        >
          {t('admin.skm.setup.save')}
        </button>
      </div>
      <FormStatus error={m.error} done={m.done} />
    </section>
  );
}
