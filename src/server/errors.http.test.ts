import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../test/harness.js';

/** Every error the API gives, the framework's own included, has the one shape and a 4xx status. */
describe('error shape', () => {
  let t: TestMall;
  beforeAll(async () => {
    t = await createTestMall('sqlite');
  });
  afterAll(() => t.close());

  const expectShape = (res: { statusCode: number; json(): unknown }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    const body = res.json() as { error: { code: string; message: string; requestId: string } };
    expect(body.error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
    expect(Object.keys(body)).toEqual(['error']);
  };

  it('answers a malformed URL with BAD_URL', async () => {
    expectShape(await t.app.inject({ url: '/api/v1/malls/%E0%A4%A/agencies' }), 400, 'BAD_URL');
  });

  it('answers an over-long path parameter with URI_TOO_LONG', async () => {
    const res = await t.app.inject({ url: `/api/v1/malls/${t.slug}/agencies/${'9'.repeat(3000)}` });
    expectShape(res, 414, 'URI_TOO_LONG');
    expect(res.body.length).toBeLessThan(1000);
  });

  it('answers a static file path the file system refuses with FORBIDDEN, not BAD_REQUEST with a 403', async () => {
    // Found by the fuzz test: Fastify's 401/403 errors had the code of a 400.
    expectShape(await t.app.inject({ url: `/docs/static/${'z'.repeat(3000)}` }), 403, 'FORBIDDEN');
  });

  it('answers bad JSON, a wrong content type and an unknown route in the same shape', async () => {
    const url = '/api/v1/auth/login';
    const headers = { 'content-type': 'application/json' };
    expectShape(await t.app.inject({ method: 'POST', url, headers, payload: '{bad' }), 400, 'INVALID_JSON');
    expectShape(
      await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'text/x-foo' }, payload: 'a' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectShape(await t.app.inject({ method: 'DELETE', url: '/api/v1/malls' }), 404, 'ROUTE_NOT_FOUND');
    expectShape(await t.app.inject({ url: '/api/v1/nope' }), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers out-of-range and impossible dates with 400', async () => {
    const base = `/api/v1/malls/${t.slug}/calendar/working-days`;
    for (const q of [
      'from=9999-12-31&add=5',
      'from=0000-01-01&add=1',
      'from=2026-02-31&add=1',
      'from=2199-12-31&add=3650',
    ]) {
      const res = await t.app.inject({ url: `${base}?${q}` });
      if (q.startsWith('from=2199')) expect(res.statusCode).toBe(200);
      else expectShape(res, 400, 'VALIDATION_FAILED');
    }
    const admin = await t.login('admin');
    const res = await t.app.inject({
      url: `/api/v1/malls/${t.slug}/stats/queue?from=9999-12-30&to=9999-12-31`,
      headers: bearer(admin),
    });
    expectShape(res, 400, 'VALIDATION_FAILED');
  });
});

/** Input the database itself refuses: found by the fuzz test as 500s on PostgreSQL. */
describe.each(dialects())('what the database refuses on %s', (dialect) => {
  let t: TestMall;
  beforeAll(async () => {
    t = await createTestMall(dialect);
  });
  afterAll(() => t.close());

  it('answers the same create sent three times at once with one 201 and 409s for the others', async () => {
    // A double click: requests that pass the service's duplicate check together meet the unique
    // index (PostgreSQL): 409 CONFLICT, like the check's own 409 SLUG_TAKEN.
    const admin = await t.login('admin');
    for (let round = 0; round < 3; round++) {
      const key = `race-${round}-${Date.now().toString(36)}`;
      const all = await Promise.all(
        [1, 2, 3].map(() =>
          t.app.inject({
            method: 'POST',
            url: `/api/v1/malls/${t.slug}/agencies`,
            headers: bearer(admin),
            payload: { key, name: 'Dinas Balapan', type: 'regency_office' },
          }),
        ),
      );
      const got = all.map((r) =>
        r.statusCode === 201 ? 'created' : `${r.statusCode} ${r.json().error.code}`,
      );
      expect(
        got.filter((c) => c === 'created'),
        got.join(),
      ).toHaveLength(1);
      expect(
        got.every((c) => ['created', '409 CONFLICT', '409 SLUG_TAKEN'].includes(c)),
        got.join(),
      ).toBe(true);
    }
  });

  it('refuses text with a NUL character with 400 VALIDATION_FAILED in a path, a query and a JSON body', async () => {
    // PostgreSQL refuses NUL in text outright: these were 500s there (SQLite stored them).
    const admin = await t.login('admin');
    const zoneId =
      (await t.app.inject({ url: `/api/v1/malls/${t.slug}/zones` })).json().items?.[0]?.slug ?? 'x';
    for (const req of [
      { url: `/api/v1/malls/${t.slug}/displays/a%00b/state` },
      { url: `/api/v1/malls/${t.slug}/displays/a%00b/stream` },
      { url: `/api/v1/malls/${t.slug}/tickets/AB%00CD` },
      { url: `/api/v1/malls/${t.slug}/services?q=ktp%00` },
      {
        method: 'POST' as const,
        url: `/api/v1/malls/${t.slug}/zones`,
        headers: bearer(admin),
        payload: { slug: `z-${zoneId}`, name: 'Lantai\u00002' },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/malls/${t.slug}/complaints`,
        payload: {
          type: 'complaint',
          title: 'Antrean',
          body: 'Lama sekali\u0000',
          reporter: { name: 'a\u0000' },
        },
      },
    ]) {
      const res = await t.app.inject(req);
      expect([res.statusCode, res.json().error?.code], req.url).toEqual([400, 'VALIDATION_FAILED']);
    }
  });
});
