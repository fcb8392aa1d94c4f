import client from 'prom-client';
import type { AppContext } from '../../context.js';
import { pendingByChannel } from './outbox.repo.js';
import { onOutboxOutcome } from './outbox.worker.js';

/** Outbox metrics: tries this node recorded per channel and outcome, and what waits (all nodes). */
export function registerOutboxMetrics(registry: client.Registry, ctx: AppContext): void {
  const counters = {
    sent: new client.Counter({
      name: 'satu_atap_outbox_sent_total',
      help: 'Messages this node delivered, by channel',
      labelNames: ['channel'],
      registers: [registry],
    }),
    failed: new client.Counter({
      name: 'satu_atap_outbox_failed_total',
      help: 'Messages this node marked failed for good (tries used up or refused), by channel',
      labelNames: ['channel'],
      registers: [registry],
    }),
    retry: new client.Counter({
      name: 'satu_atap_outbox_retries_total',
      help: 'Failed tries this node scheduled again, by channel',
      labelNames: ['channel'],
      registers: [registry],
    }),
  };
  onOutboxOutcome(ctx, (channel, kind) => counters[kind].inc({ channel }));
  new client.Gauge({
    name: 'satu_atap_outbox_pending',
    help: 'Messages waiting to be sent (every node’s), by channel',
    labelNames: ['channel'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { channel, n } of await pendingByChannel(ctx.database.db)) this.set({ channel }, n);
    },
  });
}
