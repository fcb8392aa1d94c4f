import type { Inspector } from './inspect.js';
import type { Acked } from './mixed-load.js';

/**
 * What must hold in the database after any fault, for everything the server acknowledged. Answers a
 * list of problems (empty: all kept) plus figures for the log line.
 */
export async function checkAcked(db: Inspector, acked: Acked) {
  const problems: string[] = [];
  const expectNone = (label: string, items: unknown[]) => {
    if (items.length)
      problems.push(`${label}: ${JSON.stringify(items.slice(0, 10))}${items.length > 10 ? ' …' : ''}`);
  };

  // Tickets: every acknowledged ticket is there with its number; no number twice on one day.
  const tickets = new Map(
    (
      await db.all<{ id: number; number: string; status: string; counter_id: number | null }>(
        'select id, number, status, counter_id from tickets',
      )
    ).map((t) => [Number(t.id), t]),
  );
  expectNone(
    'acknowledged tickets lost or renumbered',
    [...acked.tickets.values()].filter((t) => tickets.get(t.id)?.number !== t.number).map((t) => t.number),
  );
  expectNone(
    'ticket numbers issued twice',
    await db.all(
      'select mall_id, local_date, number, count(*) as n from tickets group by mall_id, local_date, number having count(*) > 1',
    ),
  );

  // Calls: no ticket handed out twice, none called/started/finished twice; acknowledged steps kept.
  const calledTwice = new Map<number, number[]>();
  for (const c of acked.calls)
    calledTwice.set(c.ticketId, [...(calledTwice.get(c.ticketId) ?? []), c.counterId]);
  expectNone(
    'tickets handed to two call-next answers',
    [...calledTwice].filter(([, by]) => by.length > 1),
  );
  expectNone(
    'tickets with a step recorded twice',
    await db.all(
      "select ticket_id, type, count(*) as n from ticket_events where type in ('called', 'started', 'finished') group by ticket_id, type having count(*) > 1",
    ),
  );
  const statusOf = (id: number) => tickets.get(id)?.status;
  expectNone(
    'acknowledged calls lost',
    acked.calls
      .filter(
        (c) =>
          !['called', 'serving', 'done'].includes(statusOf(c.ticketId) ?? '') ||
          Number(tickets.get(c.ticketId)?.counter_id) !== c.counterId,
      )
      .map((c) => ({ ...c, now: statusOf(c.ticketId) })),
  );
  expectNone(
    'acknowledged starts lost',
    [...acked.started].filter((id) => !['serving', 'done'].includes(statusOf(id) ?? '')),
  );
  expectNone(
    'acknowledged finishes lost',
    [...acked.finished].filter((id) => statusOf(id) !== 'done'),
  );

  // Notifications: a call asked for after the ticket's WhatsApp request was acknowledged queued its
  // "called" message (a request made once the ticket is called is accepted but sends nothing).
  const keys = new Set(
    (await db.all<{ idempotency_key: string }>('select idempotency_key from outbox_messages')).map(
      (m) => m.idempotency_key,
    ),
  );
  expectNone(
    '"called" messages missing for acknowledged calls',
    acked.calls
      .filter((c) => (acked.subscribed.get(c.ticketId) ?? Number.POSITIVE_INFINITY) < c.askedAfter)
      .filter((c) => !keys.has(`ticket:${c.ticketId}:called:whatsapp`))
      .map((c) => c.ticketId),
  );

  // Bookings: every acknowledged booking kept, with its message; the session's count matches them.
  const bookings = new Map(
    (await db.all<{ id: number; code: string; status: string }>('select id, code, status from bookings')).map(
      (b) => [b.code, b],
    ),
  );
  expectNone(
    'acknowledged bookings lost',
    acked.bookings.filter((b) => bookings.get(b.code)?.status !== 'booked').map((b) => b.code),
  );
  const messageSubjects = new Set(
    (
      await db.all<{ subject_type: string; subject_id: number }>(
        'select subject_type, subject_id from outbox_messages where subject_type is not null',
      )
    ).map((m) => `${m.subject_type}:${Number(m.subject_id)}`),
  );
  expectNone(
    'booking confirmations missing',
    acked.bookings.filter((b) => !messageSubjects.has(`booking:${b.id}`)).map((b) => b.code),
  );
  expectNone(
    'booking counts that disagree with the bookings',
    await db.all(
      "select c.session_id, c.date, c.booked, (select count(*) from bookings b where b.session_id = c.session_id and b.date = c.date and b.status in ('booked', 'checked_in')) as active from booking_counts c where c.booked <> (select count(*) from bookings b where b.session_id = c.session_id and b.date = c.date and b.status in ('booked', 'checked_in'))",
    ),
  );

  // Applications and payments: kept, each with its message; receipts unique and gapless per year.
  const apps = new Map(
    (await db.all<{ id: number; tracking_code: string }>('select id, tracking_code from applications')).map(
      (a) => [Number(a.id), a.tracking_code],
    ),
  );
  expectNone(
    'acknowledged applications lost',
    acked.applications.filter((a) => apps.get(a.id) !== a.trackingCode).map((a) => a.trackingCode),
  );
  expectNone(
    'application messages missing',
    acked.applications.filter((a) => !messageSubjects.has(`application:${a.id}`)).map((a) => a.id),
  );
  const payments = await db.all<{
    id: number;
    receipt_number: string;
    receipt_year: number;
    receipt_seq: number;
  }>('select id, receipt_number, receipt_year, receipt_seq from payments order by receipt_year, receipt_seq');
  const receipts = new Map(payments.map((p) => [Number(p.id), p.receipt_number]));
  expectNone(
    'acknowledged payments lost',
    acked.payments.filter((p) => receipts.get(p.id) !== p.receiptNumber).map((p) => p.receiptNumber),
  );
  const numbers = payments.map((p) => p.receipt_number);
  expectNone(
    'receipt numbers twice',
    numbers.filter((n, i) => numbers.indexOf(n) !== i),
  );
  expectNone(
    'receipt numbers with gaps',
    payments.filter((p, i) => Number(p.receipt_seq) !== i + 1).map((p) => p.receipt_number),
  );

  return {
    problems,
    figures: {
      tickets: tickets.size,
      payments: payments.length,
      bookings: bookings.size,
      applications: apps.size,
      messages: keys.size,
    },
  };
}

/** The highest sequence part of the day's ticket numbers (`A-042` → 42). */
export const seqOf = (number: string) => Number(number.split('-').pop());
