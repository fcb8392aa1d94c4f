import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMall, dialects, kioskCaller, type TestMall } from '../../../../test/harness.js';
import type { Actor } from '../../auth/policy.js';
import { bootContext } from '../../boot.js';
import type { AppContext } from '../../context.js';
import { type MallRecord, resolveMall } from '../malls/malls.service.js';
import { mulberry32 } from '../stats/simulate.random.js';
import { callNext } from './counter-actions.service.js';
import { positionAndEta, positionAndEtaFromDb } from './positions.js';
import * as repo from './queue.repo.js';
import { ticketAction } from './ticket-actions.service.js';
import { issueTicket } from './tickets.service.js';

// 2026-11-23 is a Monday; 01:30 UTC is 08:30 WIB.
const START = new Date('2026-11-23T01:30:00Z');

/** Every waiting ticket of the mall: the index's answer must equal the one read from the tables. */
async function expectIndexMatchesTables(ctx: AppContext, mallId: number, now: Date) {
  const waiting = await ctx.database.db
    .selectFrom('tickets')
    .select('id')
    .where('mall_id', '=', mallId)
    .where('status', '=', 'waiting')
    .execute();
  for (const { id } of waiting) {
    const t = (await repo.findTicket(ctx.database.db, mallId, id))!;
    const fromIndex = await positionAndEta(ctx, t, now);
    const fromTables = await positionAndEtaFromDb(ctx.database.db, t, now);
    expect({ id, ...fromIndex }).toEqual({ id, ...fromTables });
  }
  return waiting.length;
}

describe.each(dialects())('queue index on %s', (dialect) => {
  let t: TestMall;
  let mall: MallRecord;
  let actor: Actor;
  let now = START;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: START });
    mall = await resolveMall(t.ctx, t.slug);
    const admin = await t.ctx.database.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('mall_id', '=', mall.id)
      .where('role', '=', 'mall_admin')
      .executeTakeFirstOrThrow();
    actor = { ...admin, role: 'mall_admin', mallId: mall.id, agencyId: null, counterIds: [] };
  });
  afterAll(() => t.close());

  it('answers exactly what the tables answer through issues, priority, calls, transfers and finishes', async () => {
    const db = t.ctx.database.db;
    // The queue group with the most services, and the counters that call it.
    const services = await db
      .selectFrom('services')
      .select(['id', 'queue_prefix'])
      .where('mall_id', '=', mall.id)
      .where('served_at_mall', '=', 1)
      .execute();
    const byPrefix = new Map<string, number[]>();
    for (const s of services) byPrefix.set(s.queue_prefix, [...(byPrefix.get(s.queue_prefix) ?? []), s.id]);
    const group = [...byPrefix.values()].sort((a, b) => b.length - a.length)[0]!;
    const counters = await db
      .selectFrom('counter_services')
      .select('counter_id')
      .distinct()
      .where('service_id', 'in', group)
      .execute();
    const random = mulberry32(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const active: number[] = [];
    let checked = 0;
    for (let step = 0; step < 45; step++) {
      now = new Date(now.getTime() + Math.floor(random() * 4 * 60_000));
      t.setNow(now);
      const r = random();
      if (r < 0.55) {
        const priority = random() < 0.3 ? 'elderly' : null;
        await issueTicket(t.ctx, mall, kioskCaller(mall.id), {
          serviceId: pick(group),
          source: 'kiosk',
          priority,
        });
      } else if (r < 0.8) {
        const called = await callNext(t.ctx, mall, actor, pick(counters).counter_id);
        if (called) active.push(called.id);
      } else if (active.length) {
        const id = active.shift()!;
        if (r < 0.87)
          await ticketAction(t.ctx, mall, actor, id, 'transfer', {
            transfer: { serviceId: pick(group), returnToCounter: false },
          });
        else await ticketAction(t.ctx, mall, actor, id, 'finish', { finish: { outcome: 'done' } });
      }
      checked += await expectIndexMatchesTables(t.ctx, mall.id, now);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it.runIf(dialect === 'postgres')('keeps a second node current from NOTIFY', async () => {
    const other = await bootContext(t.ctx.config, pino({ level: 'silent' }), { seed: false, now: () => now });
    try {
      const svc = (
        await db0()
          .selectFrom('services')
          .select('id')
          .where('mall_id', '=', mall.id)
          .executeTakeFirstOrThrow()
      ).id;
      // The second node indexes the mall first, then the first node changes it.
      const before = await issueTicket(t.ctx, mall, kioskCaller(mall.id), {
        serviceId: svc,
        source: 'kiosk',
      });
      await expectIndexMatchesTables(other.ctx, mall.id, now);
      await issueTicket(t.ctx, mall, kioskCaller(mall.id), {
        serviceId: svc,
        source: 'kiosk',
        priority: 'pregnant',
      });
      expect(before.position).not.toBeNull();
      expect(await expectIndexMatchesTables(other.ctx, mall.id, now)).toBeGreaterThan(1);
    } finally {
      await other.ctx.hub.stop();
      await other.ctx.database.close();
    }
  });
  const db0 = () => t.ctx.database.db;
});
