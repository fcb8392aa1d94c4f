import type { Dict } from '../dict';
import type * as id from '../id/display';

/** English: Hall display and the citizen ticket page. */
export const display: Dict<typeof id.display> = {
  nowCalling: 'Now calling',
  recalling: 'Calling again',
  goTo: 'please go to',
  noCalls: 'No calls yet',
  recentCalls: 'Latest calls',
  counters: 'Counters',
  waiting: 'Waiting',
  waitingTotal: '{{count}} people waiting',
  waitingTotal_one: '{{count}} person waiting',
  averageWait: 'average ≈ {{count}} minutes',
  averageWait_one: 'average ≈ {{count}} minute',
  connecting: 'Connecting…',
  online: 'Connected',
  offline: 'Disconnected — reconnecting…',
  audio: {
    blocked: 'Sound blocked by the browser — touch the screen to enable',
    'clips-failed': 'Announcement audio failed to load — calls are shown on screen only',
    'no-audio': 'This browser cannot play sound — calls are shown on screen only',
  },
  zone: 'Zone {{zone}}',
  ticker:
    'Welcome to {{mall}}. Elderly people, people with disabilities, pregnant women, children, the sick and disaster victims are served first. All fees follow the official tariff — refuse illegal levies. Follow your queue by scanning the QR code on your ticket.',
};

export const ticketPage: Dict<typeof id.ticketPage> = {
  yourNumber: 'Your queue number',
  state: {
    loading: 'Loading',
    waiting: 'Waiting for your turn',
    near: 'Your turn is near!',
    called: 'Your number is being called!',
    serving: 'Being served',
    done: 'Done',
    no_show: 'Missed when called',
    cancelled: 'Cancelled',
    expired: 'Expired',
    transferred: 'Transferred',
  },
  ahead: '{{count}} people ahead of you',
  ahead_one: '{{count}} person ahead of you',
  nextInLine: 'You are next',
  eta: 'Estimated wait about {{count}} minutes',
  eta_one: 'Estimated wait about {{count}} minute',
  nearHint: 'Please move close to the counters and have your documents ready.',
  goTo: 'Please go to {{counter}}',
  help: {
    done: 'Thank you for using our services.',
    no_show: 'Please ask the information desk if you still want to be served.',
    cancelled: 'This ticket is no longer valid.',
    expired:
      'This ticket expired: the service day ended before you were served. A queue number is valid only on the day it was taken; please take a new number.',
    transferred:
      'Your ticket was transferred to another service or counter. Follow the officer’s directions.',
  },
  issuedAt: 'Taken',
  calledAt: 'Called',
  code: 'Code',
  refreshing: 'Updates automatically',
  requirements: 'See the service requirements',
  nextStep: 'Next step: {{service}} — number',
  notFound: 'Ticket not found',
  notFoundHelp: 'Check the code on your ticket. Queue numbers are valid on the day they were taken.',
};
