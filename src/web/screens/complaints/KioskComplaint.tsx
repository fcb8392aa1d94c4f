import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/complaints.css';
import { ComplaintForm, ComplaintSent, type Created } from './ComplaintForm';

/** The kiosk's complaint form (sent with the kiosk's token: recorded as filed at the kiosk). */
export function KioskComplaint({ token, onDone }: { token: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<Created | null>(null);
  return (
    <section className="kiosk-complaint">
      <h1 className="kiosk-title">{t('complaints.title')}</h1>
      {created ? (
        <ComplaintSent created={created}>
          <button type="button" className="btn btn-big" onClick={onDone}>
            {t('complaints.done')}
          </button>
        </ComplaintSent>
      ) : (
        <>
          <p className="lead">{t('complaints.lead')}</p>
          <ComplaintForm token={token} onSent={setCreated} keyboard />
        </>
      )}
    </section>
  );
}
