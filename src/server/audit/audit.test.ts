import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../test/harness.js';
import { verifyAudit } from './audit.js';

describe.each(dialects())('audit chain on %s', (dialect) => {
  let t: TestMall;
  beforeAll(async () => {
    t = await createTestMall(dialect);
  });
  afterAll(() => t.close());

  it('writes an audit row with before/after for an update, in the same transaction', async () => {
    const admin = await t.login('admin');
    const agencies = (await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/agencies` })).json()
      .items;
    const id = agencies[0].id;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/malls/${t.slug}/agencies/${id}`,
      headers: bearer(admin),
      payload: { hotline: '0800-123' },
    });
    expect(res.statusCode).toBe(200);
    const row = await t.ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'agency')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'agency.update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.after ?? '{}').hotline).toBe('0800-123');
    expect(JSON.parse(row.before ?? '{}').hotline).not.toBe('0800-123');
  });

  it('detects an edited row and a deleted row', async () => {
    const db = t.ctx.database.db;
    const mall = await db
      .selectFrom('malls')
      .select('id')
      .where('slug', '=', t.slug)
      .executeTakeFirstOrThrow();
    const ok = await verifyAudit(db);
    expect(
      ok.problems.filter((p) => p.startsWith(`chain ${mall.id}:`) || p.startsWith(`chain ${mall.id} `)),
    ).toEqual([]);
    const victim = await db
      .selectFrom('audit_log')
      .select(['id', 'seq'])
      .where('chain', '=', mall.id)
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('audit_log')
      .set({ after: '{"name":"forged"}' })
      .where('id', '=', victim.id)
      .execute();
    const edited = await verifyAudit(db);
    expect(edited.problems.some((p) => p.includes(`chain ${mall.id} seq 3: row was edited`))).toBe(true);
    await sql`DELETE FROM audit_log WHERE chain = ${mall.id} AND seq = 5`.execute(db);
    const deleted = await verifyAudit(db);
    expect(deleted.problems.some((p) => p.includes(`chain ${mall.id}: row seq 5 missing`))).toBe(true);
  });

  it('serves the trail and its check to auditors, not to officers', async () => {
    const auditor = await t.login('auditor');
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/malls/${t.slug}/audit?entity=agency&limit=5`,
      headers: bearer(auditor),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(list.json().items.every((r: { entity: string }) => r.entity === 'agency')).toBe(true);
    const officer = await t.login('petugas');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/audit`, headers: bearer(officer) }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/audit` })).statusCode).toBe(
      401,
    );
    const check = await t.app.inject({
      method: 'GET',
      url: `/api/v1/malls/${t.slug}/audit/verify`,
      headers: bearer(auditor),
    });
    expect(check.json().chains).toBe(1);
  });
});
