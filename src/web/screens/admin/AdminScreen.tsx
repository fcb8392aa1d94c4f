import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { useAuth } from '../../app/auth';
import { useMall } from '../../app/mall';
import { may } from '../../app/permissions';
import { LoginForm } from '../../components/LoginForm';
import { StaffHeader } from '../../components/StaffHeader';
import '../../styles/admin.css';
import { AgenciesAdmin } from './AgenciesAdmin';
import { AdminContext } from './adminContext';
import { BookingsAdmin } from './BookingsAdmin';
import { ComplaintsDesk, OverdueComplaintsBanner } from './ComplaintsDesk';
import { CountersAdmin } from './CountersAdmin';
import { CalendarWarningBanner } from './calendarParts';
import { DashboardAdmin } from './DashboardAdmin';
import { DevicesAdmin } from './DevicesAdmin';
import { HallView } from './HallView';
import { HoursAdmin } from './HoursAdmin';
import { ImportAdmin } from './ImportAdmin';
import { IntegrationsAdmin } from './IntegrationsAdmin';
import { NationalCalendarAdmin } from './NationalCalendarAdmin';
import { OfficersAdmin } from './OfficersAdmin';
import { OutboxAdmin } from './OutboxAdmin';
import { AgreementsAdmin } from './opening/AgreementsAdmin';
import { CandidatesAdmin } from './opening/CandidatesAdmin';
import { CoverageAdmin } from './opening/CoverageAdmin';
import { NationalOpening } from './opening/NationalOpening';
import { OpeningAdmin } from './opening/OpeningAdmin';
import { PlanAdmin } from './opening/PlanAdmin';
import { ReportsAdmin } from './ReportsAdmin';
import { ServiceAdminDetail } from './ServiceAdminDetail';
import { ServiceEditor } from './ServiceEditor';
import { ServicesAdmin } from './ServicesAdmin';
import { SkmAdmin } from './SkmAdmin';
import { StaffAdmin } from './StaffAdmin';
import { StatsAdmin } from './StatsAdmin';
import { TemplatesAdmin } from './TemplatesAdmin';
import { VoiceAdmin } from './VoiceAdmin';

const SECTIONS = [
  '',
  'dashboard',
  'stats',
  'agencies',
  'services',
  'counters',
  'staff',
  'hours',
  'voice',
  'import',
] as const;
/** Sections of the mall admin (and the national admin): kiosks and display boards, API & webhooks. */
const MALL_ADMIN_SECTIONS = ['devices', 'integrations'] as const;
/** Outgoing messages and their wording: mall admins, national admins and auditors (read-only). */
const OUTBOX_SECTIONS = ['messages', 'templates'] as const;
/** Officers' attendance, work and break requests: mall admins, auditors, agency admins (their agency). */
const OFFICER_SECTIONS = ['officers'] as const;
/** A day's bookings and each service's sessions: staff who may read bookings. */
const BOOKING_SECTIONS = ['bookings'] as const;
/** Reports and exports (issue 15): mall admins, auditors, agency staff (their agency), officers (their counters). */
const REPORT_SECTIONS = ['reports'] as const;
/** The satisfaction survey report: mall admins, auditors, agency admins (their agency). */
const SKM_SECTIONS = ['skm'] as const;
/** The road to opening (issue 14): mall admins, national admins and auditors. */
const OPENING_SECTIONS = ['opening', 'plan', 'agreements', 'coverage', 'candidates'] as const;
/** The complaint desk: the mall's desk, auditors, and agency staff for their own agency's reports. */
const COMPLAINT_SECTIONS = ['complaints'] as const;
/** Deployment-wide sections, for the national admin only. */
const NATIONAL_SECTIONS = ['calendar', 'road'] as const;

/** Mall admin and agency admin: live hall, statistics, catalog, counters, staff, hours and import. */
export function AdminScreen() {
  const { t } = useTranslation();
  const mall = useMall();
  const auth = useAuth(mall.slug);
  const base = `/${mall.slug}/admin`;
  const user = auth.user;
  const allowed = may(user, 'admin.open');
  return (
    <div className="admin">
      <a className="skip-link" href="#admin-main">
        {t('common.skipToContent')}
      </a>
      <StaffHeader
        title={t('admin.title')}
        signedInAs={user ? `${user.displayName} (${t(`role.${user.role}`)})` : null}
        onLogout={auth.logout}
      />
      {!auth.session || !user ? (
        <main className="admin-login" id="admin-main">
          <LoginForm auth={auth} title={t('admin.loginTitle')} />
        </main>
      ) : !allowed ? (
        <main className="admin-login" id="admin-main">
          <p className="alert">{t('admin.notAllowed')}</p>
        </main>
      ) : (
        <AdminContext.Provider
          value={{
            token: auth.session.token,
            user,
            auth,
            isMallAdmin: user.permissions['catalog.manage'] === 'mall',
            may: (action, agencyId) => may(user, action, { agencyId }),
          }}
        >
          <div className="admin-body">
            <nav className="admin-nav" aria-label={t('admin.nav')}>
              {[
                ...SECTIONS,
                ...(may(user, 'device.manage') ? MALL_ADMIN_SECTIONS : []),
                ...(may(user, 'reports.read') ? REPORT_SECTIONS : []),
                ...(may(user, 'survey.report') ? SKM_SECTIONS : []),
                ...(may(user, 'complaint.read') ? COMPLAINT_SECTIONS : []),
                ...(may(user, 'booking.read') ? BOOKING_SECTIONS : []),
                ...(may(user, 'attendance.read') ? OFFICER_SECTIONS : []),
                ...(may(user, 'outbox.read') ? OUTBOX_SECTIONS : []),
                ...(may(user, 'opening.read') ? OPENING_SECTIONS : []),
                ...(may(user, 'calendar.national') ? NATIONAL_SECTIONS : []),
              ].map((s) => (
                <NavLink key={s} to={s ? `${base}/${s}` : base} end={s === ''}>
                  {t(`admin.section.${s || 'hall'}`)}
                </NavLink>
              ))}
            </nav>
            <main className="admin-main" id="admin-main">
              {may(user, 'hours.manage') && <CalendarWarningBanner slug={mall.slug} />}
              {may(user, 'complaint.manage') && <OverdueComplaintsBanner />}
              <Routes>
                <Route index element={<HallView />} />
                <Route path="stats" element={<StatsAdmin />} />
                <Route path="dashboard" element={<DashboardAdmin />} />
                {may(user, 'reports.read') && <Route path="reports" element={<ReportsAdmin />} />}
                <Route path="agencies" element={<AgenciesAdmin />} />
                <Route path="services" element={<ServicesAdmin />} />
                <Route path="services/new" element={<ServiceEditor />} />
                <Route path="services/:id" element={<ServiceAdminDetail />} />
                <Route path="services/:id/edit" element={<ServiceEditor />} />
                <Route path="counters" element={<CountersAdmin />} />
                <Route path="staff" element={<StaffAdmin />} />
                <Route path="hours" element={<HoursAdmin />} />
                <Route path="voice" element={<VoiceAdmin />} />
                <Route path="import" element={<ImportAdmin />} />
                <Route path="devices" element={<DevicesAdmin />} />
                <Route path="integrations" element={<IntegrationsAdmin />} />
                {may(user, 'survey.report') && <Route path="skm" element={<SkmAdmin />} />}
                {may(user, 'complaint.read') && <Route path="complaints" element={<ComplaintsDesk />} />}
                {may(user, 'booking.read') && <Route path="bookings" element={<BookingsAdmin />} />}
                {may(user, 'attendance.read') && <Route path="officers" element={<OfficersAdmin />} />}
                {may(user, 'outbox.read') && <Route path="messages" element={<OutboxAdmin />} />}
                {may(user, 'outbox.read') && <Route path="templates" element={<TemplatesAdmin />} />}
                {may(user, 'calendar.national') && (
                  <Route path="calendar" element={<NationalCalendarAdmin />} />
                )}
                {may(user, 'opening.read') && (
                  <>
                    <Route path="opening" element={<OpeningAdmin />} />
                    <Route path="plan" element={<PlanAdmin />} />
                    <Route path="agreements" element={<AgreementsAdmin />} />
                    <Route path="coverage" element={<CoverageAdmin />} />
                    <Route path="candidates" element={<CandidatesAdmin />} />
                  </>
                )}
                {may(user, 'opening.national') && <Route path="road" element={<NationalOpening />} />}
              </Routes>
            </main>
          </div>
        </AdminContext.Provider>
      )}
    </div>
  );
}
