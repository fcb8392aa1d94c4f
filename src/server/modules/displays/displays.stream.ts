import type { DisplayEventDto, LiveEvent } from '../../../shared/contracts/events.js';
import type { Batch, Opening, Scope } from '../../events/hub.js';
import { sseFrame } from '../../events/sse.js';
import { inZone } from './displays.service.js';

/**
 * What a board is sent for a recorded event: only what it shows (number, service, counter, the
 * sentence, waiting counts). Built field by field, so a field added to the recorded events never
 * reaches a public board by accident; the type is the contract's union.
 */
export function boardMessage(ev: LiveEvent): DisplayEventDto {
  const base = { seq: ev.seq, at: ev.at };
  switch (ev.type) {
    case 'ticket.called':
    case 'ticket.recalled': {
      const p = ev.payload;
      return {
        ...base,
        type: ev.type,
        payload: {
          number: p.number,
          serviceName: p.serviceName,
          counterId: p.counterId,
          counterNumber: p.counterNumber,
          counterName: p.counterName,
          text: p.announcement,
          spokenText: p.spokenText,
          announcement: p.announcement,
          at: p.at,
        },
      };
    }
    case 'counter.changed': {
      const p = ev.payload;
      return {
        ...base,
        type: 'counter.changed',
        payload: {
          counterId: p.counterId,
          counterNumber: p.counterNumber,
          counterName: p.counterName,
          status: p.status,
          current: p.current && { number: p.current.number, serviceName: p.current.serviceName },
        },
      };
    }
    case 'queue.changed': {
      const p = ev.payload;
      return {
        ...base,
        type: 'waiting.changed',
        payload: {
          serviceId: p.serviceId,
          serviceName: p.serviceName,
          queuePrefix: p.queuePrefix,
          waiting: p.waiting,
        },
      };
    }
  }
}

/** A board's wire text per event, built once and shared by every zone's scope (same event objects). */
const wire = new WeakMap<LiveEvent, string>();
function boardFrame(ev: LiveEvent): string {
  let text = wire.get(ev);
  if (text === undefined) {
    text = sseFrame(boardMessage(ev));
    wire.set(ev, text);
  }
  return text;
}

export function resetFrame(head: number, now: Date): string {
  return sseFrame({ seq: head, type: 'reset', at: now.toISOString(), payload: { lastEventId: head } });
}

/** The displays of one zone (or of the whole mall): every board of the zone gets the same bytes. */
export class DisplayScope implements Scope {
  readonly key: string;
  constructor(private readonly zoneId: number | null) {
    this.key = displayScopeKey(zoneId);
  }

  private frames(events: LiveEvent[]): string {
    let out = '';
    for (const ev of events) if (inZone(this.zoneId, ev)) out += boardFrame(ev);
    return out;
  }

  async project(batch: Batch): Promise<string> {
    return this.frames(batch.events);
  }

  async open(o: Opening, batch: Batch): Promise<string> {
    if (o.kind === 'reset') return resetFrame(o.head, batch.now);
    return o.kind === 'replay' ? this.frames(o.events) : '';
  }
}

export const displayScopeKey = (zoneId: number | null) => `display:${zoneId ?? 'all'}`;
