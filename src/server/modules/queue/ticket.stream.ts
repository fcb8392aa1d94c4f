import type { LiveEvent, TicketPositionDto, TicketStreamEventDto } from '../../../shared/contracts/events.js';
import type { AppContext } from '../../context.js';
import type { Batch, Opening, Scope } from '../../events/hub.js';
import { sseFrame } from '../../events/sse.js';
import { resetFrame } from '../displays/displays.stream.js';
import type { MallRecord } from '../malls/malls.service.js';
import { positionAndEta } from './positions.js';
import * as repo from './queue.repo.js';
import { publicTicketOf, turnIsNear } from './queue-views.service.js';

const frame = (m: TicketStreamEventDto) => sseFrame(m);

/** Whether a recorded event is about this ticket itself (its call, or a change of its state). */
function concerns(e: LiveEvent, ticketId: number): boolean {
  if (e.type === 'counter.changed') return false;
  return e.payload.ticketId === ticketId;
}

/**
 * The phones following one ticket (by its tracking code). Sends `ticket.snapshot` on opening and when
 * the ticket itself changes, `ticket.called` when it is called or recalled, and `ticket.position`
 * whenever status, position, estimate or "turn is near" change. Positions come from positionAndEta,
 * which the in-memory queue index answers without reading the waiting group.
 */
export class TicketScope implements Scope {
  readonly key: string;
  private sentPosition = '';

  constructor(
    private readonly ctx: AppContext,
    private readonly mall: MallRecord,
    private ticket: repo.TicketView,
  ) {
    this.key = ticketScopeKey(ticket.id);
  }

  private async standing(batch: Batch): Promise<TicketPositionDto> {
    const t = this.ticket;
    const status = t.status as TicketPositionDto['status'];
    if (status !== 'waiting')
      return { status, position: null, etaMinutes: null, turnIsNear: turnIsNear(status, null) };
    const { position, eta } = await positionAndEta(this.ctx, t, batch.now, this.mall.timezone);
    return { status, position, etaMinutes: eta, turnIsNear: turnIsNear(status, position) };
  }

  private calls(events: LiveEvent[]): string {
    let out = '';
    for (const e of events) {
      if (
        (e.type !== 'ticket.called' && e.type !== 'ticket.recalled') ||
        e.payload.ticketId !== this.ticket.id
      )
        continue;
      const p = e.payload;
      out += frame({
        seq: e.seq,
        type: 'ticket.called',
        at: e.at,
        payload: { counterNumber: p.counterNumber, counterName: p.counterName, announcement: p.announcement },
      });
    }
    return out;
  }

  private async reread(): Promise<void> {
    this.ticket = (await repo.findTicket(this.ctx.database.db, this.mall.id, this.ticket.id)) ?? this.ticket;
  }

  private async snapshot(batch: Batch, st: TicketPositionDto): Promise<string> {
    const payload = await publicTicketOf(
      this.ctx.database.db,
      this.mall,
      this.ticket,
      st.position,
      st.etaMinutes,
    );
    return frame({ seq: batch.head, type: 'ticket.snapshot', at: batch.now.toISOString(), payload });
  }

  private position(batch: Batch, st: TicketPositionDto, always: boolean): string {
    const text = JSON.stringify(st);
    if (!always && text === this.sentPosition) return '';
    this.sentPosition = text;
    return frame({ seq: batch.head, type: 'ticket.position', at: batch.now.toISOString(), payload: st });
  }

  async project(batch: Batch): Promise<string> {
    const own = batch.events.some((e) => concerns(e, this.ticket.id));
    // Other tickets' changes (and clock ticks) only move the standing of a ticket still waiting.
    if (!own && this.ticket.status !== 'waiting') return '';
    if (own) await this.reread();
    const st = await this.standing(batch);
    let out = this.calls(batch.events);
    if (own) out += await this.snapshot(batch, st);
    return out + this.position(batch, st, false);
  }

  async open(o: Opening, batch: Batch): Promise<string> {
    let out = o.kind === 'reset' ? resetFrame(o.head, batch.now) : '';
    if (o.kind === 'replay') out += this.calls(o.events);
    await this.reread();
    const st = await this.standing(batch);
    out += await this.snapshot(batch, st);
    return out + this.position(batch, st, true);
  }
}

export const ticketScopeKey = (ticketId: number) => `ticket:${ticketId}`;
