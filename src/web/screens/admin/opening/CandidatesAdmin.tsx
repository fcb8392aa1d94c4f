import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useMall } from '../../../app/mall';
import { useApi } from '../../../app/useApi';
import { useAdmin } from '../adminContext';
import { SectionHead } from '../adminList';
import { FormStatus, useMutation } from '../useMutation';

const TYPES = [
  'regency_office',
  'provincial_office',
  'vertical_agency',
  'state_enterprise',
  'regional_enterprise',
  'private',
] as const;

/** Candidates ranked by the public consultation against the space; record forum votes; decide with a reason. */
export function CandidatesAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const params = { path: { mall: mall.slug } };
  const shortlist = useApi('/api/v1/malls/{mall}/candidates/shortlist', { params, token });
  const m = useMutation();
  const manage = may('opening.manage');
  const [draft, setDraft] = useState({
    name: '',
    type: 'regency_office' as (typeof TYPES)[number],
    services: '',
    counters: 1,
  });

  const add = async () => {
    const body = {
      name: draft.name,
      type: draft.type,
      countersNeeded: draft.counters,
      services: draft.services
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((name) => ({ name })),
    };
    if (await m.run((token) => api.post('/api/v1/malls/{mall}/candidates', { params, body, token }))) {
      setDraft({ ...draft, name: '', services: '' });
      shortlist.reload();
    }
  };
  const votes = async (id: number) => {
    const n = Number(window.prompt(t('admin.candidates.votes')) ?? '');
    const source = window.prompt(t('admin.candidates.source')) ?? '';
    if (!Number.isFinite(n) || !source) return;
    const p = { path: { mall: mall.slug, id } };
    const body = { votes: n, source, forumDate: new Date().toISOString().slice(0, 10) };
    if (
      await m.run((token) =>
        api.post('/api/v1/malls/{mall}/candidates/{id}/inputs', { params: p, body, token }),
      )
    )
      shortlist.reload();
  };
  const decide = async (id: number, decision: 'join' | 'wait' | 'decline') => {
    const reason = window.prompt(t('admin.candidates.reason'));
    if (!reason) return;
    const p = { path: { mall: mall.slug, id } };
    if (
      await m.run((token) =>
        api.post('/api/v1/malls/{mall}/candidates/{id}/decision', {
          params: p,
          body: { decision, reason },
          token,
        }),
      )
    )
      shortlist.reload();
  };
  const s = shortlist.data;
  return (
    <section aria-labelledby="candidates-title">
      <SectionHead id="candidates-title" title={t('admin.candidates.title')}>
        {s && (
          <span className="chip">
            {t('admin.candidates.space', { counters: s.spaceCounters ?? '∞', desks: s.spaceDesks ?? '∞' })}
          </span>
        )}
      </SectionHead>
      <p className="muted">{t('admin.candidates.lead')}</p>
      <FormStatus error={m.error} done={m.done} />
      {manage && (
        <form
          className="card inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label className="field grow">
            <span>{t('admin.candidates.name')}</span>
            <input
              value={draft.name}
              required
              maxLength={200}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('admin.candidates.type')}</span>
            <select
              value={draft.type}
              onChange={(e) => setDraft({ ...draft, type: e.target.value as (typeof TYPES)[number] })}
            >
              {TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`agencyType.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('admin.candidates.counters')}</span>
            <input
              type="number"
              min={0}
              max={100}
              value={draft.counters}
              onChange={(e) => setDraft({ ...draft, counters: Number(e.target.value) })}
            />
          </label>
          <label className="field grow">
            <span>{t('admin.candidates.services')}</span>
            <textarea
              rows={2}
              value={draft.services}
              onChange={(e) => setDraft({ ...draft, services: e.target.value })}
            />
          </label>
          <button type="submit" className="btn" disabled={m.busy}>
            {t('admin.candidates.add')}
          </button>
        </form>
      )}
      {s && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('admin.candidates.name')}</th>
              <th scope="col" className="num">
                {t('admin.candidates.votes')}
              </th>
              <th scope="col" className="num">
                {t('admin.candidates.counters')}
              </th>
              <th scope="col">{t('admin.candidates.fits')}</th>
              <th scope="col">{t('admin.candidates.decision')}</th>
              <th scope="col">
                <span className="sr-only">{t('admin.col.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {s.items.map((c) => (
              <tr key={c.candidateId}>
                <td className="num">{c.rank}</td>
                <td>{c.name}</td>
                <td className="num">{c.votes}</td>
                <td className="num">{c.countersNeeded}</td>
                <td>
                  <span className={c.fits ? 'chip' : 'chip chip-warn'}>
                    {t(c.fits ? 'admin.candidates.fitsYes' : 'admin.candidates.fitsNo')}
                  </span>
                </td>
                <td>{t(`admin.candidates.decisions.${c.decision}`)}</td>
                <td>
                  {manage && c.decision !== 'join' && (
                    <div className="actions-cell">
                      <button
                        type="button"
                        className="btn btn-small btn-secondary"
                        onClick={() => votes(c.candidateId)}
                      >
                        {t('admin.candidates.addInput')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => decide(c.candidateId, 'join')}
                      >
                        {t('admin.candidates.join')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-secondary"
                        onClick={() => decide(c.candidateId, 'wait')}
                      >
                        {t('admin.candidates.wait')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-secondary"
                        onClick={() => decide(c.candidateId, 'decline')}
                      >
                        {t('admin.candidates.decline')}
                      </button>
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
