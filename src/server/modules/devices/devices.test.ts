import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { seedDemoMall } from '../../seed/demo.js';
import { demoPairingLinks } from './devices.demo.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB (the demo mall is open).
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');
const minutes = (n: number) => new Date(MONDAY_10.getTime() + n * 60_000);

describe.each(dialects())('devices on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let ktp: number;
  const other = `dev-other-${Date.now().toString(36)}-${dialect}`;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: MONDAY_10 });
    await seedDemoMall(t.ctx.database, 'other-pass-123', {
      slug: other,
      usernameSuffix: other,
      now: MONDAY_10,
    });
    admin = await t.login('admin');
    const services = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services?limit=500` })
    ).json().items as { id: number; name: string }[];
    ktp = services.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
  });
  afterAll(() => t.close());

  const url = (p: string, mall = t.slug) => `/api/v1/malls/${mall}${p}`;
  const register = (payload: object, token = admin) =>
    t.app.inject({ method: 'POST', url: url('/devices'), headers: bearer(token), payload });
  const pair = (code: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/devices/pair', payload: { code } });
  const ticket = (payload: object, token?: string, mall = t.slug) =>
    t.app.inject({
      method: 'POST',
      url: url('/tickets', mall),
      headers: token ? bearer(token) : {},
      payload,
    });
  const list = async () =>
    (await t.app.inject({ method: 'GET', url: url('/devices'), headers: bearer(admin) })).json().items as {
      id: number;
      status: string;
      zone: string | null;
      lastSeenAt: string | null;
    }[];

  it('lets only the mall admin register devices, and answers a one-time pairing code', async () => {
    const made = await register({ kind: 'kiosk', name: 'Kios lobi' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      kind: 'kiosk',
      name: 'Kios lobi',
      zone: null,
      pairingCode: expect.stringMatching(/^[A-Z2-9]{8}$/),
      pairingExpiresAt: minutes(15).toISOString(),
    });
    expect((await register({ kind: 'kiosk', name: 'x' }, await t.login('petugas'))).statusCode).toBe(403);
    const anon = await t.app.inject({
      method: 'POST',
      url: url('/devices'),
      payload: { kind: 'kiosk', name: 'x' },
    });
    expect(anon.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: url('/devices') })).statusCode).toBe(401);
    expect((await list()).find((d) => d.id === made.json().id)?.status).toBe('pairing');
  });

  it('pairs once: the code works one time, typed in any case, and unknown codes are refused', async () => {
    const { pairingCode } = (await register({ kind: 'kiosk', name: 'Kios 2' })).json();
    const typed = `${pairingCode.slice(0, 4).toLowerCase()}-${pairingCode.slice(4)}`;
    const first = await pair(typed);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      token: expect.stringMatching(/^dev_/),
      device: { kind: 'kiosk', name: 'Kios 2', mall: { slug: t.slug } },
    });
    const again = await pair(pairingCode);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'PAIRING_CODE_USED', requestId: expect.any(String) });
    const unknown = await pair('ZZZZZZZZ');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('PAIRING_CODE_INVALID');
    // The token is stored only as a hash.
    const rows = await t.ctx.database.db
      .selectFrom('devices')
      .select(['token_hash', 'pairing_code_hash'])
      .execute();
    const token = first.json().token as string;
    expect(rows.some((r) => r.token_hash === token || r.pairing_code_hash === pairingCode)).toBe(false);
  });

  it('refuses an expired code', async () => {
    const { pairingCode } = (await register({ kind: 'kiosk', name: 'Kios lambat' })).json();
    t.setNow(minutes(16));
    try {
      const late = await pair(pairingCode);
      expect(late.statusCode).toBe(410);
      expect(late.json().error.code).toBe('PAIRING_CODE_EXPIRED');
    } finally {
      t.setNow(MONDAY_10);
    }
  });

  it('issues kiosk tickets only with a paired kiosk of this mall; revoking stops the token at once', async () => {
    const anon = await ticket({ serviceId: ktp, source: 'kiosk' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error).toMatchObject({ code: 'DEVICE_REQUIRED', message: expect.any(String) });
    expect(
      (await ticket({ serviceId: ktp, source: 'kiosk' }, 'dev_not-a-real-token-at-all')).statusCode,
    ).toBe(401);

    const { token, id } = await t.pairDevice('kiosk', { name: 'Kios revoke' });
    expect((await ticket({ serviceId: ktp, source: 'kiosk' }, token)).statusCode).toBe(201);
    // Another mall's kiosk token is refused here, and a display token is not a kiosk.
    const otherServices = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${other}/services?limit=500` })
    ).json().items as { id: number; name: string }[];
    const otherKtp = otherServices.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
    const cross = await ticket({ serviceId: otherKtp, source: 'kiosk' }, token, other);
    expect(cross.statusCode).toBe(401);
    expect(cross.json().error.code).toBe('DEVICE_REQUIRED');
    const display = await t.pairDevice('display', { name: 'Papan' });
    expect((await ticket({ serviceId: ktp, source: 'kiosk' }, display.token)).statusCode).toBe(401);

    const del = await t.app.inject({ method: 'DELETE', url: url(`/devices/${id}`), headers: bearer(admin) });
    expect(del.statusCode).toBe(204);
    const after = await ticket({ serviceId: ktp, source: 'kiosk' }, token);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('DEVICE_REQUIRED');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/devices/me', headers: bearer(token) })).statusCode,
    ).toBe(401);
    expect((await list()).some((d) => d.id === id)).toBe(false);
    // Revoking again, or another mall's admin revoking, finds nothing.
    expect(
      (await t.app.inject({ method: 'DELETE', url: url(`/devices/${id}`), headers: bearer(admin) }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses anonymous online tickets and lets staff issue counter tickets', async () => {
    const online = await ticket({ serviceId: ktp, source: 'online' });
    expect(online.statusCode).toBe(403);
    expect(online.json().error.code).toBe('ONLINE_QUEUE_UNAVAILABLE');
    const officer = await t.login('petugas');
    expect((await ticket({ serviceId: ktp, source: 'counter' }, officer)).statusCode).toBe(201);
    expect((await ticket({ serviceId: ktp, source: 'counter' })).statusCode).toBe(401);
    expect((await ticket({ serviceId: ktp, source: 'counter' }, await t.login('auditor'))).statusCode).toBe(
      403,
    );
    // A kiosk token is no staff login.
    expect((await ticket({ serviceId: ktp, source: 'counter' }, await t.kioskToken())).statusCode).toBe(401);
  });

  it('gives a paired display its zone and shows it online in the admin list', async () => {
    const { token, id } = await t.pairDevice('display', { name: 'Papan lantai 2', zone: 'lantai-2' });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/devices/me', headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ kind: 'display', zone: 'lantai-2', mall: { slug: t.slug } });
    expect((await t.app.inject({ method: 'GET', url: url('/displays/lantai-2/state') })).statusCode).toBe(
      200,
    );
    const row = (await list()).find((d) => d.id === id)!;
    expect(row).toMatchObject({ status: 'online', zone: 'lantai-2', lastSeenAt: MONDAY_10.toISOString() });
    // Unseen for a while it is offline; its next check-in brings it back online.
    t.setNow(minutes(10));
    try {
      expect((await list()).find((d) => d.id === id)?.status).toBe('offline');
      await t.app.inject({ method: 'GET', url: '/api/v1/devices/me', headers: bearer(token) });
      expect((await list()).find((d) => d.id === id)).toMatchObject({
        status: 'online',
        lastSeenAt: minutes(10).toISOString(),
      });
    } finally {
      t.setNow(MONDAY_10);
    }
  });

  it('re-pairs with a new code: the new token replaces the old one', async () => {
    const { token, id } = await t.pairDevice('kiosk', { name: 'Kios ganti' });
    const fresh = await t.app.inject({
      method: 'POST',
      url: url(`/devices/${id}/pairing-code`),
      headers: bearer(admin),
    });
    expect(fresh.statusCode).toBe(201);
    // The old token keeps working until the new code is used.
    expect((await ticket({ serviceId: ktp, source: 'kiosk' }, token)).statusCode).toBe(201);
    const next = (await pair(fresh.json().pairingCode)).json().token as string;
    expect((await ticket({ serviceId: ktp, source: 'kiosk' }, token)).statusCode).toBe(401);
    expect((await ticket({ serviceId: ktp, source: 'kiosk' }, next)).statusCode).toBe(201);
  });

  it('keeps devices inside their mall: another mall’s admin cannot see or revoke them', async () => {
    const { id } = await t.pairDevice('kiosk', { name: 'Kios batas' });
    const theirs = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: `admin-${other}`, password: 'other-pass-123' },
    });
    const token = theirs.json().token as string;
    expect(
      (await t.app.inject({ method: 'GET', url: url('/devices'), headers: bearer(token) })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: url(`/devices/${id}`), headers: bearer(token) }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: url(`/devices/${id}`, other), headers: bearer(token) }))
        .statusCode,
    ).toBe(404);
  });

  it('gives npm start ready-to-open pairing links for a demo kiosk and display, withdrawn on stop', async () => {
    const first = await demoPairingLinks(t.ctx, t.slug);
    expect(first.links.map((l) => l.kind)).toEqual(['kiosk', 'display']);
    const code = (path: string) => new URLSearchParams(path.split('?')[1]).get('pair')!;
    const kiosk = first.links[0]!;
    expect(kiosk.path).toMatch(new RegExp(`^/${t.slug}/kiosk\\?pair=[A-Z2-9]{8}$`));
    const paired = await pair(code(kiosk.path));
    expect(paired.statusCode).toBe(200);
    expect((await ticket({ serviceId: ktp, source: 'kiosk' }, paired.json().token)).statusCode).toBe(201);
    // A restart re-codes the same two devices; stopping withdraws the unused codes.
    const second = await demoPairingLinks(t.ctx, t.slug);
    const demoDevices = (await list()).filter((d) =>
      ['Kios demo', 'Layar demo'].includes((d as { name?: string }).name ?? ''),
    );
    expect(demoDevices).toHaveLength(2);
    await second.withdraw();
    expect((await pair(code(second.links[1]!.path))).json().error.code).toBe('PAIRING_CODE_INVALID');
    const prod = { ...t.ctx, config: { ...t.ctx.config, NODE_ENV: 'production' as const } };
    expect((await demoPairingLinks(prod, t.slug)).links).toEqual([]);
  });
});
