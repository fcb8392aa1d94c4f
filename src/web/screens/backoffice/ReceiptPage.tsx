import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { errorText } from '../../app/errors';
import { formatDateTime, formatFee } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { LoginForm } from '../../components/LoginForm';
import '../../styles/receipt.css';

const PAPERS = ['58', '80', 'a4'] as const;

/**
 * The cashier's receipt, printable on 58 mm or 80 mm thermal paper or A4 (`?paper=`): the receipt
 * number, the amount the standard fixes with its legal basis, and the applicant with the NIK masked.
 */
export function ReceiptPage() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const auth = useAuth(mall.slug);
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const paper = (PAPERS as readonly string[]).includes(search.get('paper') ?? '')
    ? search.get('paper')!
    : '80';
  const r = useApi(auth.token && id ? '/api/v1/malls/{mall}/payments/{id}/receipt' : null, {
    params: { path: { mall: mall.slug, id } },
    token: auth.token ?? undefined,
  });
  if (!auth.session) return <LoginForm auth={auth} title={t('backoffice.receipt.title')} />;
  if (r.error) return <p className="alert">{errorText(t, r.error)}</p>;
  if (!r.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const d = r.data;
  return (
    <div className={`receipt-page paper-${paper}`}>
      <style>{`@page { size: ${paper === 'a4' ? 'A4' : `${paper}mm auto`}; margin: ${paper === 'a4' ? '18mm' : '3mm'}; }`}</style>
      <div className="receipt-tools no-print">
        <label>
          {t('backoffice.receipt.paper')}{' '}
          <select value={paper} onChange={(e) => setSearch({ paper: e.target.value })}>
            <option value="58">58 mm</option>
            <option value="80">80 mm</option>
            <option value="a4">A4</option>
          </select>
        </label>
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('backoffice.receipt.print')}
        </button>
      </div>
      <article className="receipt" data-testid="receipt">
        <header>
          <strong>{d.mall.name}</strong>
          <div className="small">{d.mall.address}</div>
          <div>{d.agency}</div>
        </header>
        <h1>
          {t('backoffice.receipt.title')}
          {d.kind !== 'payment' && ` — ${t(`backoffice.kind.${d.kind}`)}`}
        </h1>
        <dl>
          <dt>{t('backoffice.receipt.number')}</dt>
          <dd className="mono" data-testid="receipt-number">
            {d.receiptNumber}
          </dd>
          <dt>{t('backoffice.receipt.paidAt')}</dt>
          <dd>{formatDateTime(d.paidAt, mall.timezone, i18n.language)}</dd>
          <dt>{t('backoffice.receipt.service')}</dt>
          <dd>{d.service}</dd>
          <dt>{t('backoffice.receipt.applicant')}</dt>
          <dd>
            {d.applicantName} · <span className="mono">{d.nikMasked}</span>
          </dd>
          <dt>{t('backoffice.receipt.tracking')}</dt>
          <dd className="mono">{d.trackingCode}</dd>
          <dt>{t('backoffice.receipt.method')}</dt>
          <dd>
            {t(`backoffice.method.${d.method}`)}
            {d.reference ? ` · ${d.reference}` : ''}
          </dd>
          {d.counter && (
            <>
              <dt>{t('backoffice.receipt.counter')}</dt>
              <dd>{d.counter}</dd>
            </>
          )}
          {d.cashier && (
            <>
              <dt>{t('backoffice.receipt.cashier')}</dt>
              <dd>{d.cashier}</dd>
            </>
          )}
        </dl>
        {d.correctsReceipt && <p>{t('backoffice.receipt.corrects', { number: d.correctsReceipt })}</p>}
        {d.reason && <p>{d.reason}</p>}
        <p className="receipt-amount" data-testid="receipt-amount">
          <span>{t('backoffice.receipt.amount')}</span>
          <strong>
            {d.kind === 'payment' ? '' : '−'}
            {formatFee(t, d.amount)}
          </strong>
        </p>
        <p className="small">
          <strong>{t('backoffice.receipt.legalBasis')}:</strong> {d.legalBasis} (
          {t('backoffice.desk.standardVersion', { v: d.standardVersion })})
        </p>
        <p className="small">{t('backoffice.receipt.footer')}</p>
      </article>
    </div>
  );
}
