import { localMoment } from '../../../shared/domain/local-time.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { lockMallQueue } from '../../events/live-events.repo.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as services from '../services/services.repo.js';
import { counterForTicket, type OperableCounter } from './counter-access.js';
import { type FinishBody, illegal, type TransferBody } from './counter-actions.service.js';
import { endEarlierDaysInTx } from './day-end.service.js';
import { positionAndEta } from './positions.js';
import { counterChanged, publishCall, publishQueueChanged } from './queue.events.js';
import { toTicketDto } from './queue.mapper.js';
import * as repo from './queue.repo.js';
import { issueInTx } from './tickets.service.js';

export type TicketActionName = 'recall' | 'start' | 'finish' | 'no-show' | 'transfer' | 'cancel';

/** Legal source states of each action; anything else answers 409 ILLEGAL_TRANSITION. */
const FROM: Record<TicketActionName, string[]> = {
  recall: ['called'],
  start: ['called'],
  finish: ['called', 'serving'],
  'no-show': ['called'],
  transfer: ['called', 'serving'],
  cancel: ['waiting', 'called'],
};

interface ActionCtx {
  ctx: AppContext;
  tx: Tx;
  mall: MallRecord;
  actor: Actor;
  counter: OperableCounter;
  t: repo.TicketView;
  at: string;
}

async function event(a: ActionCtx, type: string, data?: unknown, serviceId = a.t.service_id) {
  await repo.insertTicketEvent(a.tx.db, {
    mallId: a.mall.id,
    ticketId: a.t.id,
    serviceId,
    type,
    at: a.at,
    counterId: a.counter.id,
    officerId: a.actor.id,
    data,
  });
}

async function move(a: ActionCtx, action: string, set: Parameters<typeof repo.transition>[3]) {
  if (!(await repo.transition(a.tx.db, a.t.id, FROM[action as TicketActionName] ?? [a.t.status], set)))
    throw illegal(action, a.t.status);
}

/** After a finished step: return to the counter that transferred it, or queue the visit's next service. */
async function followUp(a: ActionCtx, outcome: string): Promise<void> {
  if (a.t.return_counter_id) {
    const transfer = await repo.lastTransferEvent(a.tx.db, a.t.id);
    const back = transfer?.data
      ? (JSON.parse(transfer.data) as { fromServiceId: number }).fromServiceId
      : a.t.service_id;
    await repo.returnToCounter(a.tx.db, a.t.id, back, a.t.return_counter_id);
    await event(
      a,
      'transferred',
      {
        fromServiceId: a.t.service_id,
        toServiceId: back,
        toCounterId: a.t.return_counter_id,
        returning: true,
      },
      back,
    );
    return;
  }
  if (!a.t.visit_id || outcome !== 'done') return;
  const visit = await repo.findVisit(a.tx.db, a.t.visit_id);
  if (!visit) return;
  const steps = JSON.parse(visit.steps) as number[];
  const nextStep = visit.current_step + 1;
  const serviceId = steps[nextStep];
  if (serviceId === undefined) return;
  await repo.setVisitStep(a.tx.db, visit.id, nextStep);
  // The next step's wait counts from now: the citizen was being served until this moment.
  await issueInTx(
    a.ctx,
    a.tx,
    a.mall,
    a.actor,
    { serviceId, source: a.t.source as 'kiosk', priority: a.t.priority as null },
    {
      visitId: visit.id,
      queuedAt: a.at,
      skipCutoff: true,
      carriedPriority: { grantedBy: a.t.priority_granted_by },
    },
  );
}

async function transfer(a: ActionCtx, body: TransferBody) {
  const toService = body.serviceId ?? a.t.service_id;
  if (body.serviceId !== undefined) {
    const s = await services.findService(a.tx.db, a.mall.id, body.serviceId);
    if (!s) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
    if (!s.served_at_mall || s.retired_at)
      throw new AppError(
        'SERVICE_NOT_SERVED',
        'Layanan tujuan tidak dilayani di MPP (target not served here).',
      );
  }
  if (body.counterId !== undefined) {
    if (!(await repo.liveCounterExists(a.tx.db, a.mall.id, body.counterId)))
      throw notFound('COUNTER_NOT_FOUND', 'Loket');
    const serves = await repo.counterServiceIds(a.tx.db, body.counterId);
    if (!serves.some((s) => s.service_id === toService)) {
      throw new AppError(
        'UNPROCESSABLE',
        'Loket tujuan tidak melayani layanan ini (target counter does not serve the service).',
      );
    }
  }
  await move(a, 'transfer', {
    status: 'waiting',
    service_id: toService,
    target_counter_id: body.counterId ?? null,
    return_counter_id: body.returnToCounter ? a.counter.id : null,
    counter_id: null,
    called_at: null,
    started_at: null,
  });
  await event(
    a,
    'transferred',
    {
      fromServiceId: a.t.service_id,
      toServiceId: toService,
      toCounterId: body.counterId ?? null,
      returnCounterId: body.returnToCounter ? a.counter.id : null,
      reason: body.reason ?? null,
    },
    toService,
  );
}

/** Applies one counter action to a ticket: one transaction with its ticket event and live events. */
export async function ticketAction(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  ticketId: number,
  action: TicketActionName,
  body: { finish?: FinishBody; transfer?: TransferBody },
) {
  const at = ctx.now().toISOString();
  const view = await ctx.database.group.run(mall.id, async (tx) => {
    await lockMallQueue(tx, mall.id);
    await endEarlierDaysInTx(ctx, tx, mall, localMoment(ctx.now(), mall.timezone).date);
    const t = await repo.findTicket(tx.db, mall.id, ticketId);
    if (!t) throw notFound('TICKET_NOT_FOUND', 'Tiket');
    const counter = await counterForTicket(tx, mall.id, actor, t);
    if (!FROM[action].includes(t.status)) throw illegal(action, t.status);
    const a: ActionCtx = { ctx, tx, mall, actor, counter, t, at };
    switch (action) {
      case 'recall':
        await move(a, action, { called_at: at });
        await event(a, 'recalled');
        break;
      case 'start':
        await move(a, action, { status: 'serving', started_at: at });
        await event(a, 'started');
        break;
      case 'finish': {
        const outcome = body.finish?.outcome ?? 'done';
        await move(a, action, { status: 'done', outcome, finished_at: at });
        await event(a, 'finished', { outcome, note: body.finish?.note ?? null });
        await followUp(a, outcome);
        break;
      }
      case 'no-show':
        await move(a, action, { status: 'no_show', finished_at: at });
        await event(a, 'no_show');
        break;
      case 'transfer':
        await transfer(a, body.transfer!);
        break;
      case 'cancel':
        await move(a, action, { status: 'cancelled', finished_at: at });
        await event(a, 'cancelled');
        break;
      default: {
        const never: never = action;
        throw new Error(`unknown action ${never}`);
      }
    }
    const after = (await repo.findTicket(tx.db, mall.id, ticketId))!;
    // The ticket left the counter it was at: the boards' tile for that counter changes with it.
    const atCounter = (x: repo.TicketView) =>
      x.counter_id !== null && (x.status === 'called' || x.status === 'serving');
    const left = atCounter(t) && !(atCounter(after) && after.counter_id === t.counter_id);
    const still = left ? (await repo.currentAtCounter(tx.db, mall.id, counter.id))[0] : undefined;
    const tile = left
      ? [
          counterChanged({
            mallId: mall.id,
            id: counter.id,
            number: counter.number,
            name: counter.name,
            zoneId: counter.zone_id,
            status: counter.status,
            current: still ? { number: still.number, serviceName: still.service_name } : null,
          }),
        ]
      : [];
    if (action === 'recall') await publishCall(ctx, tx, after, 'ticket.recalled', at);
    else await publishQueueChanged(ctx, tx, { ...after, counter_zone_id: counter.zone_id }, at, tile);
    return after;
  });
  const { position, eta } = await positionAndEta(ctx, view, ctx.now(), mall.timezone);
  return toTicketDto(view, position, eta);
}
