import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMall, type TestMall } from '../../../../test/harness.js';
import type { Actor } from '../../auth/policy.js';
import { resolveMall } from '../malls/malls.service.js';
import { localInstant, simulateDay } from './simulate.js';
import { buildModel } from './simulate.model.js';
import { arrivals, mulberry32 } from './simulate.random.js';

describe('queue simulator', () => {
  let t: TestMall;
  beforeAll(async () => {
    t = await createTestMall('sqlite', { start: new Date('2026-03-02T00:00:00Z') });
  });
  afterAll(() => t.close());

  it('draws the same arrivals for the same seed', () => {
    const a = arrivals(mulberry32(7), 600, 8);
    expect(arrivals(mulberry32(7), 600, 8)).toEqual(a);
    expect(a.length).toBeGreaterThan(500);
    expect(a.length).toBeLessThan(700);
    expect(a.every((m) => m >= 0 && m < 480)).toBe(true);
  });

  it('finds the UTC instant of a local time', () => {
    expect(new Date(localInstant('2026-03-02', '08:00', 'Asia/Jakarta')).toISOString()).toBe(
      '2026-03-02T01:00:00.000Z',
    );
    expect(new Date(localInstant('2026-03-02', '06:00', 'Asia/Jayapura')).toISOString()).toBe(
      '2026-03-01T21:00:00.000Z',
    );
  });

  it('replays a short day through the real services and measures the estimate', async () => {
    const mall = await resolveMall(t.ctx, t.slug);
    const admin = await t.ctx.database.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('mall_id', '=', mall.id)
      .where('role', '=', 'mall_admin')
      .executeTakeFirstOrThrow();
    const actor: Actor = { ...admin, role: 'mall_admin', mallId: mall.id, agencyId: null, counterIds: [] };
    const model = await buildModel(t.ctx, mall.id, 1);
    expect(model.counters.length).toBe(22);
    const r = await simulateDay(
      { ctx: t.ctx, setNow: t.setNow, mall, actor, model },
      { date: '2026-03-02', seed: 1, citizens: 80, hours: 2 },
    );
    expect(r.issued).toBeGreaterThan(40);
    expect(r.called).toBe(r.issued);
    expect(r.maeMinutes).toBeGreaterThanOrEqual(0);
    expect(r.meanActualWaitMinutes).toBeGreaterThanOrEqual(0);
    const closed = await t.ctx.database.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('mall_id', '=', mall.id)
      .where('status', 'in', ['waiting', 'called', 'serving'])
      .executeTakeFirstOrThrow();
    expect(Number(closed.n)).toBe(0);
  });
});
