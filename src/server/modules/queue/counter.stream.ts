import type { CounterStreamEventDto, LiveEvent } from '../../../shared/contracts/events.js';
import type { AppContext } from '../../context.js';
import type { Batch, Opening, Scope } from '../../events/hub.js';
import { sseFrame } from '../../events/sse.js';
import { resetFrame } from '../displays/displays.stream.js';
import type { MallRecord } from '../malls/malls.service.js';
import { counterQueueView } from './queue-views.service.js';

/**
 * The consoles of one counter (staff; the route checks `counter.operate` before joining). Sends
 * `counter.queue` — the counter, its own ticket and its waiting line in call order — on opening and
 * whenever a batch touching its services, its tickets or the counter itself changes it.
 */
export class CounterScope implements Scope {
  readonly key: string;
  private sent = '';
  private serviceIds = new Set<number>();
  private ticketIds = new Set<number>();

  constructor(
    private readonly ctx: AppContext,
    private readonly mall: MallRecord,
    private readonly counterId: number,
  ) {
    this.key = counterScopeKey(counterId);
  }

  private touches(e: LiveEvent): boolean {
    switch (e.type) {
      case 'counter.changed':
        return e.payload.counterId === this.counterId;
      case 'ticket.called':
      case 'ticket.recalled':
        return e.payload.counterId === this.counterId || this.serviceIds.has(e.payload.serviceId);
      case 'queue.changed':
        return this.serviceIds.has(e.payload.serviceId) || this.ticketIds.has(e.payload.ticketId);
    }
  }

  private async state(batch: Batch, always: boolean): Promise<string> {
    const q = await counterQueueView(this.ctx.database.db, this.mall, this.counterId, batch.now);
    this.serviceIds = new Set(q.counter.serviceIds);
    this.ticketIds = new Set(q.current ? [q.current.id] : []);
    const text = JSON.stringify(q);
    if (!always && text === this.sent) return '';
    this.sent = text;
    const m: CounterStreamEventDto = {
      seq: batch.head,
      type: 'counter.queue',
      at: batch.now.toISOString(),
      payload: q,
    };
    return sseFrame(m);
  }

  async project(batch: Batch): Promise<string> {
    if (!batch.events.some((e) => this.touches(e))) return '';
    return this.state(batch, false);
  }

  async open(o: Opening, batch: Batch): Promise<string> {
    const reset = o.kind === 'reset' ? resetFrame(o.head, batch.now) : '';
    return reset + (await this.state(batch, true));
  }
}

export const counterScopeKey = (counterId: number) => `counter:${counterId}`;
