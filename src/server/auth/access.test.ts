import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, type TestMall } from '../../../test/harness.js';
import { ApiScope } from '../../shared/contracts/integrations.js';
import { PolicyAction } from '../../shared/contracts/users.js';
import { seedDemoMall } from '../seed/demo.js';
import { type Action, type Role, SCOPE_ACTIONS } from './policy.js';

/**
 * The role × route matrix. Part 1 walks the real route table: every API route declares its access
 * and policy action, and each role reaches (or is stopped at) each route exactly as the table below
 * says, in its own mall and in another. Part 2 acts on real resources of the own agency, another
 * agency and another mall: cross-agency and cross-mall staff writes and reads never succeed.
 */
type Who = 'anonymous' | 'device' | 'integrator' | Role;
const STAFF: Record<Role, string> = {
  officer: 'petugas',
  back_office: 'dukcapil-bo',
  agency_admin: 'dukcapil-admin',
  mall_admin: 'admin',
  auditor: 'auditor',
  national_admin: 'national',
};
/** A paired kiosk of the test's mall: a device, never staff; an API key of the mall with every scope. */
const WHO: Who[] = ['anonymous', 'device', 'integrator', ...(Object.keys(STAFF) as Role[])];
/** What an API key with every scope may reach (its own mall only); every other staff route stops it. */
const INTEGRATOR: Action[] = ['queue.read', 'webhooks.manage', 'open311.submit'];

/** Which roles may ever perform each staff action in their own mall (independent of policy.ts). */
const ALLOWED: Partial<Record<Action, Role[]>> = {
  'session.read': ['officer', 'back_office', 'agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'admin.open': ['agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'mall.create': ['national_admin'],
  'mall.update': ['mall_admin', 'national_admin'],
  'mall.readAdmin': ['officer', 'back_office', 'agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'catalog.manage': ['mall_admin', 'national_admin'],
  'agency.manage': ['agency_admin', 'mall_admin', 'national_admin'],
  'agency.retire': ['mall_admin', 'national_admin'],
  'service.manage': ['agency_admin', 'mall_admin', 'national_admin'],
  'standard.read': ['agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'counter.manage': ['agency_admin', 'mall_admin', 'national_admin'],
  'counter.operate': ['officer', 'agency_admin', 'mall_admin', 'national_admin'],
  'users.read': ['agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'users.manage': ['agency_admin', 'mall_admin', 'national_admin'],
  'users.unlock': ['mall_admin', 'national_admin'],
  'audit.read': ['mall_admin', 'auditor', 'national_admin'],
  'hours.manage': ['mall_admin', 'national_admin'],
  'announcements.manage': ['mall_admin', 'national_admin'],
  'calendar.national': ['national_admin'],
  'device.manage': ['mall_admin', 'national_admin'],
  'queue.read': ['officer', 'back_office', 'agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'apikeys.manage': ['mall_admin', 'national_admin'],
  'webhooks.manage': ['mall_admin', 'national_admin'],
  'outbox.read': ['mall_admin', 'auditor', 'national_admin'],
  'outbox.manage': ['mall_admin', 'national_admin'],
  'attendance.read': ['agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'counter.approve': ['mall_admin', 'national_admin'],
  'planning.compute': ['officer', 'back_office', 'agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'application.intake': ['officer', 'back_office', 'agency_admin', 'mall_admin', 'national_admin'],
  'application.read': ['officer', 'back_office', 'agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'application.process': ['back_office', 'agency_admin', 'mall_admin', 'national_admin'],
  'payment.take': ['officer', 'back_office', 'agency_admin', 'mall_admin', 'national_admin'],
  'payment.correct': ['agency_admin', 'mall_admin', 'national_admin'],
  'payments.report': ['back_office', 'agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'complaint.read': ['back_office', 'agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'complaint.manage': ['mall_admin', 'national_admin'],
  'complaint.answer': ['back_office', 'agency_admin', 'mall_admin', 'national_admin'],
  'complaint.readReporter': ['mall_admin', 'national_admin'],
  'survey.report': ['agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'survey.configure': ['mall_admin', 'national_admin'],
  'survey.enter': ['agency_admin', 'mall_admin', 'national_admin'],
  'opening.read': ['mall_admin', 'auditor', 'national_admin'],
  'opening.manage': ['mall_admin', 'national_admin'],
  'agreement.override': ['mall_admin', 'national_admin'],
  'opening.national': ['national_admin'],
  'booking.read': ['officer', 'back_office', 'agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'booking.manage': ['agency_admin', 'mall_admin', 'national_admin'],
  'booking.readNik': ['agency_admin', 'mall_admin', 'national_admin'],
  'privacy.readLog': ['mall_admin', 'auditor', 'national_admin'],
  'privacy.export': ['mall_admin', 'national_admin'],
  'booking.checkIn': ['officer', 'agency_admin', 'mall_admin', 'national_admin'],
  'reports.read': ['officer', 'back_office', 'agency_admin', 'mall_admin', 'auditor', 'national_admin'],
  'reports.national': ['national_admin'],
};

describe('access: role × route', () => {
  let t: TestMall;
  const other = `acc-${Date.now().toString(36)}`;
  const tokens: Partial<Record<Who, string>> = {};
  beforeAll(async () => {
    t = await createTestMall('sqlite');
    await seedDemoMall(t.ctx.database, 'other-pass-123', { slug: other, usernameSuffix: other });
    for (const [role, name] of Object.entries(STAFF)) tokens[role as Who] = await t.login(name);
    tokens.device = await t.kioskToken();
    const key = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/api-keys`,
      headers: bearer(tokens.mall_admin!),
      payload: { name: 'matrix', scopes: ApiScope.options },
    });
    tokens.integrator = key.json().key;
  }, 60_000);
  afterAll(() => t.close());

  const api = (who: Who, method: string, url: string, payload?: unknown) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: tokens[who] ? bearer(tokens[who]!) : {},
      ...(payload === undefined
        ? {}
        : {
            payload: JSON.stringify(payload),
            headers: { ...(tokens[who] ? bearer(tokens[who]!) : {}), 'content-type': 'application/json' },
          }),
    });

  const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/'));

  it('finds every API route declaring its access and policy action', () => {
    const undeclared = apiRoutes()
      .filter(
        (r) =>
          !r.config?.access ||
          !r.config.action ||
          !PolicyAction.options.includes(r.config.action) ||
          (r.config.access === 'device' && r.config.action !== 'device.self') ||
          (r.config.access === 'staff' && !ALLOWED[r.config.action]),
      )
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    expect(apiRoutes().length).toBeGreaterThan(40);
  });

  it('gives API keys exactly the actions their scopes name, all of them in the table above', () => {
    expect([...new Set(Object.values(SCOPE_ACTIONS).flat())].sort()).toEqual([...INTEGRATOR].sort());
  });

  it('lets each role through each route’s gate exactly as the table says, in its own mall and another', async () => {
    const wrong: string[] = [];
    for (const route of apiRoutes()) {
      // Held open (public, covered by the displays tests) / would end the test's own sessions.
      if (route.url.endsWith('/stream') || route.url.endsWith('/auth/logout')) continue;
      const { access, action } = route.config ?? {};
      // Invalid ids and bodies: a caller let through gets 400/404 and nothing changes.
      const path = (mall: string) =>
        route.url
          .replace(':mall', mall)
          .replace(/:(id|counterId)\b/g, 'bukan-angka')
          .replace(/:(\w+)/g, 'x');
      const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : 'bukan-objek';
      for (const who of WHO) {
        for (const [where, mall] of [
          ['own', t.slug],
          ['other', other],
        ] as const) {
          if (!route.url.includes(':mall') && where === 'other') continue;
          const res = await api(who, route.method, path(mall), payload);
          const mayPass =
            access === 'public' ||
            (access === 'device' && who === 'device' && where === 'own') ||
            (who === 'integrator' && access === 'staff' && INTEGRATOR.includes(action!) && where === 'own') ||
            (who !== 'anonymous' &&
              who !== 'device' &&
              who !== 'integrator' &&
              (ALLOWED[action!] ?? []).includes(who) &&
              (where === 'own' || who === 'national_admin'));
          const stopped = res.statusCode === 401 || res.statusCode === 403;
          if (mayPass === stopped || res.statusCode >= 500)
            wrong.push(`${who} ${route.method} ${route.url} (${where} mall) → ${res.statusCode}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Every route × nine callers × two malls: minutes on a loaded machine, not a hang.
  }, 300_000);

  describe('on real resources', () => {
    let ids: {
      ownAgency: number;
      otherAgency: number;
      ownCounter: number;
      otherCounter: number;
      ownService: number;
      otherService: number;
      otherMallCounter: number;
      otherMallService: number;
      otherMallAgency: number;
    };
    const url = (p: string, mall = t.slug) => `/api/v1/malls/${mall}${p}`;

    beforeAll(async () => {
      const get = async (mall: string, p: string) =>
        (await api('mall_admin', 'GET', url(p, mall))).json().items;
      const me = (await api('agency_admin', 'GET', '/api/v1/auth/me')).json();
      const counters = await get(t.slug, '/counters');
      const services = await get(t.slug, '/services?limit=500');
      const theirCounters = await get(other, '/counters');
      const theirServices = await get(other, '/services?limit=500');
      const otherCounter = counters.find((c: { agencyId: number }) => c.agencyId !== me.agencyId);
      ids = {
        ownAgency: me.agencyId,
        otherAgency: otherCounter.agencyId,
        ownCounter: counters.find((c: { agencyId: number }) => c.agencyId === me.agencyId).id,
        otherCounter: otherCounter.id,
        ownService: services.find((s: { agencyId: number }) => s.agencyId === me.agencyId).id,
        otherService: services.find((s: { agencyId: number }) => s.agencyId === otherCounter.agencyId).id,
        otherMallCounter: theirCounters[0].id,
        otherMallService: theirServices[0].id,
        otherMallAgency: theirServices[0].agencyId,
      };
    });

    /** Expected status per caller; roles left out must be stopped (401 anonymous, 403 staff). */
    const matrix = async (
      label: string,
      method: string,
      path: () => string,
      body: unknown | ((who: Who) => unknown),
      allowed: Partial<Record<Who, number | number[]>>,
    ) => {
      const wrong: string[] = [];
      for (const who of WHO) {
        const res = await api(who, method, path(), typeof body === 'function' ? body(who) : body);
        const want = allowed[who] ?? (who === 'anonymous' || who === 'device' ? 401 : 403);
        const ok = Array.isArray(want) ? want.includes(res.statusCode) : res.statusCode === want;
        if (!ok) wrong.push(`${label} as ${who}: ${res.statusCode} (want ${want}) ${res.body.slice(0, 160)}`);
      }
      expect(wrong).toEqual([]);
    };

    it('confines counter edits to the own agency; moving a counter and foreign services are mall-admin matters', async () => {
      const admins = { agency_admin: 200, mall_admin: 200, national_admin: 200 };
      await matrix(
        'rename own counter',
        'PATCH',
        () => url(`/counters/${ids.ownCounter}`),
        { name: 'Loket A' },
        admins,
      );
      await matrix(
        'rename other agency counter',
        'PATCH',
        () => url(`/counters/${ids.otherCounter}`),
        { name: 'Loket B' },
        { mall_admin: 200, national_admin: 200 },
      );
      await matrix(
        'rename other mall counter',
        'PATCH',
        () => url(`/counters/${ids.otherMallCounter}`, other),
        { name: 'Loket C' },
        { national_admin: 200 },
      );
      const mallAdmins = { mall_admin: 200, national_admin: 200 };
      // Moving a counter is for mall admins; moving it back keeps the data as the next tests expect.
      await matrix(
        'move own counter to another agency',
        'PATCH',
        () => url(`/counters/${ids.ownCounter}`),
        { agencyId: ids.otherAgency },
        mallAdmins,
      );
      const back = await api('mall_admin', 'PATCH', url(`/counters/${ids.ownCounter}`), {
        agencyId: ids.ownAgency,
      });
      expect(back.statusCode).toBe(200);
      await matrix(
        'attach another agency service',
        'PATCH',
        () => url(`/counters/${ids.ownCounter}`),
        { serviceIds: [ids.otherService] },
        mallAdmins,
      );
      await matrix(
        'attach own service',
        'PATCH',
        () => url(`/counters/${ids.ownCounter}`),
        { serviceIds: [ids.ownService] },
        admins,
      );
      await matrix(
        'new counter with another agency service',
        'POST',
        () => url('/counters'),
        (who: Who) => ({
          agencyId: ids.ownAgency,
          number: 900 + WHO.indexOf(who),
          name: 'X',
          serviceIds: [ids.otherService],
        }),
        { mall_admin: 201, national_admin: 201 },
      );
    });

    it('shows the internal standard to mall admins, the agency’s admin and auditors only', async () => {
      const all = { agency_admin: 200, mall_admin: 200, auditor: 200, national_admin: 200 };
      await matrix(
        'own agency standards',
        'GET',
        () => url(`/services/${ids.ownService}/standards`),
        undefined,
        all,
      );
      const { agency_admin: _a, ...notAgency } = all;
      await matrix(
        'other agency standards',
        'GET',
        () => url(`/services/${ids.otherService}/standards`),
        undefined,
        notAgency,
      );
      await matrix(
        'other mall standards',
        'GET',
        () => url(`/services/${ids.otherMallService}/standards`, other),
        undefined,
        { national_admin: 200 },
      );
    });

    it('keeps agencies to their own admin; retiring takes the same permission by either route', async () => {
      await matrix(
        'edit own agency',
        'PATCH',
        () => url(`/agencies/${ids.ownAgency}`),
        { hotline: '(021) 500-100' },
        { agency_admin: 200, mall_admin: 200, national_admin: 200 },
      );
      await matrix(
        'edit other agency',
        'PATCH',
        () => url(`/agencies/${ids.otherAgency}`),
        { hotline: '(021) 500-200' },
        { mall_admin: 200, national_admin: 200 },
      );
      await matrix(
        'edit other mall agency',
        'PATCH',
        () => url(`/agencies/${ids.otherMallAgency}`, other),
        { hotline: '(021) 500-300' },
        { national_admin: 200 },
      );
      await matrix(
        'PATCH retired:false',
        'PATCH',
        () => url(`/agencies/${ids.ownAgency}`),
        { retired: false },
        { mall_admin: 200, national_admin: 200 },
      );
      // Nobody but a mall admin reaches the retire itself; a 404 for an unknown agency proves the gate passed.
      await matrix('POST retire', 'POST', () => url('/agencies/99999999/retire'), undefined, {
        mall_admin: 404,
        national_admin: 404,
      });
      await matrix(
        'PATCH retired:true',
        'PATCH',
        () => url('/agencies/99999999'),
        { retired: true },
        { mall_admin: 404, national_admin: 404 },
      );
    });

    it('shows anyone an agency’s public face and only the mall’s staff its back office', async () => {
      for (const who of WHO) {
        for (const mall of [t.slug, other]) {
          const items = (await api(who, 'GET', url('/agencies', mall))).json().items as Record<
            string,
            unknown
          >[];
          // An API key is no staff member: it sees what anyone sees.
          const staffOfMall =
            who !== 'anonymous' &&
            who !== 'device' &&
            who !== 'integrator' &&
            (mall === t.slug || who === 'national_admin');
          for (const a of items) {
            for (const field of ['backOfficeContact', 'agreementStatus', 'agreementDate'])
              expect(field in a, `${who} ${mall} ${field}`).toBe(staffOfMall);
            expect(a).toHaveProperty('hotline');
          }
        }
      }
    });

    it('lists staff only to those who may read them, an agency admin only its own agency’s', async () => {
      await matrix('list staff', 'GET', () => url('/users'), undefined, {
        agency_admin: 200,
        mall_admin: 200,
        auditor: 200,
        national_admin: 200,
      });
      await matrix('list other mall staff', 'GET', () => url('/users', other), undefined, {
        national_admin: 200,
      });
      const mine = (await api('agency_admin', 'GET', url('/users'))).json().items;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((u: { agencyId: number }) => u.agencyId === ids.ownAgency)).toBe(true);
      const body = (agencyId: number, n: string) => (who: Who) => ({
        username: `acc-${n}-${who}-${Date.now().toString(36)}`,
        password: 'rahasia-123',
        role: 'officer',
        agencyId,
      });
      await matrix('add officer to other agency', 'POST', () => url('/users'), body(ids.otherAgency, 'x'), {
        mall_admin: 201,
        national_admin: 201,
      });
      await matrix(
        'add officer to other mall',
        'POST',
        () => url('/users', other),
        body(ids.otherMallAgency, 'y'),
        { national_admin: 201 },
      );
    });

    it('lets only the counter’s own staff operate it', async () => {
      const ok = [200, 204];
      await matrix(
        'call next at own counter',
        'POST',
        () => url(`/counters/${ids.ownCounter}/call-next`),
        undefined,
        { officer: ok, agency_admin: ok, mall_admin: ok, national_admin: ok },
      );
      await matrix(
        'call next at other agency counter',
        'POST',
        () => url(`/counters/${ids.otherCounter}/call-next`),
        undefined,
        { mall_admin: ok, national_admin: ok },
      );
      await matrix(
        'queue of other mall counter',
        'GET',
        () => url(`/counters/${ids.otherMallCounter}/queue`, other),
        undefined,
        { national_admin: 200 },
      );
    });

    it('tells the signed-in user what it may do', async () => {
      const perms = async (who: Who) => (await api(who, 'GET', '/api/v1/auth/me')).json().permissions;
      expect((await perms('mall_admin'))['catalog.manage']).toBe('mall');
      expect((await perms('agency_admin'))['counter.manage']).toBe('agency');
      expect((await perms('agency_admin'))['counter.reassign']).toBe('none');
      expect((await perms('officer'))['counter.operate']).toBe('counters');
      expect((await perms('auditor'))['standard.read']).toBe('mall');
      expect((await perms('officer'))['standard.read']).toBe('none');
      expect((await api('anonymous', 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
      expect((await api('device', 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
      expect((await api('integrator', 'GET', '/api/v1/auth/me')).statusCode).toBe(403);
    });
  });
});
