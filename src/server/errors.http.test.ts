import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, type TestMall } from '../../test/harness.js';

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
