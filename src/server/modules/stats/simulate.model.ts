import type { StandardBody } from '../../../shared/contracts/catalog.js';
import type { AppContext } from '../../context.js';
import { mulberry32, type Rng } from './simulate.random.js';
import { currentStandards, openCounterServices } from './stats.repo.js';

/** A service as the simulator sees it: its true mean service minutes and how often citizens want it. */
export interface SimService {
  id: number;
  meanMinutes: number;
  weight: number;
}

export interface SimCounter {
  id: number;
  serviceIds: number[];
}

export interface SimModel {
  services: SimService[];
  counters: SimCounter[];
}

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();

/**
 * The mall's demand and service times, fixed by `seed` for every simulated day. A service's true time
 * is its published minutes (kept within 4–30) or, when the standard counts working days (back-office
 * work), a draw of 6–16 minutes at the counter; so the estimator has to learn most times from history.
 * Each agency gets demand in proportion to its counters' capacity, times a random 0.7–1.3, so some
 * queues run hot at the morning peak.
 */
export async function buildModel(ctx: AppContext, mallId: number, seed: number): Promise<SimModel> {
  const rng = mulberry32(seed ^ 0x5eed);
  const db = ctx.database.db;
  const rows = await openCounterServices(db, mallId);
  const counters = new Map<number, SimCounter>();
  const countersOfAgency = new Map<number, Set<number>>();
  const agencyOf = new Map<number, number>();
  for (const r of rows) {
    const c = counters.get(r.counterId) ?? { id: r.counterId, serviceIds: [] };
    c.serviceIds.push(r.service_id);
    counters.set(r.counterId, c);
    countersOfAgency.set(r.agencyId, (countersOfAgency.get(r.agencyId) ?? new Set()).add(r.counterId));
    agencyOf.set(r.service_id, r.agencyId);
  }
  const standards = await currentStandards(db, mallId);
  const minutesOf = new Map<number, number>();
  for (const s of standards) {
    if (!agencyOf.has(s.service_id)) continue;
    const t = (JSON.parse(s.body) as StandardBody).completionTime;
    minutesOf.set(
      s.service_id,
      t.unit === 'minutes' ? Math.min(30, Math.max(4, t.value)) : Math.round(between(rng, 6, 16)),
    );
  }
  const services: SimService[] = [];
  for (const [agencyId, counterIds] of [...countersOfAgency.entries()].sort(([a], [b]) => a - b)) {
    const ids = [...agencyOf.entries()].filter(([, a]) => a === agencyId).map(([s]) => s);
    const mean = ids.reduce((s, id) => s + (minutesOf.get(id) ?? 10), 0) / ids.length;
    const agencyWeight = (counterIds.size / mean) * between(rng, 0.7, 1.3);
    const split = ids.map(() => between(rng, 0.5, 1.5));
    const splitSum = split.reduce((s, x) => s + x, 0);
    for (const [i, id] of ids.entries()) {
      services.push({
        id,
        meanMinutes: minutesOf.get(id) ?? 10,
        weight: (agencyWeight * split[i]!) / splitSum,
      });
    }
  }
  return { services, counters: [...counters.values()] };
}
