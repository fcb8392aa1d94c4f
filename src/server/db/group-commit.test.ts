import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMall, dialects, kioskCaller, type TestMall } from '../../../test/harness.js';
import { verifyAudit } from '../audit/audit.js';
import { type MallRecord, resolveMall } from '../modules/malls/malls.service.js';
import { issueTicket } from '../modules/queue/tickets.service.js';

describe.each(dialects())('group commit on %s', (dialect) => {
  let t: TestMall;
  let mall: MallRecord;
  beforeAll(async () => {
    t = await createTestMall(dialect);
    mall = await resolveMall(t.ctx, t.slug);
  });
  afterAll(() => t.close());

  it('shares transactions, yet a refused ticket takes no number and the audit chain stays whole', async () => {
    const db = t.ctx.database.db;
    const service = await db
      .selectFrom('services')
      .select('id')
      .where('mall_id', '=', mall.id)
      .where('served_at_mall', '=', 1)
      .executeTakeFirstOrThrow();
    await db.updateTable('services').set({ daily_quota: 12 }).where('id', '=', service.id).execute();
    const before = { ...t.ctx.database.group.stats };
    // 30 at once, every third a priority ticket (audited): 12 fit the quota, 18 are refused.
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        issueTicket(t.ctx, mall, kioskCaller(mall.id), {
          serviceId: service.id,
          source: 'kiosk',
          priority: i % 3 === 0 ? 'disabled' : null,
        }),
      ),
    );
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code: string }] : []));
    expect(ok).toHaveLength(12);
    expect(refused.map((e) => e.code)).toEqual(Array(18).fill('QUOTA_EXHAUSTED'));
    expect(ok.map((x) => Number(x.number.split('-').pop())).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const stats = t.ctx.database.group.stats;
    expect(stats.writes - before.writes).toBe(12);
    expect(stats.batches - before.batches).toBeLessThan(12);
    expect((await verifyAudit(db, mall.id)).ok).toBe(true);
  });
});
