import { z } from 'zod';
import { NotifyInput, NotifyStopQuery, NotifySubscription } from '../../../shared/contracts/notifications.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as service from './notifications.service.js';

const NotifyParams = MallParams.extend({ trackingCode: z.string().min(1).max(64) });
const tags = ['notifications'];

/**
 * "Beri tahu saya" on the citizen's ticket: public by the ticket's tracking code (the code is the
 * credential, like the ticket page); anonymous writes are rate-limited per address (rate-limits.ts).
 */
export async function notificationsRoutes(app: App, ctx: AppContext): Promise<void> {
  const stopEraser = service.startNotificationEraser(ctx, ctx.config.OUTBOX_ADDRESS_RETENTION_DAYS);
  app.addHook('onClose', async () => stopEraser());

  app.post(
    '/api/v1/malls/:mall/tickets/:trackingCode/notify',
    {
      config: { access: 'public', action: 'ticket.follow' },
      schema: {
        tags,
        summary:
          'Ask to be told by WhatsApp, SMS, e-mail or web push when few people are ahead and when called (201; asking again on a channel replaces it: 200)',
        params: NotifyParams,
        body: NotifyInput,
        response: { 200: NotifySubscription, 201: NotifySubscription },
      },
    },
    async (req, reply) => {
      const r = await service.subscribe(ctx, req.mall, req.params.trackingCode, req.body);
      return reply.status(r.created ? 201 : 200).send(r.subscription);
    },
  );

  app.delete(
    '/api/v1/malls/:mall/tickets/:trackingCode/notify',
    {
      config: { access: 'public', action: 'ticket.follow' },
      schema: {
        tags,
        summary: 'Stop the notifications of one channel (204, also when there were none)',
        params: NotifyParams,
        querystring: NotifyStopQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.unsubscribe(ctx, req.mall, req.params.trackingCode, req.query.channel);
      return reply.status(204).send(null);
    },
  );
}
