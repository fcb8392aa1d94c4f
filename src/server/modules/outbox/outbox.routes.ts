import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { outboxAdminRoutes } from './outbox.admin.routes.js';
import { startOutboxWorker } from './outbox.worker.js';
import { startRetentionJob } from './retention.service.js';
import { templatesRoutes } from './templates.routes.js';

/**
 * The outbox's admin API, its worker (drains the outbox on every node from start-up until the app
 * closes) and the hourly erasure of expired addresses and deletion of old messages.
 */
export async function outboxRoutes(app: App, ctx: AppContext): Promise<void> {
  await templatesRoutes(app, ctx);
  await outboxAdminRoutes(app, ctx);
  const worker = startOutboxWorker(ctx);
  const stopRetention = startRetentionJob(ctx, { deleteOld: ctx.config.NODE_ENV !== 'test' });
  app.addHook('onClose', async () => {
    await worker.stop();
    await stopRetention();
  });
}
