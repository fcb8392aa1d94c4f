import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, PASSWORD, type TestMall } from '../../../../test/harness.js';

describe.each(dialects())('auth and staff on %s', (dialect) => {
  let t: TestMall;
  beforeAll(async () => {
    t = await createTestMall(dialect);
  });
  afterAll(() => t.close());
  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('logs in with {token, user} and rejects a wrong password with a code', async () => {
    const ok = await login(t.user('admin'), PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.role).toBe('mall_admin');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: bearer(ok.json().token),
    });
    expect(me.json().username).toBe(t.user('admin'));
    const bad = await login(t.user('admin'), 'wrong-password');
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account after repeated failures', async () => {
    for (let i = 0; i < 5; i++) await login(t.user('auditor'), 'nope-nope-1');
    const locked = await login(t.user('auditor'), PASSWORD);
    expect(locked.statusCode).toBe(429);
  });

  it('lets a mall admin add an officer on counters, and the officer cannot manage staff', async () => {
    const admin = await t.login('admin');
    const counters = (await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/counters` })).json()
      .items;
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/users`,
      headers: bearer(admin),
      payload: {
        username: t.user('new-officer'),
        password: 'Str0ng-pass-123',
        role: 'officer',
        counterIds: [counters[0].id],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().agencyId).toBe(counters[0].agencyId);
    const officer = (await login(t.user('new-officer'), 'Str0ng-pass-123')).json().token;
    const denied = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/users`,
      headers: bearer(officer),
      payload: { username: t.user('x2'), password: 'Str0ng-pass-123', role: 'mall_admin' },
    });
    expect(denied.statusCode).toBe(403);
    const dup = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/users`,
      headers: bearer(admin),
      payload: { username: t.user('new-officer'), password: 'Str0ng-pass-123', role: 'officer' },
    });
    expect(dup.statusCode).toBe(409);
    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/users/${created.json().id}/disable`,
      headers: bearer(admin),
    });
    expect(disabled.json().disabled).toBe(true);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(officer) });
    expect(after.statusCode).toBe(401);
  });

  it('stops an agency admin from granting mall-wide roles', async () => {
    const agencyAdmin = await t.login('dukcapil-admin');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/users`,
      headers: bearer(agencyAdmin),
      payload: { username: t.user('sneaky'), password: 'Str0ng-pass-123', role: 'mall_admin' },
    });
    expect(res.statusCode).toBe(403);
  });
});
