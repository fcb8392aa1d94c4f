import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { recentMinutesByService } from './eta.repo.js';

describe.each(dialects())('recent service minutes on %s', (dialect) => {
  let t: TestMall;
  let mallId: number;
  let busy: number;
  let rare: number;
  const base = Date.parse('2026-11-02T01:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString();

  beforeAll(async () => {
    t = await createTestMall(dialect);
    const db = t.ctx.database.db;
    mallId = (await db.selectFrom('malls').select('id').where('slug', '=', t.slug).executeTakeFirstOrThrow())
      .id;
    const services = await db
      .selectFrom('services')
      .select('id')
      .where('mall_id', '=', mallId)
      .orderBy('id')
      .execute();
    busy = services[0]!.id;
    rare = services[1]!.id;
    // The rare service: three citizens long ago (4, 5 and 6 minutes) and one never called. Then a
    // hundred of the busy service, each i minutes at the counter, the newest last.
    const row = (serviceId: number, i: number, at: number, minutes: number | null) => ({
      mall_id: mallId,
      service_id: serviceId,
      number: `Z-${i}`,
      local_date: iso(at).slice(0, 10),
      status: 'done',
      source: 'kiosk',
      tracking_code: `${t.slug}-${serviceId}-${i}`,
      issued_at: iso(at),
      queued_at: iso(at),
      called_at: minutes === null ? null : iso(at + 60_000),
      finished_at: iso(at + 60_000 + (minutes ?? 1) * 60_000),
    });
    await db
      .insertInto('tickets')
      .values([
        row(rare, 1, base, 4),
        row(rare, 2, base + 60_000, 5),
        row(rare, 3, base + 120_000, 6),
        row(rare, 4, base + 180_000, null),
        ...Array.from({ length: 100 }, (_, i) => row(busy, i + 1, base + 86_400_000 + i * 600_000, i + 1)),
      ])
      .execute();
  });
  afterAll(() => t.close());

  it('gives each service its own latest, newest first, however busy the others are', async () => {
    const got = await recentMinutesByService(t.ctx.database.db, mallId, [busy, rare]);
    expect(got.get(busy)).toEqual(Array.from({ length: 30 }, (_, i) => 100 - i));
    expect(got.get(rare)).toEqual([6, 5, 4]);
    const few = await recentMinutesByService(t.ctx.database.db, mallId, [rare, busy, rare], 2);
    expect(few.get(busy)).toEqual([100, 99]);
    expect(few.get(rare)).toEqual([6, 5]);
    expect((await recentMinutesByService(t.ctx.database.db, mallId, [])).size).toBe(0);
  });
});
