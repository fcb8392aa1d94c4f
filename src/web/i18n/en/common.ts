import type { Dict } from '../dict';
import type * as id from '../id/common';

/** English: Shared words, statuses, enums and sign-in. */
export const common: Dict<typeof id.common> = {
  free: 'Free',
  feeVaries: 'As regulated',
  minutes: '{{count}} minutes',
  minutes_one: '{{count}} minute',
  workingDays: '{{count}} working days',
  workingDays_one: '{{count}} working day',
  loading: 'Loading…',
  error: 'Something went wrong.',
  loadFailed: 'Could not load the data.',
  networkError: 'Cannot reach the server. Check the network and try again.',
  retry: 'Try again',
  back: 'Back',
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  noChanges: 'No changes.',
  saved: 'Saved.',
  edit: 'Edit',
  delete: 'Delete',
  search: 'Search',
  live: '● Live',
  offline: 'Disconnected — reconnecting…',
  switchLanguage: 'Change language',
  skipToContent: 'Skip to content',
  mallNotFound: 'Public service mall not found',
  pageNotFound: 'Page not found',
};

export const priority: Dict<typeof id.priority> = {
  none: 'No',
  elderly: 'Elderly',
  disabled: 'Person with disability',
  pregnant: 'Pregnant',
  child: 'Child',
  sick: 'Sick',
  disaster_victim: 'Disaster victim',
};

export const ticketStatus: Dict<typeof id.ticketStatus> = {
  waiting: 'Waiting',
  called: 'Called',
  serving: 'Being served',
  done: 'Done',
  no_show: 'No-show',
  cancelled: 'Cancelled',
  expired: 'Expired',
  transferred: 'Transferred',
};

export const counterStatus: Dict<typeof id.counterStatus> = {
  open: 'Open',
  closed: 'Closed',
  break: 'On break',
};

export const outcome: Dict<typeof id.outcome> = {
  done: 'Served',
  incomplete_documents: 'Documents incomplete',
  referred: 'Referred elsewhere',
};

export const kind: Dict<typeof id.kind> = { licensing: 'Licensing', non_licensing: 'Non-licensing' };

export const agencyType: Dict<typeof id.agencyType> = {
  regency_office: 'Regency office (OPD)',
  provincial_office: 'Provincial office',
  vertical_agency: 'Vertical agency',
  state_enterprise: 'State enterprise (BUMN)',
  regional_enterprise: 'Regional enterprise (BUMD)',
  private: 'Private',
};

export const agreement: Dict<typeof id.agreement> = {
  none: 'None',
  invited: 'Invited',
  negotiating: 'Negotiating',
  signed: 'Signed',
  expired: 'Expired',
  terminated: 'Terminated',
};

export const role: Dict<typeof id.role> = {
  national_admin: 'National admin',
  mall_admin: 'Mall admin',
  agency_admin: 'Agency admin',
  back_office: 'Back office',
  officer: 'Counter officer',
  auditor: 'Auditor',
};

export const weekday: Dict<typeof id.weekday> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

export const login: Dict<typeof id.login> = {
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  logout: 'Sign out',
  wrong: 'Wrong username or password.',
  locked: 'Too many attempts. Wait a few minutes and try again.',
  delayed:
    'This account is held for a while after several wrong passwords. Try again in {{wait}}, or ask a mall admin to unlock it.',
  throttled: 'Too many failed sign-ins from this device. Try again in {{wait}}.',
  seconds: '{{count}} seconds',
  minutes: '{{count}} minutes',
};
