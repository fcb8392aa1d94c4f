import type { z } from 'zod';
import type {
  Outcome,
  Priority,
  Ticket,
  TicketSource,
  TicketStatus,
} from '../../../shared/contracts/queue.js';
import type { TicketView } from './queue.repo.js';

export function toTicketDto(
  t: TicketView,
  position: number | null,
  eta: number | null,
): z.infer<typeof Ticket> {
  return {
    id: t.id,
    number: t.number,
    serviceId: t.service_id,
    serviceName: t.service_name,
    queuePrefix: t.queue_prefix,
    status: t.status as z.infer<typeof TicketStatus>,
    priority: t.priority as z.infer<typeof Priority> | null,
    source: t.source as z.infer<typeof TicketSource>,
    position,
    estimatedWaitMinutes: eta,
    trackingCode: t.tracking_code,
    issuedAt: t.issued_at,
    calledAt: t.called_at,
    counter:
      t.counter_id && t.counter_number !== null
        ? { id: t.counter_id, number: t.counter_number, name: t.counter_name ?? '' }
        : null,
    outcome: t.outcome as z.infer<typeof Outcome> | null,
    visitId: t.visit_id,
  };
}
