import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, PASSWORD, type TestMall } from '../../../../test/harness.js';
import { accountDelaySeconds } from './login-limits.js';

/** Issue 8 §3: sign-in that cannot be turned against staff. */
describe.each(dialects())('sign-in limits on %s', (dialect) => {
  let t: TestMall;
  beforeAll(async () => {
    t = await createTestMall(dialect);
  });
  afterAll(() => t.close());

  // Each test signs in from its own address, so the per-address throttle of one does not leak into another.
  const login = (username: string, password: string, remoteAddress: string, xff?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress,
      headers: xff ? { 'x-forwarded-for': xff } : {},
    });

  it('throttles failed sign-ins per address, and a forged X-Forwarded-For does not dodge it', async () => {
    let limitedAt = 0;
    for (let i = 1; i <= 60 && !limitedAt; i++) {
      const res = await login(`nobody-${i}`, `wrong-${i}`, '10.9.9.1', `172.16.${i}.${i}`);
      if (res.statusCode === 429) {
        limitedAt = i;
        expect(res.json().error.code).toBe('LOGIN_THROTTLED');
        expect(res.json().error.message).toMatch(/Coba lagi dalam \d+ menit/);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      } else expect(res.statusCode).toBe(401);
    }
    expect(limitedAt).toBe(11);
    // Even the right password waits: the address is throttled, not the account.
    expect((await login(t.user('admin'), PASSWORD, '10.9.9.1')).statusCode).toBe(429);
    expect((await login(t.user('admin'), PASSWORD, '10.9.9.2')).statusCode).toBe(200);
  });

  it('gives an account a growing delay that says how long to wait, which a mall admin can lift', async () => {
    const addr = '10.9.8.1';
    const officer = t.user('petugas');
    for (let i = 0; i < 5; i++) expect((await login(officer, 'wrong-pass-1', addr)).statusCode).toBe(401);
    const delayed = await login(officer, PASSWORD, '10.9.8.2');
    expect(delayed.statusCode).toBe(429);
    expect(delayed.json().error.code).toBe('LOGIN_DELAYED');
    expect(delayed.json().error.message).toContain('30 detik');
    expect(delayed.json().error.message).toContain('30 seconds');
    expect(delayed.headers['retry-after']).toBe('30');
    // Once the delay has passed a wrong password doubles it; the account is never hard-locked.
    const start = Date.now();
    t.setNow(new Date(start + 31_000));
    expect((await login(officer, 'wrong-pass-2', '10.9.8.3')).statusCode).toBe(401);
    expect((await login(officer, PASSWORD, '10.9.8.3')).headers['retry-after']).toBe('60');
    t.setNow(new Date(start + 92_000));
    expect((await login(officer, 'wrong-pass-3', '10.9.8.4')).statusCode).toBe(401);
    expect((await login(officer, PASSWORD, '10.9.8.4')).json().error.message).toContain('2 menit');

    const admin = await t.login('admin');
    const users = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/users`, headers: bearer(admin) })
    ).json();
    const row = (users.items ?? users).find((u: { username: string }) => u.username === officer);
    expect(row.lockedUntil).not.toBeNull();
    // Unlocking is a mall admin's action, not an agency admin's.
    const denied = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/users/${row.id}/unlock`,
      headers: bearer(await t.login('dukcapil-admin')),
    });
    expect(denied.statusCode).toBe(403);
    const unlocked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/users/${row.id}/unlock`,
      headers: bearer(admin),
    });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect((await login(officer, PASSWORD, '10.9.8.5')).statusCode).toBe(200);

    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/malls/${t.slug}/audit?entity=user&entityId=${row.id}&limit=50`,
      headers: bearer(admin),
    });
    const actions = audit.json().items.map((r: { action: string }) => r.action);
    for (const a of ['auth.login_failed', 'auth.lockout', 'user.unlock', 'auth.login'])
      expect(actions).toContain(a);
    t.setNow(new Date());
  });

  it('answers anonymous writes over the limit with 429 RATE_LIMITED in the API error shape', async () => {
    let limited: { statusCode: number; json(): { error: { code: string; requestId: string } } } | null = null;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/malls/${t.slug}/tickets`,
        payload: { serviceId: 1, source: 'online' },
        remoteAddress: '10.9.7.1',
      });
      if (res.statusCode === 429) limited = res;
    }
    expect(limited?.json().error.code).toBe('RATE_LIMITED');
    expect(limited?.json().error.requestId).toBeTruthy();
    // Another address is not affected.
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/tickets`,
      payload: { serviceId: 1, source: 'online' },
      remoteAddress: '10.9.7.2',
    });
    expect(other.statusCode).not.toBe(429);
    // A paired kiosk at the limited address is not limited: a busy hall's kiosk issues all day.
    const kiosk = await t.kioskToken();
    const services = (await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services` })).json();
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/malls/${t.slug}/tickets`,
        payload: { serviceId: services.items[0].id, source: 'kiosk' },
        headers: bearer(kiosk),
        remoteAddress: '10.9.7.1',
      });
      expect(res.statusCode).toBe(201);
    }
  });
});

describe('TRUST_PROXY', () => {
  let t: TestMall;
  beforeAll(async () => {
    t = await createTestMall('sqlite', { env: { TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(() => t.close());

  it('takes the client address from X-Forwarded-For only when the proxy is listed', async () => {
    const fail = (xff: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'wrong-pass' },
        headers: { 'x-forwarded-for': xff },
      });
    for (let i = 0; i < 10; i++) expect((await fail('192.0.2.1')).statusCode).toBe(401);
    expect((await fail('192.0.2.1')).statusCode).toBe(429);
    // Behind the listed proxy, another client is another address.
    expect((await fail('192.0.2.2')).statusCode).toBe(401);
  });
});

describe('accountDelaySeconds', () => {
  const config = { LOGIN_MAX_FAILURES: 5, LOGIN_DELAY_SECONDS: 30, LOGIN_LOCK_MINUTES: 15 } as Parameters<
    typeof accountDelaySeconds
  >[0];
  it.each([
    [4, 0],
    [5, 30],
    [6, 60],
    [7, 120],
    [10, 900],
    [100, 900],
  ])('after %i failures waits %i s', (failures, seconds) => {
    expect(accountDelaySeconds(config, failures)).toBe(seconds);
  });
});
