import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { seedDemoMall } from '../../seed/demo.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB (the demo mall is open).
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');

describe.each(dialects())('API keys on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  const other = `key-other-${Date.now().toString(36)}-${dialect}`;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: MONDAY_10 });
    await seedDemoMall(t.ctx.database, 'other-pass-123', {
      slug: other,
      usernameSuffix: other,
      now: MONDAY_10,
    });
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const url = (p: string, mall = t.slug) => `/api/v1/malls/${mall}${p}`;
  const req = (method: 'GET' | 'POST' | 'DELETE' | 'PATCH', path: string, token?: string, payload?: object) =>
    t.app.inject({ method, url: path, headers: token ? bearer(token) : {}, payload });
  const issue = async (name: string, scopes: string[]) => {
    const res = await req('POST', url('/api-keys'), admin, { name, scopes });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; key: string; keyPrefix: string; scopes: string[]; name: string };
  };

  it('issues a key once, lists it by prefix only, and stores only its hash', async () => {
    const k = await issue('Aplikasi Kabupaten', ['queue.read']);
    expect(k.key).toMatch(/^sa_[A-Za-z0-9_-]{40,}$/);
    expect(k.key.startsWith(k.keyPrefix)).toBe(true);
    expect(k.scopes).toEqual(['queue.read']);
    const list = await req('GET', url('/api-keys'), admin);
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.find((x: { id: number }) => x.id === k.id);
    expect(listed).toMatchObject({
      name: 'Aplikasi Kabupaten',
      keyPrefix: k.keyPrefix,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(list.body).not.toContain(k.key);
    const row = await t.ctx.database.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', k.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(k.key);
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await req('GET', url(`/audit?entity=api_key&entityId=${k.id}`), admin);
    expect(audit.json().items.map((a: { action: string }) => a.action)).toEqual(['apiKey.create']);
    expect(audit.body).not.toContain(k.key);
  });

  it('refuses unknown scopes and empty names', async () => {
    for (const payload of [
      { name: 'x', scopes: ['users.manage'] },
      { name: '', scopes: ['queue.read'] },
      { name: 'x', scopes: [] },
    ]) {
      const res = await req('POST', url('/api-keys'), admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('authenticates as an integrator confined to its scopes, in its own mall only', async () => {
    const k = await issue('Dasbor statistik', ['queue.read']);
    const stats = await req('GET', url('/stats/queue?from=2026-11-23&to=2026-11-23'), k.key);
    expect(stats.statusCode, stats.body).toBe(200);
    // No webhooks scope; another mall; staff-only routes; the signed-in user's own routes.
    expect((await req('GET', url('/webhooks'), k.key)).statusCode).toBe(403);
    expect(
      (await req('GET', url('/stats/queue?from=2026-11-23&to=2026-11-23', other), k.key)).statusCode,
    ).toBe(403);
    expect((await req('GET', url('/users'), k.key)).statusCode).toBe(403);
    expect((await req('GET', url('/api-keys'), k.key)).statusCode).toBe(403);
    expect(
      (await req('POST', url('/api-keys'), k.key, { name: 'x', scopes: ['queue.read'] })).statusCode,
    ).toBe(403);
    expect((await req('GET', '/api/v1/auth/me', k.key)).statusCode).toBe(403);
    // Public routes work as for anyone.
    expect((await req('GET', url('/services?limit=1'), k.key)).statusCode).toBe(200);
    const list = (await req('GET', url('/api-keys'), admin)).json().items;
    expect(list.find((x: { id: number }) => x.id === k.id).lastUsedAt).toBe(MONDAY_10.toISOString());
  });

  it('writes last used at most once a minute', async () => {
    const k = await issue('Jarang', ['queue.read']);
    const lastUsed = async () =>
      (await req('GET', url('/api-keys'), admin)).json().items.find((x: { id: number }) => x.id === k.id)
        .lastUsedAt;
    t.setNow(new Date(MONDAY_10.getTime() + 5 * 60_000));
    await req('GET', url('/stats/queue?from=2026-11-23&to=2026-11-23'), k.key);
    const first = await lastUsed();
    expect(first).toBe(new Date(MONDAY_10.getTime() + 5 * 60_000).toISOString());
    t.setNow(new Date(MONDAY_10.getTime() + 5 * 60_000 + 30_000));
    await req('GET', url('/stats/queue?from=2026-11-23&to=2026-11-23'), k.key);
    expect(await lastUsed()).toBe(first);
    t.setNow(new Date(MONDAY_10.getTime() + 6 * 60_000 + 1000));
    await req('GET', url('/stats/queue?from=2026-11-23&to=2026-11-23'), k.key);
    expect(await lastUsed()).toBe(new Date(MONDAY_10.getTime() + 6 * 60_000 + 1000).toISOString());
    t.setNow(MONDAY_10);
  });

  it('revokes at once: the next request with the key is 401, and the revoke is audited', async () => {
    const k = await issue('Dicabut', ['queue.read', 'webhooks.manage']);
    expect((await req('GET', url('/webhooks'), k.key)).statusCode).toBe(200);
    const del = await req('DELETE', url(`/api-keys/${k.id}`), admin);
    expect(del.statusCode).toBe(204);
    expect((await req('GET', url('/webhooks'), k.key)).statusCode).toBe(401);
    expect((await req('GET', url('/stats/queue?from=2026-11-23&to=2026-11-23'), k.key)).statusCode).toBe(401);
    expect((await req('DELETE', url(`/api-keys/${k.id}`), admin)).statusCode).toBe(404);
    const listed = (await req('GET', url('/api-keys'), admin))
      .json()
      .items.find((x: { id: number }) => x.id === k.id);
    expect(listed.revokedAt).toBe(MONDAY_10.toISOString());
    const audit = await req('GET', url(`/audit?entity=api_key&entityId=${k.id}`), admin);
    expect(audit.json().items.map((a: { action: string }) => a.action)).toEqual([
      'apiKey.revoke',
      'apiKey.create',
    ]);
  });

  it('keeps keys to mall admins, and one mall’s admin away from another mall’s keys', async () => {
    for (const who of ['officer', 'agency_admin', 'auditor'] as const) {
      const name = { officer: 'petugas', agency_admin: 'dukcapil-admin', auditor: 'auditor' }[who];
      const token = await t.login(name);
      expect((await req('GET', url('/api-keys'), token)).statusCode, who).toBe(403);
      expect(
        (await req('POST', url('/api-keys'), token, { name: 'x', scopes: ['queue.read'] })).statusCode,
        who,
      ).toBe(403);
    }
    const k = await issue('Milik mal ini', ['queue.read']);
    const theirs = await req('POST', '/api/v1/auth/login', undefined, {
      username: `admin-${other}`,
      password: 'other-pass-123',
    });
    const otherAdmin = theirs.json().token as string;
    expect((await req('DELETE', url(`/api-keys/${k.id}`, other), otherAdmin)).statusCode).toBe(404);
    expect((await req('DELETE', url(`/api-keys/${k.id}`), otherAdmin)).statusCode).toBe(403);
    expect((await req('GET', url('/stats/queue?from=2026-11-23&to=2026-11-23'), k.key)).statusCode).toBe(200);
  });
});
