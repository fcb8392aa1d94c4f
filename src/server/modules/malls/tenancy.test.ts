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
});
