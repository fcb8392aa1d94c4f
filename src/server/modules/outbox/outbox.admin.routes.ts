import { z } from 'zod';
import { Id } from '../../../shared/contracts/catalog.js';
import { OutboxListQuery, OutboxMessage } from '../../../shared/contracts/outbox.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as service from './outbox.admin.service.js';

const tags = ['outbox'];
const Counts = z.object({ pending: z.number(), sent: z.number(), failed: z.number(), cancelled: z.number() });

/** The admin's view of outgoing messages (addresses masked) and the retry of a failed one. */
export async function outboxAdminRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/outbox/messages',
    {
      config: { access: 'staff', action: 'outbox.read' },
      schema: {
        tags,
        summary: 'Outgoing messages, newest first, with their delivery log (addresses masked)',
        params: MallParams,
        querystring: OutboxListQuery,
        response: { 200: z.object({ items: z.array(OutboxMessage), counts: Counts }) },
      },
    },
    async (req) => {
      guard(req, 'outbox.read', { mallId: req.mall.id });
      return service.listOutboxMessages(ctx, req.mall, req.query);
    },
  );

  app.post(
    '/api/v1/malls/:mall/outbox/messages/:id/retry',
    {
      config: { access: 'staff', action: 'outbox.manage' },
      schema: {
        tags,
        summary: 'Send a failed message again (back to pending with a fresh count of tries; audited)',
        params: MallParams.extend({ id: Id }),
        response: { 200: OutboxMessage },
      },
    },
    async (req) => {
      const actor = guard(req, 'outbox.manage', { mallId: req.mall.id });
      return service.retryOutboxMessage(ctx, actor, req.mall, req.params.id);
    },
  );
}
