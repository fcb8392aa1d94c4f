import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../app/useApi';

/** On a finished ticket's page: the link to its satisfaction survey, or thanks once answered. */
export function SurveyInvite({ mall, code }: { mall: string; code: string }) {
  const { t } = useTranslation();
  const state = useApi('/api/v1/malls/{mall}/tickets/{trackingCode}/survey', {
    params: { path: { mall, trackingCode: code } },
  });
  if (!state.data || state.data.state === 'not_finished') return null;
  if (state.data.state === 'answered')
    return <p className="card survey-invite muted">{t('survey.inviteDone')}</p>;
  return (
    <div className="card survey-invite">
      <p>
        <strong>{t('survey.invite')}</strong>
      </p>
      <Link className="btn" to={`/${mall}/survey?ticket=${encodeURIComponent(code)}`}>
        {t('survey.inviteLink')}
      </Link>
    </div>
  );
}
