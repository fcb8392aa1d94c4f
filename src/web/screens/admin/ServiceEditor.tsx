import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LIMITS } from '../../../shared/contracts/limits';
import { api } from '../../app/api';
import { changedFields, isEmpty } from '../../app/changes';
import { useMall } from '../../app/mall';
import type { StandardBody, StandardVersion } from '../../app/types';
import { useApi } from '../../app/useApi';
import { useAdmin } from './adminContext';
import { emptyStandard, lines, StandardFields } from './StandardFields';
import { FormStatus, useMutation } from './useMutation';

interface Draft {
  agencyId: string;
  name: string;
  kind: 'licensing' | 'non_licensing';
  keywords: string;
  servedAtMall: boolean;
  notServedNote: string;
  queuePrefix: string;
  onlineBookable: boolean;
  dailyQuota: string;
  issueCutoff: string;
}

/** The request body a draft stands for (create), and the baseline an edit is compared with. */
function toBody(d: Draft, std: StandardBody, listText: { requirements: string; procedure: string }) {
  return {
    agencyId: Number(d.agencyId),
    name: d.name.trim(),
    kind: d.kind,
    keywords: d.keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    servedAtMall: d.servedAtMall,
    notServedNote: d.notServedNote.trim() || null,
    ...(d.queuePrefix.trim() ? { queuePrefix: d.queuePrefix.trim().toUpperCase() } : {}),
    onlineBookable: d.onlineBookable,
    dailyQuota: d.dailyQuota ? Number(d.dailyQuota) : null,
    issueCutoff: d.issueCutoff || null,
    standard: { ...std, requirements: lines(listText.requirements), procedure: lines(listText.procedure) },
  };
}

/** Create a service, or edit one: a changed standard is saved as a new version. */
export function ServiceEditor() {
  const { t } = useTranslation();
  const mall = useMall();
  const navigate = useNavigate();
  const { token, isMallAdmin, user } = useAdmin();
  const id = useParams().id;
  const agencies = useApi('/api/v1/malls/{mall}/agencies', { params: { path: { mall: mall.slug } } });
  const params = { path: { mall: mall.slug, id: Number(id) } };
  const detail = useApi(id ? '/api/v1/malls/{mall}/services/{id}' : null, { params });
  const history = useApi(id ? '/api/v1/malls/{mall}/services/{id}/standards' : null, { params, token });
  const [d, setD] = useState<Draft>({
    agencyId: isMallAdmin ? '' : String(user.agencyId ?? ''),
    name: '',
    kind: 'non_licensing',
    keywords: '',
    servedAtMall: true,
    notServedNote: '',
    queuePrefix: '',
    onlineBookable: true,
    dailyQuota: '',
    issueCutoff: '',
  });
  const [std, setStd] = useState<StandardBody>(emptyStandard);
  const [listText, setListText] = useState({ requirements: '', procedure: '' });
  const [original, setOriginal] = useState<ReturnType<typeof toBody> | null>(null);
  const m = useMutation();

  useEffect(() => {
    const s = detail.data;
    const cur = history.data?.items.reduce<StandardVersion | null>(
      (a, v) => (!a || v.version > a.version ? v : a),
      null,
    );
    if (!s || !cur) return;
    const loaded: Draft = {
      agencyId: String(s.agencyId),
      name: s.name,
      kind: s.kind,
      keywords: s.keywords.join(', '),
      servedAtMall: s.servedAtMall,
      notServedNote: s.notServedNote ?? '',
      queuePrefix: s.queuePrefix,
      onlineBookable: s.onlineBookable,
      dailyQuota: s.dailyQuota ? String(s.dailyQuota) : '',
      issueCutoff: s.issueCutoff ?? '',
    };
    const text = { requirements: cur.body.requirements.join('\n'), procedure: cur.body.procedure.join('\n') };
    setD(loaded);
    setStd(cur.body);
    setListText(text);
    setOriginal(toBody(loaded, cur.body, text));
  }, [detail.data, history.data]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const submit = async () => {
    const full = toBody(d, std, listText);
    // An edit sends only what changed; an unchanged standard is not sent (no new version).
    const body = id && original ? changedFields(original, full) : full;
    if (id && isEmpty(body)) {
      m.unchanged(() => {});
      return;
    }
    const res = await m.run((token) =>
      id
        ? api.patch('/api/v1/malls/{mall}/services/{id}', { params, body, token })
        : api.post('/api/v1/malls/{mall}/services', {
            params: { path: { mall: mall.slug } },
            body: full,
            token,
          }),
    );
    if (res) navigate(`/${mall.slug}/admin/services/${res.id}`);
  };

  return (
    <form
      className="editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p>
        <Link to={`/${mall.slug}/admin/services${id ? `/${id}` : ''}`}>← {t('common.back')}</Link>
      </p>
      <h1>
        {id ? t('admin.services.editTitle', { name: detail.data?.name ?? '' }) : t('admin.services.create')}
      </h1>
      {id && <p className="notice">{t('admin.services.newVersionNote')}</p>}
      <fieldset className="form-grid">
        <legend>{t('admin.services.identity')}</legend>
        <label className="field">
          <span>{t('portal.agency')} *</span>
          <select
            value={d.agencyId}
            required
            disabled={!isMallAdmin}
            onChange={(e) => set('agencyId', e.target.value)}
          >
            <option value="">—</option>
            {agencies.data?.items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('admin.col.service')} *</span>
          <input
            value={d.name}
            required
            minLength={3}
            maxLength={LIMITS.serviceName}
            onChange={(e) => set('name', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('admin.services.kind')}</span>
          <select value={d.kind} onChange={(e) => set('kind', e.target.value as Draft['kind'])}>
            <option value="non_licensing">{t('kind.non_licensing')}</option>
            <option value="licensing">{t('kind.licensing')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('admin.col.prefix')}</span>
          <input
            value={d.queuePrefix}
            pattern="[A-Za-z]{1,3}"
            maxLength={3}
            onChange={(e) => set('queuePrefix', e.target.value)}
          />
        </label>
        <label className="field span-2">
          <span>{t('admin.services.keywords')}</span>
          <input value={d.keywords} onChange={(e) => set('keywords', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('admin.services.dailyQuota')}</span>
          <input
            type="number"
            min={1}
            value={d.dailyQuota}
            onChange={(e) => set('dailyQuota', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('admin.services.issueCutoff')}</span>
          <input type="time" value={d.issueCutoff} onChange={(e) => set('issueCutoff', e.target.value)} />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={d.servedAtMall}
            onChange={(e) => set('servedAtMall', e.target.checked)}
          />{' '}
          {t('admin.services.servedAtMall')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={d.onlineBookable}
            onChange={(e) => set('onlineBookable', e.target.checked)}
          />{' '}
          {t('admin.services.bookable')}
        </label>
        {!d.servedAtMall && (
          <label className="field span-2">
            <span>{t('admin.services.notServedNote')}</span>
            <input
              value={d.notServedNote}
              maxLength={LIMITS.notServedNote}
              onChange={(e) => set('notServedNote', e.target.value)}
            />
          </label>
        )}
      </fieldset>
      <StandardFields value={std} onChange={setStd} listText={listText} onListText={setListText} />
      <FormStatus error={m.error} done={null} />
      <div className="form-actions">
        <button type="submit" className="btn" disabled={m.busy}>
          {id ? t('admin.services.saveVersion') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
