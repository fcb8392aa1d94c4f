import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SKM_ELEMENTS } from '../../../shared/domain/skm-elements';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import type { SurveyElement as Element } from '../../app/types';

type Channel = 'ticket' | 'counter' | 'portal' | 'kiosk';
const PROFILE = {
  ageBand: ['under_20', '20_29', '30_39', '40_49', '50_59', '60_plus'],
  sex: ['male', 'female'],
  education: ['sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'],
  occupation: ['pns', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'],
} as const;
type ProfileKey = keyof typeof PROFILE;

/**
 * The nine questions (or the mall's own) with four answers each, big enough to tap on a phone and a
 * counter tablet; the respondent profile and a suggestion are optional. The regulation's wording is
 * translated; a mall's own wording is shown as the mall wrote it.
 */
export function SurveyForm(props: {
  mall: string;
  serviceId: number | null;
  elements: Element[];
  ticketCode?: string;
  channel: Channel;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [profile, setProfile] = useState<Partial<Record<ProfileKey, string>>>({});
  const [suggestion, setSuggestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = props.elements.filter((e) => !answers[e.code]).length;

  /** The regulation's text in the screen's language when the mall kept it; else the mall's own. */
  const text = (e: Element, field: 'question' | 'o1' | 'o2' | 'o3' | 'o4', own: string) => {
    const std = DEFAULT_SKM_ELEMENTS.find((d) => d.code === e.code);
    const same =
      std && (field === 'question' ? std.question === e.question : std.options[Number(field[1]) - 1] === own);
    return same ? t(`survey.elements.${e.code}.${field}`) : own;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (props.serviceId === null) return setError(t('survey.missingService'));
    if (missing) return setError(t('survey.missing', { count: missing }));
    setBusy(true);
    setError(null);
    try {
      const respondent = Object.fromEntries(Object.entries(profile).filter(([, v]) => v));
      await api.post('/api/v1/malls/{mall}/surveys', {
        params: { path: { mall: props.mall } },
        body: {
          serviceId: props.serviceId,
          ticketTrackingCode: props.ticketCode,
          channel: props.channel,
          answers,
          respondent: Object.keys(respondent).length ? respondent : undefined,
          suggestion: suggestion.trim() || undefined,
        },
      });
      props.onDone();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="survey-form" onSubmit={submit} noValidate>
      <p className="muted">{t('survey.scale')}</p>
      <ol className="survey-questions">
        {props.elements.map((e, i) => (
          <li key={e.code}>
            <fieldset className="survey-question">
              <legend>
                <span className="survey-q-no">
                  {t('survey.questionOf', { n: i + 1, total: props.elements.length })}
                </span>
                <span className="survey-q-text">{text(e, 'question', e.question)}</span>
              </legend>
              <div className="survey-options">
                {e.options.map((label, k) => {
                  const score = k + 1;
                  return (
                    <label
                      key={score}
                      className={answers[e.code] === score ? 'survey-option chosen' : 'survey-option'}
                    >
                      <input
                        type="radio"
                        name={e.code}
                        value={score}
                        checked={answers[e.code] === score}
                        onChange={() => setAnswers((a) => ({ ...a, [e.code]: score }))}
                      />
                      <span className="survey-score" aria-hidden="true">
                        {score}
                      </span>
                      <span>{text(e, `o${score}` as 'o1', label)}</span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <details className="survey-profile card">
        <summary>{t('survey.profile')}</summary>
        <div className="survey-profile-fields">
          {(Object.keys(PROFILE) as ProfileKey[]).map((key) => (
            <label className="field" key={key}>
              <span>{t(`survey.${key}`)}</span>
              <select
                value={profile[key] ?? ''}
                onChange={(e) => setProfile((p) => ({ ...p, [key]: e.target.value }))}
              >
                <option value="">{t('survey.notSaying')}</option>
                {PROFILE[key].map((v) => (
                  <option key={v} value={v}>
                    {t(`survey.options.${key}.${v}`)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </details>
      <label className="field">
        <span>{t('survey.suggestion')}</span>
        <textarea
          rows={3}
          maxLength={1000}
          value={suggestion}
          aria-describedby="survey-suggestion-hint"
          onChange={(e) => setSuggestion(e.target.value)}
        />
        <small id="survey-suggestion-hint" className="muted">
          {t('survey.suggestionHint')}
        </small>
      </label>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn survey-submit" disabled={busy}>
        {busy ? t('survey.sending') : t('survey.submit')}
      </button>
    </form>
  );
}
