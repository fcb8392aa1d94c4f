import type { AppContext } from '../../context.js';
import { eraseFinishedAddresses } from './outbox.repo.js';

/**
 * Phone numbers and e-mail addresses are kept only while a message may still be sent: once it is
 * finished (sent, failed, cancelled) for OUTBOX_ADDRESS_RETENTION_DAYS, the address is erased and
 * only its masked form stays. Other modules that keep addresses for the outbox (the notify
 * subscriptions) register an eraser here and are run on the same schedule with the same cut-off.
 */
export type AddressEraser = (ctx: AppContext, before: string, now: string) => Promise<number>;

const erasers = new Map<string, AddressEraser>([
  ['outbox_messages', (ctx, before, now) => eraseFinishedAddresses(ctx.database.db, before, now)],
]);

export function registerAddressEraser(name: string, eraser: AddressEraser): void {
  erasers.set(name, eraser);
}

/** Runs every eraser once; answers how many addresses each erased. */
export async function eraseExpiredAddresses(ctx: AppContext): Promise<Record<string, number>> {
  const now = ctx.now();
  const before = new Date(
    now.getTime() - ctx.config.OUTBOX_ADDRESS_RETENTION_DAYS * 86_400_000,
  ).toISOString();
  const out: Record<string, number> = {};
  for (const [name, erase] of erasers) out[name] = await erase(ctx, before, now.toISOString());
  return out;
}

/** At start-up, then hourly; returns the function that stops it. Idempotent on any number of nodes. */
export function startRetentionJob(ctx: AppContext, everyMs = 3_600_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => eraseExpiredAddresses(ctx))
      .then((n) => {
        if (Object.values(n).some((x) => x > 0))
          ctx.log.info({ erased: n }, 'outbox: expired addresses erased');
      })
      .catch((err: unknown) =>
        ctx.log.warn({ err }, 'outbox: erasing expired addresses failed; next hour again'),
      );
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
