import { PushPublicKey } from '../../../shared/contracts/push.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { ensurePushKeys, vapidSubject } from './push.service.js';

/**
 * Web Push for the citizen's ticket page. The VAPID key pair is made (or loaded) here at start-up,
 * so the 'webpush' outbox channel is ready on this node before the first message.
 */
export async function pushRoutes(app: App, ctx: AppContext): Promise<void> {
  await ensurePushKeys(ctx);
  if (!vapidSubject(ctx.config).configured)
    ctx.log.warn(
      'web push: set PUSH_SUBJECT (or MAIL_FROM, or an https PUBLIC_URL) so push services can reach you',
    );

  app.get(
    '/api/v1/malls/:mall/push/public-key',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['push'],
        summary:
          'The VAPID public key browsers subscribe with (one per installation: every mall shares the origin and its service worker)',
        params: MallParams,
        response: { 200: PushPublicKey },
      },
    },
    async () => ({ publicKey: (await ensurePushKeys(ctx)).publicKey }),
  );
}
