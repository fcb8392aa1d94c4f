import client from 'prom-client';
import type { AppContext } from './context.js';
import type { App } from './http.js';
import { registerOutboxMetrics } from './modules/outbox/outbox.metrics.js';

/** Prometheus metrics: process defaults, HTTP latency per route, live SSE connections. */
export function registerMetrics(app: App, ctx: AppContext): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const http = new client.Histogram({
    name: 'satu_atap_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'satu_atap_live_connections',
    help: 'Server-Sent Events connections held by this node',
    registers: [registry],
    collect() {
      this.set(ctx.hub.subscriberCount());
    },
  });
  const group = ctx.database.group.stats;
  new client.Gauge({
    name: 'satu_atap_group_commit_batches',
    help: 'Durable transactions committed by group commit since start',
    registers: [registry],
    collect() {
      this.set(group.batches);
    },
  });
  new client.Gauge({
    name: 'satu_atap_group_commit_writes',
    help: 'Queue writes carried by those transactions (writes / batches = sharing)',
    registers: [registry],
    collect() {
      this.set(group.writes);
    },
  });
  registerOutboxMetrics(registry, ctx);
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    http.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get(
    '/metrics',
    { config: { access: 'public', action: 'public.read' }, schema: { hide: true } },
    async (_req, reply) => {
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );
}
