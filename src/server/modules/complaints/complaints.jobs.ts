import { maskEmail, maskPhone } from '../../../shared/domain/mask-personal.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { resolvePublicUrl } from '../../public-url.js';
import { findMallById } from '../malls/malls.repo.js';
import { enqueueMessage } from '../outbox/outbox.service.js';
import { renderMessage } from '../outbox/templates.service.js';
import * as repo from './complaints.repo.js';
import { dueDate, emitWebhook, recordStep, SYSTEM } from './complaints.steps.js';

const BATCH = 200;

/**
 * Closes answered complaints whose 10 working days passed with no reply. Node-safe: each close is
 * one conditional update (still answered, same deadline), so when two nodes run it together only
 * one closes, audits and tells webhooks.
 */
export async function autoCloseDue(ctx: AppContext): Promise<number> {
  const at = ctx.now().toISOString();
  let closed = 0;
  for (const d of await repo.duePast(ctx.database.db, ['auto_close'], at, BATCH, false)) {
    const done = await inTransaction(ctx.database.db, async (tx) => {
      const patch = { status: 'closed', closed_at: at, due_at: null, due_kind: null, updated_at: at };
      const ok = await repo.updateComplaint(tx.db, d.id, patch, { status: ['answered'], dueAt: d.due_at });
      if (!ok) return false;
      await recordStep(
        tx,
        { id: d.id, mall_id: d.mall_id, status: 'answered' },
        SYSTEM,
        {
          kind: 'auto_closed',
          status: 'closed',
          visibility: 'reporter',
          audit: { dueAt: d.due_at },
        },
        at,
      );
      const c = await repo.findComplaint(tx.db, d.mall_id, d.id);
      if (c) await emitWebhook(ctx, tx, c, 'complaint.closed', {}, `closed:${at}`);
      return true;
    });
    if (done) closed++;
  }
  return closed;
}

/**
 * Escalates complaints past their dispatch or follow-up deadline to the mall admin, once per
 * deadline: a step and an audit row, a `complaint.overdue` webhook, and a message to the mall's
 * escalation address when it set one. They stay listed as overdue on the desk until acted on.
 */
export async function escalateOverdue(ctx: AppContext): Promise<number> {
  const at = ctx.now().toISOString();
  let escalated = 0;
  for (const d of await repo.duePast(ctx.database.db, ['dispatch', 'follow_up'], at, BATCH, true)) {
    const mall = await findMallById(ctx.database.db, d.mall_id);
    if (!mall) continue;
    const done = await inTransaction(ctx.database.db, async (tx) => {
      const ok = await repo.updateComplaint(
        tx.db,
        d.id,
        { escalated_at: at },
        { dueAt: d.due_at, escalatedAt: null },
      );
      if (!ok) return false;
      const c = await repo.findComplaint(tx.db, d.mall_id, d.id);
      if (!c) return false;
      await recordStep(
        tx,
        c,
        SYSTEM,
        {
          kind: 'escalated',
          status: c.status,
          agencyId: c.agency_id,
          visibility: 'staff',
          audit: { deadline: d.due_kind, dueAt: d.due_at },
        },
        at,
      );
      await emitWebhook(ctx, tx, c, 'complaint.overdue', {}, `overdue:${d.due_kind}:${d.due_at}`);
      const settings = await repo.findSettings(tx.db, d.mall_id);
      const targets = [
        { channel: 'email' as const, address: settings?.escalation_email ?? null, mask: maskEmail },
        { channel: 'whatsapp' as const, address: settings?.escalation_phone ?? null, mask: maskPhone },
      ];
      for (const to of targets) {
        if (!to.address) continue;
        const { subject, text } = await renderMessage(ctx, tx.db, d.mall_id, 'complaint.overdue', 'id', {
          title: c.title,
          agency: c.agency_name ?? 'belum diteruskan',
          deadline: d.due_kind === 'dispatch' ? 'penerusan' : 'tindak lanjut',
          dueDate: dueDate(mall, d.due_at),
          mall: mall.name,
          adminUrl: `${resolvePublicUrl(ctx.config)}/${mall.slug}/admin/complaints`,
        });
        await enqueueMessage(ctx, tx, {
          mallId: d.mall_id,
          channel: to.channel,
          event: 'complaint.overdue',
          address: to.address,
          addressMasked: to.mask(to.address),
          subject: { type: 'complaint', id: c.id },
          body: to.channel === 'email' ? { subject, text } : { text },
          idempotencyKey: `complaint:${c.id}:overdue:${d.due_kind}:${d.due_at}:${to.channel}`,
        });
      }
      return true;
    });
    if (done) escalated++;
  }
  return escalated;
}

/** Runs both now and every `everyMs` (default 5 minutes); returns a stop function. */
export function startComplaintScheduler(ctx: AppContext, everyMs = 300_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const closed = await autoCloseDue(ctx);
      const escalated = await escalateOverdue(ctx);
      if (closed || escalated) ctx.log.info({ closed, escalated }, 'complaint deadlines handled');
    } catch (err) {
      ctx.log.warn({ err }, 'complaint scheduler failed; retrying later');
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
