import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';

/**
 * What must follow when days become closed after the fact (a national holiday added, a mall's own
 * closure): bookings on those days are flagged and their citizens told (issue 11). Hooks run inside
 * the calendar change's transaction, so the change and its messages commit together. `mallId` null:
 * a national day, every mall.
 */
export type ClosedDaysHook = (
  ctx: AppContext,
  tx: Tx,
  mallId: number | null,
  days: readonly { date: string; name: string }[],
) => Promise<void>;

const hooks = new Map<string, ClosedDaysHook>();

export function onDaysClosed(name: string, hook: ClosedDaysHook): void {
  hooks.set(name, hook);
}

export async function daysClosed(
  ctx: AppContext,
  tx: Tx,
  mallId: number | null,
  days: readonly { date: string; name: string }[],
): Promise<void> {
  if (!days.length) return;
  for (const hook of hooks.values()) await hook(ctx, tx, mallId, days);
}
