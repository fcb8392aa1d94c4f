import { QueueStats, QueueStatsQuery } from '../../../shared/contracts/stats.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { queueStats } from './stats.service.js';

export async function statsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/stats/queue',
    {
      config: { access: 'staff', action: 'queue.read' },
      schema: {
        tags: ['stats'],
        summary:
          'Queue statistics from the ticket event log: counts, waiting/walking/service times, priority rule, counters, hours (staff)',
        params: MallParams,
        querystring: QueueStatsQuery,
        response: { 200: QueueStats },
      },
    },
    async (req) => {
      const mall = req.mall;
      guard(req, 'queue.read', { mallId: mall.id });
      return queueStats(ctx, mall, req.query);
    },
  );
}
