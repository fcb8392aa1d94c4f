import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMall, type TestMall } from '../../test/harness.js';

describe('error responses', () => {
  let t: TestMall;
  beforeAll(async () => {
    t = await createTestMall('sqlite');
  });
  afterAll(() => t.close());

  it('answers malformed JSON, huge bodies, wrong types and unknown routes with coded 4xx', async () => {
    const cases: {
      method: 'GET' | 'POST';
      url: string;
      payload?: string;
      headers?: Record<string, string>;
      status: number[];
    }[] = [
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: '{"username":',
        headers: { 'content-type': 'application/json' },
        status: [400],
      },
      {
        method: 'POST',
        url: `/api/v1/malls/${t.slug}/tickets`,
        payload: JSON.stringify({ serviceId: 1, source: 'kiosk', pad: 'x'.repeat(2_000_000) }),
        headers: { 'content-type': 'application/json' },
        status: [413],
      },
      {
        method: 'POST',
        url: `/api/v1/malls/${t.slug}/tickets`,
        payload: JSON.stringify({ serviceId: 1e20, source: 'kiosk' }),
        headers: { 'content-type': 'application/json' },
        status: [400],
      },
      {
        method: 'POST',
        url: `/api/v1/malls/${t.slug}/tickets`,
        payload: 'serviceId=1',
        headers: { 'content-type': 'text/plain' },
        status: [400, 415],
      },
      { method: 'GET', url: '/api/v1/nothing-here', status: [404] },
    ];
    for (const c of cases) {
      const res = await t.app.inject({
        method: c.method,
        url: c.url,
        payload: c.payload,
        headers: c.headers,
      });
      expect(c.status, `${c.method} ${c.url} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      const body = res.json();
      expect(body.error.code).toMatch(/^[A-Z_]+$/);
      expect(body.error.message.length).toBeGreaterThan(3);
      expect(body.error.requestId).toBeTruthy();
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('serves health, metrics and the OpenAPI document', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json().status).toBe('ok');
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).body).toMatch(/^# HELP satu_atap_/m);
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths).length).toBeGreaterThanOrEqual(20);
    expect(doc.paths['/api/v1/malls/{mall}/tickets']).toBeTruthy();
  });
});
