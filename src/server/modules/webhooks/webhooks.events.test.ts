import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../shared/contracts/events.js';
import type { TicketView } from '../queue/queue.repo.js';
import { deriveEvents, webhookBody } from './webhooks.events.js';

const AT = '2026-11-23T03:00:00.000Z';
const LATER = '2026-11-23T03:10:00.000Z';

const ticket = (o: Partial<TicketView> = {}): TicketView =>
  ({
    id: 7,
    mall_id: 1,
    service_id: 4,
    visit_id: null,
    number: 'A-017',
    local_date: '2026-11-23',
    status: 'waiting',
    priority: 'pregnant',
    priority_granted_by: null,
    source: 'kiosk',
    tracking_code: 'RAHASIA-XYZ',
    counter_id: null,
    officer_id: null,
    target_counter_id: null,
    return_counter_id: null,
    issued_at: AT,
    queued_at: AT,
    called_at: null,
    started_at: null,
    finished_at: null,
    outcome: null,
    service_name: 'Penerbitan KTP-el baru',
    queue_prefix: 'A',
    counter_number: null,
    counter_name: null,
    counter_zone_id: null,
    ...o,
  }) as TicketView;

const queueChanged = (status: string, at: string, seq = 1): LiveEvent =>
  ({
    type: 'queue.changed',
    seq,
    zoneId: null,
    at,
    payload: { serviceId: 4, serviceName: 'x', queuePrefix: 'A', waiting: 1, ticketId: 7, status },
  }) as LiveEvent;

const call = (type: 'ticket.called' | 'ticket.recalled', seq = 1): LiveEvent =>
  ({
    type,
    seq,
    zoneId: null,
    at: LATER,
    payload: {
      ticketId: 7,
      number: 'A-017',
      serviceId: 4,
      serviceName: 'x',
      counterId: 2,
      counterNumber: 3,
      counterName: 'Loket 3',
      announcement: '',
      spokenText: '',
      at: LATER,
    },
  }) as LiveEvent;

describe('webhook events from recorded events', () => {
  it.each([
    ['a new ticket', [queueChanged('waiting', AT)], ticket(), ['ticket.issued']],
    ['a transfer (issued earlier)', [queueChanged('waiting', LATER)], ticket(), []],
    [
      'a call',
      [call('ticket.called'), queueChanged('called', LATER, 2)],
      ticket({ status: 'called' }),
      ['ticket.called'],
    ],
    ['a recall', [call('ticket.recalled')], ticket({ status: 'called' }), []],
    ['a start', [queueChanged('serving', LATER)], ticket({ status: 'serving' }), []],
    ['a finish', [queueChanged('done', LATER)], ticket({ status: 'done' }), ['ticket.finished']],
    ['a no-show', [queueChanged('no_show', LATER)], ticket({ status: 'no_show' }), ['ticket.no_show']],
    ['a cancel', [queueChanged('cancelled', LATER)], ticket({ status: 'cancelled' }), ['ticket.cancelled']],
    ['the day ending', [queueChanged('expired', LATER)], ticket({ status: 'expired' }), []],
  ])('%s', (_label, events, t, want) => {
    expect(deriveEvents(events, [t]).map((e) => e.type)).toEqual(want);
  });

  it('ignores events about tickets the change did not write', () => {
    expect(deriveEvents([queueChanged('waiting', AT)], [ticket({ id: 8 })])).toEqual([]);
  });

  it('never puts the tracking code in a body; the priority group only with the personal scope', () => {
    const [e] = deriveEvents([queueChanged('waiting', AT, 42)], [ticket()]);
    const plain = JSON.stringify(webhookBody(e!, false));
    expect(plain).not.toContain('RAHASIA-XYZ');
    expect(plain).not.toContain('pregnant');
    expect(JSON.parse(plain)).toMatchObject({
      type: 'ticket.issued',
      timestamp: AT,
      data: { number: 'A-017' },
    });
    expect(webhookBody(e!, true).data).toMatchObject({ priority: 'pregnant' });
    expect(JSON.stringify(webhookBody(e!, true))).not.toContain('RAHASIA-XYZ');
  });
});
