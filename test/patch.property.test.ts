import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as agenciesRepo from '../src/server/modules/agencies/agencies.repo.js';
import * as countersRepo from '../src/server/modules/counters/counters.repo.js';
import * as mallsRepo from '../src/server/modules/malls/malls.repo.js';
import * as servicesRepo from '../src/server/modules/services/services.repo.js';
import * as usersRepo from '../src/server/modules/users/users.repo.js';
import { AgencyPatch, CounterPatch, MallPatch, ServicePatch } from '../src/shared/contracts/catalog.js';
import { UserPatch } from '../src/shared/contracts/users.js';
import { bearer, createTestMall, dialects, type TestMall } from './harness.js';
import { arbitraryOf } from './zod-arbitrary.js';

/**
 * For every PATCH route: send one field (a value generated from the route's own zod schema) and read
 * the resource back, through the API and from its stored row; nothing but that field (and what it
 * determines, listed per route) may differ. A rejected PATCH must change nothing at all.
 */
type State = Record<string, unknown>;
interface Route {
  name: string;
  schema: z.ZodObject<z.ZodRawShape>;
  url: () => string;
  read: () => Promise<State>;
  /** Generators that must point at existing things (ids) or avoid unique clashes. */
  overrides?: Record<string, fc.Arbitrary<unknown>>;
  /** Keys of the read-back state a field may change besides its own name. */
  derived?: Record<string, string[]>;
  skip?: string[];
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const ALWAYS = ['api.updatedAt', 'row.updated_at'];

function changedKeys(a: State, b: State): string[] {
  const out: string[] = [];
  for (const part of ['api', 'row', 'rel'] as const) {
    const x = (a[part] ?? {}) as State;
    const y = (b[part] ?? {}) as State;
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)]))
      if (JSON.stringify(x[k]) !== JSON.stringify(y[k])) out.push(`${part}.${k}`);
  }
  return out;
}

describe.each(dialects())('PATCH changes only what it names on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let mallId: number;
  let agencyIds: number[];
  let serviceIds: number[];
  let serviceAgency: Map<number, number>;
  let counterIds: number[];
  beforeAll(async () => {
    t = await createTestMall(dialect);
    admin = await t.login('admin');
    const get = async (u: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}${u}`, headers: bearer(admin) })
      ).json();
    mallId = (await get('')).id;
    agencyIds = (await get('/agencies')).items.map((a: { id: number }) => a.id);
    const services: { id: number; agencyId: number }[] = (await get('/services?limit=500')).items;
    serviceIds = services.map((s) => s.id);
    serviceAgency = new Map(services.map((s) => [s.id, s.agencyId]));
    counterIds = (await get('/counters')).items.map((c: { id: number }) => c.id);
  });
  afterAll(() => t.close());

  const api = async (url: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}${url}`, headers: bearer(admin) })
    ).json();
  const db = () => t.ctx.database.db;
  const some = (ids: () => number[]) => fc.constant(null).chain(() => fc.constantFrom(...ids()));
  const subset = (ids: () => number[]) => fc.constant(null).chain(() => fc.subarray(ids(), { maxLength: 4 }));

  const routes = (): Route[] => {
    // The agency under test may end up retired; the other routes point only at the remaining ones.
    const agencyId = agencyIds.at(-1)!;
    const pool = () => agencyIds.slice(0, -1);
    const serviceId = serviceIds.find((s) => serviceAgency.get(s) !== agencyIds.at(-1))!;
    // A counter no officer under test holds: its agency may change, which would strand the officer.
    const counterId = counterIds.at(-1)!;
    return [
      {
        name: 'agency',
        schema: AgencyPatch.extend({ retired: z.boolean().optional() }),
        url: () => `/agencies/${agencyId}`,
        read: async () => ({
          api: await api(`/agencies/${agencyId}`),
          row: await agenciesRepo.findAgency(db(), mallId, agencyId),
        }),
        overrides: { key: fc.stringMatching(/^[a-z0-9-]{1,20}$/).map((s) => `x-${s}`) },
        derived: { retired: ['row.retired_at'] },
      },
      {
        name: 'service',
        schema: ServicePatch,
        url: () => `/services/${serviceId}`,
        read: async () => {
          const { updatedAt: _u, ...detail } = await api(`/services/${serviceId}`);
          const std = await servicesRepo.standardHistory(db(), mallId, serviceId);
          return {
            api: detail,
            row: await servicesRepo.findService(db(), mallId, serviceId),
            rel: { standards: std.map((s) => [s.version, s.body, s.valid_to === null]) },
          };
        },
        overrides: { agencyId: some(pool) },
        derived: {
          agencyId: [
            'api.agencyName',
            'api.agency',
            'row.search_text',
            'row.agency_agreement_status',
            'row.agreement_override',
          ],
          name: ['row.search_text'],
          keywords: ['row.search_text'],
          servedAtMall: ['api.bookable', 'api.coverage', 'row.coverage'],
          coverage: ['api.servedAtMall', 'api.bookable', 'row.served_at_mall'],
          dailyQuota: ['api.quotaFull'],
          onlineBookable: ['api.bookable'],
          // Sessions live in booking_sessions; the horizon in the service row.
          booking: ['row.booking_days_ahead'],
          standard: ['api.completionTime', 'api.feeAmount', 'api.fee', 'rel.standards'],
        },
      },
      {
        name: 'counter',
        schema: CounterPatch,
        url: () => `/counters/${counterId}`,
        read: async () => {
          const api1 = (await api('/counters')).items.find((c: { id: number }) => c.id === counterId);
          const links = (await countersRepo.counterServices(db(), mallId)).filter(
            (l) => l.counter_id === counterId,
          );
          return {
            api: api1,
            row: await countersRepo.findCounter(db(), mallId, counterId),
            rel: { services: links.map((l) => l.id).sort() },
          };
        },
        overrides: {
          agencyId: some(pool),
          serviceIds: subset(() => serviceIds),
          number: fc.integer({ min: 500, max: 999 }),
        },
        derived: {
          agencyId: ['api.agencyName'],
          serviceIds: ['api.services', 'rel.services'],
          zone: ['row.zone_id'],
        },
      },
      {
        name: 'mall',
        schema: MallPatch,
        url: () => '',
        read: async () => {
          const { ...row } = (await mallsRepo.findMallBySlug(db(), t.slug)) ?? {};
          return { api: await api(''), row };
        },
        derived: { workingWeekdays: ['row.working_days'] },
      },
      {
        name: 'user',
        schema: UserPatch,
        url: () => `/users/${officerId()}`,
        read: async () => {
          const id = officerId();
          const list = await api('/users');
          return {
            api: list.items.find((u: { id: number }) => u.id === id),
            row: await usersRepo.findUser(db(), id),
            rel: { counters: (await usersRepo.countersOfUsers(db(), [id])).map((c) => c.counter_id).sort() },
          };
        },
        overrides: {
          agencyId: fc.option(some(pool), { nil: null }),
          counterIds: subset(() => counterIds),
        },
        derived: {
          password: ['row.password_hash'],
          role: [
            'api.agencyId',
            'row.agency_id',
            'api.counterIds',
            'rel.counters',
            'row.mall_id',
            'api.mallId',
          ],
          agencyId: ['row.agency_id'],
          counterIds: ['api.agencyId', 'row.agency_id', 'rel.counters', 'row.counter_ids'],
        },
      },
    ];
  };
  let officer = 0;
  const officerId = () => officer;

  it.each(['agency', 'service', 'counter', 'mall', 'user'])(
    '%s: one field changed, every other field the same',
    async (name) => {
      if (!officer) {
        const users = await api('/users');
        officer = users.items.find(
          (u: { role: string; counterIds: number[] }) =>
            u.role === 'officer' && !u.counterIds.includes(counterIds.at(-1)!),
        ).id;
      }
      const route = routes().find((r) => r.name === name)!;
      const fields = Object.keys(route.schema.shape).filter((f) => !route.skip?.includes(f));
      const oneField = fc
        .constantFrom(...fields)
        .chain((f) =>
          (route.overrides?.[f] ?? arbitraryOf(route.schema.shape[f] as z.ZodType)).map(
            (v) => [f, v] as const,
          ),
        );
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(oneField, async ([field, value]) => {
          const before = await route.read();
          const res = await t.app.inject({
            method: 'PATCH',
            url: `/api/v1/malls/${t.slug}${route.url()}`,
            headers: bearer(admin),
            payload: { [field]: value },
          });
          const after = await route.read();
          const changed = changedKeys(before, after);
          if (res.statusCode >= 400) {
            expect(res.statusCode, res.body).toBeLessThan(500);
            expect(changed, `rejected PATCH {${field}} changed`).toEqual([]);
            return;
          }
          expect(res.statusCode, res.body).toBe(200);
          accepted++;
          const allowed = new Set([
            ...ALWAYS,
            `api.${field}`,
            `row.${snake(field)}`,
            `rel.${field}`,
            ...(route.derived?.[field] ?? []),
          ]);
          expect(
            changed.filter((k) => !allowed.has(k)),
            `PATCH ${route.name} {${field}: ${JSON.stringify(value)}}`,
          ).toEqual([]);
        }),
        { numRuns: dialect === 'postgres' ? 30 : 60, endOnFailure: true },
      );
      // Most generated values are valid edits; a property that only ever saw rejections proved nothing.
      expect(accepted).toBeGreaterThan(10);
    },
  );

  it.each([
    ['agency', 'agencies'],
    ['service', 'services'],
  ])('%s: retire then reactivate restores exactly the earlier state', async (name, path) => {
    const route = routes().find((r) => r.name === name)!;
    // Not the agency the agency property may have retired (nor one of its services).
    const id =
      name === 'agency'
        ? agencyIds[1]!
        : serviceIds.findLast((s) => serviceAgency.get(s) !== agencyIds.at(-1))!;
    const read = async () => {
      const { updatedAt: _u, ...one } = await api(`/${path}/${id}`);
      return one;
    };
    expect(route).toBeDefined();
    const before = await read();
    const retire = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/${path}/${id}/retire`,
      headers: bearer(admin),
    });
    expect(retire.statusCode, retire.body).toBe(200);
    expect((await read()).retired).toBe(true);
    const back = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/malls/${t.slug}/${path}/${id}`,
      headers: bearer(admin),
      payload: { retired: false },
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(await read()).toEqual(before);
  });
});
