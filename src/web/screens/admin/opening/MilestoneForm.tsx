import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type components } from '../../../app/api';
import { changedFields, isEmpty } from '../../../app/changes';
import { useMall } from '../../../app/mall';
import type { useMutation } from '../useMutation';

type Summary = components['schemas']['OpeningSummary'];
const KEYS = [
  ['commitment', 'commitmentDate'],
  ['trial', 'trialDate'],
  ['soft_opening', 'softOpeningDate'],
  ['grand_opening', 'grandOpeningDate'],
] as const;

/** The milestone dates and the space on offer; sends only what changed. */
export function MilestoneForm({
  summary,
  m,
  onSaved,
}: {
  summary: Summary;
  m: ReturnType<typeof useMutation>;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const mall = useMall();
  const initial = {
    ...Object.fromEntries(
      KEYS.map(([key, field]) => [field, summary.milestones.find((x) => x.key === key)?.date ?? null]),
    ),
    spaceCounters: summary.spaceCounters,
    spaceDesks: summary.spaceDesks,
  } as Record<string, string | number | null>;
  const [draft, setDraft] = useState(initial);
  const save = async () => {
    const body = changedFields(initial, draft);
    if (isEmpty(body)) return;
    const params = { path: { mall: mall.slug } };
    if (await m.run((token) => api.patch('/api/v1/malls/{mall}/opening', { params, body, token }))) onSaved();
  };
  return (
    <form
      className="card inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {KEYS.map(([key, field]) => (
        <label className="field" key={key}>
          <span>{t(`admin.opening.milestones.${key}`)}</span>
          <input
            type="date"
            value={(draft[field] as string | null) ?? ''}
            onChange={(e) => setDraft({ ...draft, [field]: e.target.value || null })}
          />
        </label>
      ))}
      {(['spaceCounters', 'spaceDesks'] as const).map((field) => (
        <label className="field" key={field}>
          <span>{t(`admin.opening.${field}`)}</span>
          <input
            type="number"
            min={0}
            max={1000}
            value={(draft[field] as number | null) ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, [field]: e.target.value === '' ? null : Number(e.target.value) })
            }
          />
        </label>
      ))}
      <button type="submit" className="btn" disabled={m.busy}>
        {t('admin.opening.saveDates')}
      </button>
    </form>
  );
}
