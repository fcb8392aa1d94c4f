import type { Dict } from '../dict';
import type * as id from '../id/units';

/** English: completion times, fee units and opening hours. */
export const units: Dict<typeof id.units> = {
  minutes: '{{count}} minutes',
  minutes_one: '{{count}} minute',
  hours: '{{count}} hours',
  hours_one: '{{count}} hour',
  workingDays: '{{count}} working days',
  workingDays_one: '{{count}} working day',
  calendarDays: '{{count}} calendar days',
  calendarDays_one: '{{count}} calendar day',
  plus: ' + ',
  fee: {
    per_application: 'per application',
    per_document: 'per document',
    per_page: 'per page',
    per_sheet: 'per sheet',
    per_book: 'per book',
    per_certificate: 'per certificate',
    per_parcel: 'per land parcel',
    per_case: 'per case',
    per_decision: 'per decision',
    per_deed: 'per deed',
    per_person: 'per person',
    per_vehicle: 'per vehicle',
  },
};

export const hours: Dict<typeof id.hours> = {
  title: 'Opening hours',
  roundTheClock: 'Open 24 hours',
  allDay: '00:00–24:00',
  closed: 'Closed',
  openNow: 'Open now',
  closedNow: 'Closed now',
  nextOpening: 'Opens again {{when}}',
  breaks: 'Break',
  holiday: 'Holiday: {{name}}',
};
