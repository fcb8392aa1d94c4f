import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { startOutboxWorker } from './outbox.worker.js';

/** The outbox's worker runs on every node from start-up until the app closes. */
export async function outboxRoutes(app: App, ctx: AppContext): Promise<void> {
  const worker = startOutboxWorker(ctx);
  app.addHook('onClose', async () => worker.stop());
}
