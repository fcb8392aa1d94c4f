import type { AppContext } from '../context.js';
import type { App } from '../http.js';
import { agenciesRoutes } from './agencies/agencies.routes.js';
import { announcementsRoutes } from './announcements/announcements.routes.js';
import { apiKeysRoutes } from './api-keys/api-keys.routes.js';
import { applicationsRoutes } from './applications/applications.routes.js';
import { attendanceRoutes } from './attendance/attendance.routes.js';
import { auditLogRoutes } from './audit-log/audit-log.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { bookingsRoutes } from './bookings/bookings.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { complaintsDeskRoutes } from './complaints/complaints.desk.routes.js';
import { complaintsRoutes } from './complaints/complaints.routes.js';
import { countersRoutes } from './counters/counters.routes.js';
import { devicesRoutes } from './devices/devices.routes.js';
import { displaysRoutes } from './displays/displays.routes.js';
import { documentsRoutes } from './documents/documents.routes.js';
import { importsRoutes } from './imports/imports.routes.js';
import { mallsRoutes } from './malls/malls.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { open311Routes } from './open311/open311.routes.js';
import { agreementsRoutes } from './opening/agreements.routes.js';
import { candidatesRoutes } from './opening/candidates.routes.js';
import { openingRoutes } from './opening/opening.routes.js';
import { outboxRoutes } from './outbox/outbox.routes.js';
import { paymentsRoutes } from './payments/payments.routes.js';
import { planningRoutes } from './planning/planning.routes.js';
import { privacyRoutes } from './privacy/privacy.routes.js';
import { pushRoutes } from './push/push.routes.js';
import { queueRoutes } from './queue/queue.routes.js';
import { queueStreamRoutes } from './queue/queue.streams.routes.js';
import { reportsRoutes } from './reports/reports.routes.js';
import { servicesRoutes } from './services/services.routes.js';
import { statsRoutes } from './stats/stats.routes.js';
import { surveysRoutes } from './surveys/surveys.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { webhooksRoutes } from './webhooks/webhooks.routes.js';

/** Every feature module registers its routes here; one line per module. */
export async function registerModules(app: App, ctx: AppContext): Promise<void> {
  for (const mod of [
    authRoutes,
    mallsRoutes,
    agenciesRoutes,
    servicesRoutes,
    countersRoutes,
    usersRoutes,
    calendarRoutes,
    queueRoutes,
    queueStreamRoutes,
    displaysRoutes,
    auditLogRoutes,
    importsRoutes,
    statsRoutes,
    announcementsRoutes,
    devicesRoutes,
    pushRoutes,
    outboxRoutes,
    apiKeysRoutes,
    webhooksRoutes,
    notificationsRoutes,
    planningRoutes,
    attendanceRoutes,
    applicationsRoutes,
    paymentsRoutes,
    complaintsRoutes,
    complaintsDeskRoutes,
    surveysRoutes,
    open311Routes,
    openingRoutes,
    agreementsRoutes,
    documentsRoutes,
    candidatesRoutes,
    bookingsRoutes,
    reportsRoutes,
    privacyRoutes,
  ]) {
    await mod(app, ctx);
  }
}
