import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { seedDemoMall } from '../../seed/demo.js';

describe.each(dialects())('many malls in one deployment on %s', (dialect) => {
  let t: TestMall;
  const other = `other-${Date.now().toString(36)}-${dialect}`;
  beforeAll(async () => {
    t = await createTestMall(dialect);
    await seedDemoMall(t.ctx.database, 'other-pass-123', { slug: other, usernameSuffix: other });
  });
  afterAll(() => t.close());

  it('keeps catalogs apart', async () => {
    const mine = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services?limit=500` })
    ).json();
    const theirs = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${other}/services?limit=500` })
    ).json();
    const mineIds = new Set(mine.items.map((s: { id: number }) => s.id));
    expect(theirs.items.some((s: { id: number }) => mineIds.has(s.id))).toBe(false);
    // A service id of one mall is unknown in the other.
    const id = theirs.items[0].id;
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services/${id}` })).statusCode,
    ).toBe(404);
  });

  it('answers 404 MALL_NOT_FOUND for a mall name no slug can be, without asking the database', async () => {
    // Found by the fuzz test: on PostgreSQL text it refuses (a NUL byte) in the mall's name was a 500;
    // NUL is now refused for every input (errors.http.test.ts), and only a slug is ever looked up.
    for (const name of ['DEMO', '..%2Fx', 'a%20b', '%F0%9F%98%80', `${'a'.repeat(65)}`]) {
      for (const [method, path] of [
        ['GET', ''],
        ['GET', '/agencies'],
        ['POST', '/candidates/1/inputs'],
      ] as const) {
        const res = await t.app.inject({ method, url: `/api/v1/malls/${name}${path}` });
        expect([res.statusCode, res.json().error?.code], `${name}${path}`).toEqual([404, 'MALL_NOT_FOUND']);
      }
    }
  });

  it('stops a mall admin at the border of their mall', async () => {
    const admin = await t.login('admin');
    const theirAgencies = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${other}/agencies` })
    ).json().items;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/malls/${other}/agencies/${theirAgencies[0].id}`,
      headers: bearer(admin),
      payload: { hotline: 'x' },
    });
    expect(patch.statusCode).toBe(403);
    const users = await t.app.inject({
      method: 'GET',
      url: `/api/v1/malls/${other}/users`,
      headers: bearer(admin),
    });
    expect(users.statusCode).toBe(403);
    // Using the other mall's agency id under one's own mall finds nothing.
    const cross = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/malls/${t.slug}/agencies/${theirAgencies[0].id}`,
      headers: bearer(admin),
      payload: { hotline: 'x' },
    });
    expect(cross.statusCode).toBe(404);
  });

  it('lets only the national admin open a new mall, with default hours and its own zones', async () => {
    const slug = `new-${Date.now().toString(36)}-${dialect}`;
    const body = { slug, name: 'MPP Kabupaten Baru', timezone: 'Asia/Makassar', address: 'Jl. Baru 1' };
    const admin = await t.login('admin');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/malls', headers: bearer(admin), payload: body }))
        .statusCode,
    ).toBe(403);
    const national = await t.login('national');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/malls',
      headers: bearer(national),
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'preparing',
      slug,
      timezone: 'Asia/Makassar',
      workingWeekdays: [1, 2, 3, 4, 5],
    });
    // A mall in preparation shows its hours to its staff only (issue 14).
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/malls/${slug}/opening-hours` });
    expect(anonymous.json().error.code).toBe('MALL_NOT_OPEN');
    const hours = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/malls/${slug}/opening-hours`,
        headers: bearer(national),
      })
    ).json();
    expect(hours.days.find((d: { weekday: number }) => d.weekday === 5).breaks[0].label).toMatch(/Jumat/);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/malls', headers: bearer(national), payload: body }))
        .statusCode,
    ).toBe(409);
    const zone = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${slug}/zones`,
      headers: bearer(national),
      payload: { slug: 'lantai-1', name: 'Lantai 1' },
    });
    expect(zone.statusCode).toBe(201);
    const stream = await t.app.inject({
      method: 'GET',
      url: `/api/v1/malls/${slug}/displays/nowhere/state`,
      headers: bearer(national),
    });
    expect(stream.statusCode).toBe(404);
  });
});
