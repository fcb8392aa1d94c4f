import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { startOutboxWorker } from './outbox.worker.js';
import { templatesRoutes } from './templates.routes.js';

/** The outbox's admin API, and its worker, which runs on every node from start-up until the app closes. */
export async function outboxRoutes(app: App, ctx: AppContext): Promise<void> {
  await templatesRoutes(app, ctx);
  const worker = startOutboxWorker(ctx);
  app.addHook('onClose', async () => worker.stop());
}
