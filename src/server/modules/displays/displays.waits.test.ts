import { describe, expect, it } from 'vitest';
import { localDayStart } from '../../../shared/domain/local-time.js';
import { averageWaits, type IssueOrCall, minutesSince } from './displays.waits.js';

const FROM = '2026-11-22T17:00:00.000Z';
const TO = '2026-11-23T17:00:00.000Z';
const ev = (ticketId: number, type: string, at: string, serviceId = 1): IssueOrCall => ({
  ticketId,
  serviceId,
  type,
  at: `2026-11-23T${at}:00.000Z`,
});

describe('averageWaits', () => {
  it.each([
    { name: 'no calls', events: [ev(1, 'issued', '03:00')], want: [] },
    { name: 'one call', events: [ev(1, 'issued', '03:00'), ev(1, 'called', '03:15')], want: [[1, 15]] },
    {
      name: 'only the first call counts',
      events: [ev(1, 'issued', '03:00'), ev(1, 'called', '03:10'), ev(1, 'called', '04:00')],
      want: [[1, 10]],
    },
    {
      name: 'per service of issue, rounded to a tenth',
      events: [
        ev(1, 'issued', '03:00'),
        ev(1, 'called', '03:10'),
        ev(2, 'issued', '03:00'),
        ev(2, 'called', '03:11'),
        ev(3, 'issued', '03:00'),
        ev(3, 'called', '03:11'),
        ev(4, 'issued', '03:00', 2),
        ev(4, 'called', '03:05', 2),
      ],
      want: [
        [1, 10.7],
        [2, 5],
      ],
    },
    {
      name: 'first call outside the day is left out',
      events: [
        { ticketId: 1, serviceId: 1, type: 'issued', at: '2026-11-22T16:00:00.000Z' },
        { ticketId: 1, serviceId: 1, type: 'called', at: '2026-11-22T16:30:00.000Z' },
        { ticketId: 1, serviceId: 1, type: 'called', at: '2026-11-22T18:00:00.000Z' },
      ],
      want: [],
    },
    { name: 'a call without its issue is left out', events: [ev(1, 'called', '03:10')], want: [] },
  ])('$name', ({ events, want }) => {
    expect([...averageWaits(events, FROM, TO)]).toEqual(want);
  });
});

describe('minutesSince and localDayStart', () => {
  it('counts whole minutes, never negative', () => {
    const now = new Date('2026-11-23T03:30:59.000Z');
    expect(minutesSince('2026-11-23T03:00:00.000Z', now)).toBe(30);
    expect(minutesSince('2026-11-23T03:31:00.000Z', now)).toBe(0);
  });
  it.each([
    ['Asia/Jakarta', '2026-11-22T17:00:00.000Z'],
    ['Asia/Makassar', '2026-11-22T16:00:00.000Z'],
    ['Asia/Jayapura', '2026-11-22T15:00:00.000Z'],
  ])('a local day in %s starts at %s', (zone, want) => {
    expect(localDayStart('2026-11-23', zone).toISOString()).toBe(want);
  });
});
