import type { LiveEvent } from '../../../shared/contracts/events.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { registerEventSink } from '../../events/sinks.js';
import { resolvePublicUrl } from '../../public-url.js';
import { enqueueMessage } from '../outbox/outbox.service.js';
import type { ChannelName } from '../outbox/outbox.types.js';
import { renderMessage } from '../outbox/templates.service.js';
import type { TicketView } from '../queue/queue.repo.js';
import { peopleAheadInTx } from './notifications.ahead.js';
import * as repo from './notifications.repo.js';

type Event = 'ticket.near' | 'ticket.called';
/** Where a call sends the citizen. */
interface Call {
  counterName: string;
  counterNumber: number;
}
/** Still in the hall: a request stays open (a ticket called or served may be transferred and wait again). */
const LIVE = ['waiting', 'called', 'serving'];
/** "Near" names at most this many counters the ticket may be called to. */
const NEAR_COUNTERS = 3;

/**
 * What a queue change means for the citizens who asked to be told: runs inside the change's own
 * transaction (see events/sinks.ts) and queues the messages in the outbox there, so the change and
 * its messages commit together and a node killed right after the commit still sends them.
 * - `ticket.called` of a ticket with open requests → one "called" message per channel (a recall
 *   sends nothing new; a "near" never queued by then is never sent).
 * - a ticket of an open request that finished, was cancelled or expired → the request is closed.
 * - waiting tickets of the queue groups the change touched → "near" once people ahead ≤ whenAhead.
 */
export async function notificationsSink(
  ctx: AppContext,
  tx: Tx,
  mallId: number,
  events: LiveEvent[],
  tickets: TicketView[],
): Promise<void> {
  const calls = new Map<number, Call>();
  for (const e of events)
    if (e.type === 'ticket.called')
      calls.set(e.payload.ticketId, {
        counterName: e.payload.counterName,
        counterNumber: e.payload.counterNumber,
      });
  if (!tickets.length && !calls.size) return;
  const open = await repo.openSubscriptions(tx.db, mallId);
  if (!open.length) return;
  await followUp(ctx, tx, mallId, open, new Set(tickets.map((t) => t.queue_prefix)), calls);
}

/**
 * Sends what is due for open requests: "called" for the calls in `calls`, "near" for waiting tickets
 * of the `touched` queue groups; closes requests whose ticket left the hall.
 */
export async function followUp(
  ctx: AppContext,
  tx: Tx,
  mallId: number,
  open: repo.OpenSubscription[],
  touched: Set<string>,
  calls: Map<number, Call> = new Map(),
): Promise<void> {
  const now = ctx.now();
  const at = now.toISOString();
  const mall = await repo.findMall(tx.db, mallId);
  const called = open.filter((s) => calls.has(s.ticket_id));
  for (const s of called) {
    const call = calls.get(s.ticket_id)!;
    await queue(ctx, tx, mallId, mall, s, 'ticket.called', { counter: call.counterName, ahead: 0 });
  }
  await repo.markCalledQueued(
    tx.db,
    called.map((s) => s.id),
    at,
  );
  await repo.closeSubscriptions(
    tx.db,
    open.filter((s) => !calls.has(s.ticket_id) && !LIVE.includes(s.status)).map((s) => s.id),
    at,
  );
  const candidates = open.filter(
    (s) => s.status === 'waiting' && s.near_queued_at === null && touched.has(s.queue_prefix),
  );
  if (!candidates.length) return;
  const ahead = await peopleAheadInTx(
    tx,
    mallId,
    mall.timezone,
    candidates.map((s) => ({
      ticketId: s.ticket_id,
      serviceId: s.service_id,
      queuePrefix: s.queue_prefix,
      localDate: s.local_date,
    })),
    now,
  );
  const near = candidates.filter((s) => {
    const n = ahead.get(s.ticket_id);
    return n !== undefined && n <= s.when_ahead;
  });
  for (const s of near) {
    const counters = await repo.counterNamesServing(tx.db, mallId, s.service_id);
    await queue(ctx, tx, mallId, mall, s, 'ticket.near', {
      counter: counters.slice(0, NEAR_COUNTERS).join(', '),
      ahead: ahead.get(s.ticket_id)!,
    });
  }
  await repo.markNearQueued(
    tx.db,
    near.map((s) => s.id),
    at,
  );
}

/** Renders one message in the request's language and queues it under its once-only key. */
async function queue(
  ctx: AppContext,
  tx: Tx,
  mallId: number,
  mall: { slug: string; name: string },
  s: repo.OpenSubscription,
  event: Event,
  extra: { counter: string; ahead: number },
): Promise<void> {
  if (!s.address) return;
  const ticketUrl = `${resolvePublicUrl(ctx.config)}/${mall.slug}/ticket/${encodeURIComponent(s.tracking_code)}`;
  const { subject, text } = await renderMessage(ctx, tx.db, mallId, event, s.locale, {
    number: s.number,
    service: s.service_name,
    counter: extra.counter,
    ahead: extra.ahead,
    mall: mall.name,
    ticketUrl,
  });
  const body =
    s.channel === 'email'
      ? { subject, text }
      : s.channel === 'webpush'
        ? {
            title: subject.slice(0, 120),
            body: text.slice(0, 500),
            url: ticketUrl,
            tag: `ticket-${s.ticket_id}`,
          }
        : { text };
  const kind = event === 'ticket.near' ? 'near' : 'called';
  await enqueueMessage(ctx, tx, {
    mallId,
    channel: s.channel as ChannelName,
    event,
    address: s.address,
    addressMasked: s.address_masked,
    subject: { type: 'ticket', id: s.ticket_id },
    locale: s.locale,
    body,
    idempotencyKey: `ticket:${s.ticket_id}:${kind}:${s.channel}`,
  });
}

registerEventSink('notifications', notificationsSink);
