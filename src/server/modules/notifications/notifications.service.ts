import type { z } from 'zod';
import type { NotifyInput, NotifySubscription } from '../../../shared/contracts/notifications.js';
import { localMoment } from '../../../shared/domain/local-time.js';
import { maskEmail, maskPhone } from '../../../shared/domain/mask-personal.js';
import { normalizeIndonesianPhone } from '../../../shared/domain/phone.js';
import { appendAudit } from '../../audit/audit.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { lockMallQueue } from '../../events/live-events.repo.js';
import type { MallRecord } from '../malls/malls.service.js';
import { maskPushSubscription, pushEndpointAllowed } from '../push/push.service.js';
import { endEarlierDaysInTx } from '../queue/day-end.service.js';
import * as queueRepo from '../queue/queue.repo.js';
import * as repo from './notifications.repo.js';
import { followUp } from './notifications.sink.js';

type Input = z.infer<typeof NotifyInput>;
type Subscription = z.infer<typeof NotifySubscription>;

/** Statuses a request can still be made for: the ticket is in the hall (waiting, called, being served). */
const FOLLOWABLE = ['waiting', 'called', 'serving'];
/** A plain e-mail address check; the schema's length limit applies first. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The address to store and how it is shown: +62… for phones, the e-mail, the push subscription JSON. */
export function addressOf(ctx: AppContext, input: Input): { address: string; masked: string } {
  if (input.channel === 'whatsapp' || input.channel === 'sms') {
    const phone = input.address ? normalizeIndonesianPhone(input.address) : null;
    if (!phone)
      throw new AppError(
        'INVALID_PHONE',
        'Nomor HP tidak valid; tulis nomor HP Indonesia, mis. 0812-3456-7890 (not an Indonesian mobile number).',
      );
    return { address: phone, masked: maskPhone(phone) };
  }
  if (input.channel === 'email') {
    const email = input.address?.toLowerCase();
    if (!email || !EMAIL.test(email))
      throw new AppError('VALIDATION_FAILED', 'Alamat e-mail tidak valid (not a valid e-mail address).', {
        issues: [{ path: ['address'], message: 'e-mail address expected' }],
      });
    return { address: email, masked: maskEmail(email) };
  }
  if (!input.subscription)
    throw new AppError('VALIDATION_FAILED', 'Langganan web push wajib diisi (push subscription required).', {
      issues: [{ path: ['subscription'], message: 'required for webpush' }],
    });
  const s = input.subscription;
  if (!pushEndpointAllowed(ctx.config, s.endpoint))
    throw new AppError(
      'VALIDATION_FAILED',
      'Layanan push browser ini tidak dikenal (push service not on PUSH_ENDPOINT_HOSTS).',
      { issues: [{ path: ['subscription', 'endpoint'], message: 'push service not allowed' }] },
    );
  return {
    address: JSON.stringify({ endpoint: s.endpoint, keys: { p256dh: s.keys.p256dh, auth: s.keys.auth } }),
    masked: maskPushSubscription(s),
  };
}

/** The ticket by its tracking code, in the hall; the queue lock first (one lock order with queue writes). */
async function followableTicket(ctx: AppContext, tx: Tx, mall: MallRecord, code: string) {
  await lockMallQueue(tx, mall.id);
  await endEarlierDaysInTx(ctx, tx, mall, localMoment(ctx.now(), mall.timezone).date);
  const t = await queueRepo.findTicketByTracking(tx.db, mall.id, code.toUpperCase());
  if (!t) throw notFound('TICKET_NOT_FOUND', 'Tiket');
  return t;
}

/**
 * "Beri tahu saya": one request per channel per ticket; asking again on a channel replaces its
 * address, threshold and language (`created: false`). Written under the mall's queue lock, so no
 * queue change slips between the request and its first check: a ticket already within `whenAhead`
 * gets "near" at once, in this same transaction. Audited with the masked address only.
 */
export async function subscribe(
  ctx: AppContext,
  mall: MallRecord,
  code: string,
  input: Input,
): Promise<{ created: boolean; subscription: Subscription }> {
  const { address, masked } = addressOf(ctx, input);
  const whenAhead = input.whenAhead ?? mall.notify_when_ahead;
  const locale = input.locale ?? 'id';
  const at = ctx.now().toISOString();
  return ctx.database.group.run(mall.id, async (tx) => {
    const t = await followableTicket(ctx, tx, mall, code);
    if (!FOLLOWABLE.includes(t.status))
      throw new AppError(
        'TICKET_NOT_WAITING',
        'Tiket ini sudah selesai, dibatalkan atau kedaluwarsa (ticket no longer in the queue).',
      );
    const existing = await repo.findSubscription(tx.db, t.id, input.channel);
    const fields = { address, address_masked: masked, when_ahead: whenAhead, locale, updated_at: at };
    if (existing)
      await repo.updateSubscription(tx.db, existing.id, { ...fields, closed_at: null, erased_at: null });
    else
      await repo.insertSubscription(tx.db, {
        ...fields,
        ticket_id: t.id,
        mall_id: mall.id,
        channel: input.channel,
        created_at: at,
      });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: null,
      action: existing ? 'ticket.notify.update' : 'ticket.notify',
      entity: 'ticket',
      entityId: t.id,
      // No address, not even masked: the audit log outlives the personal-data retention (modules/privacy).
      before: existing ? { channel: existing.channel } : undefined,
      after: { number: t.number, channel: input.channel, whenAhead, locale },
      at,
    });
    if (t.status === 'waiting') {
      const open = await repo.openSubscriptions(tx.db, mall.id, [t.id]);
      await followUp(ctx, tx, mall.id, open, new Set([t.queue_prefix]));
    }
    return {
      created: !existing,
      subscription: { channel: input.channel, addressMasked: masked, whenAhead },
    };
  });
}

/** Stops one channel's request (its address is deleted with it); audited. False when there was none. */
export async function unsubscribe(
  ctx: AppContext,
  mall: MallRecord,
  code: string,
  channel: string,
): Promise<boolean> {
  const at = ctx.now().toISOString();
  return ctx.database.group.run(mall.id, async (tx) => {
    const t = await followableTicket(ctx, tx, mall, code);
    const existing = await repo.findSubscription(tx.db, t.id, channel);
    if (!existing) return false;
    await repo.deleteSubscription(tx.db, t.id, channel);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: null,
      action: 'ticket.notify.stop',
      entity: 'ticket',
      entityId: t.id,
      before: { number: t.number, channel },
      at,
    });
    return true;
  });
}

/**
 * Erases the personal addresses of requests closed more than `retentionDays` ago (and of any request
 * older than that and a day, whose ticket's day is long over). Returns how many were erased.
 */
export async function eraseOldAddresses(ctx: AppContext, retentionDays: number): Promise<number> {
  const now = ctx.now().getTime();
  const closedBefore = new Date(now - retentionDays * 86_400_000).toISOString();
  const createdBefore = new Date(now - (retentionDays + 1) * 86_400_000).toISOString();
  return repo.eraseAddresses(ctx.database.db, closedBefore, createdBefore, new Date(now).toISOString());
}

/** Runs the eraser now and every hour; returns a stop function. */
export function startNotificationEraser(ctx: AppContext, retentionDays: number, everyMs = 3_600_000) {
  const tick = () =>
    eraseOldAddresses(ctx, retentionDays)
      .then((n) => n && ctx.log.info({ erased: n }, 'notification addresses erased after retention'))
      .catch((err: unknown) =>
        ctx.log.warn({ err }, 'erasing notification addresses failed; retrying later'),
      );
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
