import type { Dict } from '../dict';
import type * as id from '../id/admin';
import { adminCalendar } from './adminCalendar';
import { adminCatalog } from './adminCatalog';
import { adminDevices } from './adminDevices';
import { adminIntegrations } from './adminIntegrations';
import { adminOpening } from './adminOpening';
import { adminOutbox } from './adminOutbox';
import { adminSettings } from './adminSettings';
import { adminSkm } from './adminSkm';
import { adminVoice } from './adminVoice';
import { adminStats } from './stats';

/** English: Admin shell and navigation; the sections live in their own modules. */
export const admin: Dict<typeof id.admin> = {
  title: 'Admin',
  loginTitle: 'Admin sign-in',
  notAllowed: 'This account has no admin access.',
  nav: 'Admin menu',
  retired: 'retired',
  retire: 'Retire',
  retireOf: 'Retire {{name}}',
  retireAsk: 'Retire {{name}}?',
  retireYes: 'Yes, retire',
  retiredDone: '{{name}} retired.',
  reactivate: 'Reactivate',
  reactivateOf: 'Reactivate {{name}}',
  reactivated: '{{name}} reactivated.',
  section: {
    complaints: 'Complaints',
    hall: 'Hall (live)',
    agencies: 'Agencies',
    services: 'Services & standards',
    counters: 'Counters',
    staff: 'Staff & roles',
    hours: 'Hours & holidays',
    import: 'Catalog import',
    calendar: 'National calendar',
    stats: 'Statistics',
    skm: 'Satisfaction survey (SKM)',
    voice: 'Announcement voice',
    devices: 'Devices',
    integrations: 'API & Webhook',
    messages: 'Outgoing messages',
    templates: 'Message templates',
    opening: 'Road to opening',
    plan: 'Action plan',
    agreements: 'Agreements',
    coverage: 'Service coverage',
    candidates: 'Candidates',
    road: 'National overview',
  },
  col: {
    action: 'Action',
    agency: 'Agency',
    counter: 'Counter',
    current: 'Current number',
    prefix: 'Prefix',
    service: 'Service',
    status: 'Status',
    waiting: 'Waiting',
    oldestWait: 'Longest wait',
    averageWait: 'Average wait today',
  },
  hall: {
    waiting: 'people waiting',
    openCounters: 'counters open',
    recentCalls: 'recent calls',
    counters: 'Counters',
    queues: 'Queues per service',
    latest: 'Latest calls',
    nobody: 'Nobody is waiting.',
    unavailable: 'Live queue data is not available yet.',
  },
  stats: adminStats,
  skm: adminSkm,
  voice: adminVoice,
  ...adminCatalog,
  ...adminSettings,
  ...adminDevices,
  ...adminIntegrations,
  ...adminOpening,
  ...adminOutbox,
  ...adminCalendar,
};
