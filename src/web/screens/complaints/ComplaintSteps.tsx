import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../../app/format';
import { useMall } from '../../app/mall';

interface Step {
  kind: string;
  at: string;
  actor: string;
  actorName?: string | null;
  agencyName: string | null;
  message: string | null;
}

/** A report's history, oldest first: what happened, when, by whom (staff also see who exactly). */
export function ComplaintSteps({ steps }: { steps: Step[] }) {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  return (
    <ol className="complaint-steps">
      {steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a history never reorders
        <li key={i} className={`complaint-step step-${s.kind}`}>
          <p>
            <strong>
              {t(`complaints.kind.${s.kind}`, { agency: s.agencyName ?? '—', defaultValue: s.kind })}
            </strong>
            <span className="muted small">
              {' · '}
              {formatDateTime(s.at, mall.timezone, i18n.language)} ·{' '}
              {t(`complaints.actor.${s.actor}`, { defaultValue: s.actor })}
              {s.actorName ? ` (${s.actorName})` : ''}
            </span>
          </p>
          {s.message && <p className="complaint-message">{s.message}</p>}
        </li>
      ))}
    </ol>
  );
}

/** The deadline that runs now: the last day allowed, in words (the deadline is the end of that day). */
export function DueLine({ dueAt, dueKind }: { dueAt: string | null; dueKind: string | null }) {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  if (!dueAt || !dueKind) return null;
  return (
    <p className="muted">
      {t(`complaints.due.${dueKind}`, {
        date: formatDay(new Date(Date.parse(dueAt) - 1).toISOString(), mall.timezone, i18n.language),
      })}
    </p>
  );
}
