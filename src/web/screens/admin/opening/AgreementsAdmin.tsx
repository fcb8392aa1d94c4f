import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useMall } from '../../../app/mall';
import { useApi } from '../../../app/useApi';
import { useAdmin } from '../adminContext';
import { SectionHead } from '../adminList';
import { FormStatus, useMutation } from '../useMutation';

/**
 * Each agency's memorandum and cooperation agreement: record them signed with the date and the scan,
 * see who has not signed and why, and (mall admins) let an agency go live without its PKS.
 */
export function AgreementsAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const params = { path: { mall: mall.slug } };
  const list = useApi('/api/v1/malls/{mall}/agreements', { params, token });
  const m = useMutation();
  const manage = may('opening.manage');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [file, setFile] = useState<File | null>(null);

  const sign = async (agencyId: number, name: string, kind: 'mou' | 'pks') => {
    const label = t(`admin.agreements.${kind}`);
    const ok = await m.run(
      async (token) => {
        let documentId: number | null | undefined;
        if (file) {
          const doc = await api.post('/api/v1/malls/{mall}/opening/documents', {
            params,
            body: file,
            contentType: file.type || 'application/pdf',
            token,
          });
          documentId = doc.id;
        }
        const p = { path: { mall: mall.slug, id: agencyId, kind } };
        return api.put('/api/v1/malls/{mall}/agencies/{id}/agreements/{kind}', {
          params: p,
          body: { status: 'signed', date, ...(documentId ? { documentId } : {}) },
          token,
        });
      },
      t('admin.agreements.signedDone', { kind: label, name }),
    );
    if (ok) list.reload();
  };
  const override = async (agencyId: number, give: boolean) => {
    const p = { path: { mall: mall.slug, id: agencyId } };
    const reason = give ? window.prompt(t('admin.agreements.overrideReason')) : null;
    if (give && !reason) return;
    const ok = await m.run((token) =>
      give
        ? api.put('/api/v1/malls/{mall}/agencies/{id}/agreement-override', {
            params: p,
            body: { reason: reason! },
            token,
          })
        : api.delete('/api/v1/malls/{mall}/agencies/{id}/agreement-override', { params: p, token }),
    );
    if (ok !== null) list.reload();
  };
  const d = list.data;
  const state = (s: string | undefined) =>
    s ? t(`admin.agreements.states.${s}`) : t('admin.agreements.none');
  return (
    <section aria-labelledby="agreements-title">
      <SectionHead id="agreements-title" title={t('admin.agreements.title')}>
        {d && (
          <span className="chip">{t('admin.agreements.signedOf', { signed: d.signed, total: d.total })}</span>
        )}
      </SectionHead>
      <p className="muted">{t('admin.agreements.lead')}</p>
      <FormStatus error={m.error} done={m.done} />
      {d && (
        <div className="card">
          <h2>{t('admin.agreements.unsigned')}</h2>
          {d.unsigned.length === 0 ? (
            <p className="success">{t('admin.agreements.allSigned')}</p>
          ) : (
            <ul className="plain">
              {d.unsigned.map((u) => (
                <li key={u.agencyId}>
                  <strong>{u.name}</strong> — {state(u.status === 'none' ? undefined : u.status)}
                  {u.reason && (
                    <>
                      ; {t('admin.agreements.reason')}: {u.reason}
                    </>
                  )}
                  {u.deadline && (
                    <span className={u.overdue ? 'chip chip-warn' : 'chip'}>
                      {t('admin.agreements.deadline')} {u.deadline}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {manage && (
        <div className="card inline-form">
          <label className="field">
            <span>{t('admin.agreements.date')}</span>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="field grow">
            <span>{t('admin.agreements.scan')}</span>
            <input
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
        </div>
      )}
      {d && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.col.agency')}</th>
              <th scope="col">{t('admin.agreements.mou')}</th>
              <th scope="col">{t('admin.agreements.pks')}</th>
              <th scope="col">{t('admin.agreements.override')}</th>
              <th scope="col">
                <span className="sr-only">{t('admin.col.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((a) => (
              <tr key={a.agencyId}>
                <td>{a.name}</td>
                <td>
                  {state(a.mou?.status)} <span className="mono small">{a.mou?.date}</span>
                </td>
                <td>
                  <span className={a.pks?.status === 'signed' ? 'chip chip-device-online' : 'chip chip-warn'}>
                    {state(a.pks?.status)}
                  </span>{' '}
                  <span className="mono small">{a.pks?.date}</span>
                </td>
                <td className="small">{a.override}</td>
                <td>
                  {manage && (
                    <div className="actions-cell">
                      {a.mou?.status !== 'signed' && (
                        <button
                          type="button"
                          className="btn btn-small btn-secondary"
                          disabled={m.busy}
                          onClick={() => sign(a.agencyId, a.name, 'mou')}
                        >
                          {t('admin.agreements.signMou')}
                        </button>
                      )}
                      {a.pks?.status !== 'signed' && (
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={m.busy}
                          onClick={() => sign(a.agencyId, a.name, 'pks')}
                        >
                          {t('admin.agreements.signPks')}
                        </button>
                      )}
                      {may('agreement.override') && a.pks?.status !== 'signed' && (
                        <button
                          type="button"
                          className="btn btn-small btn-secondary"
                          disabled={m.busy}
                          onClick={() => override(a.agencyId, !a.override)}
                        >
                          {t(
                            a.override
                              ? 'admin.agreements.overrideWithdraw'
                              : 'admin.agreements.overrideGive',
                          )}
                        </button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
