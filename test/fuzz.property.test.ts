import fs from 'node:fs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_STATUS } from '../src/server/errors.js';
import type { RouteEntry } from '../src/server/route-table.js';
import { seedDemoMall } from '../src/server/seed/demo.js';
import { ApiScope } from '../src/shared/contracts/integrations.js';
import {
  FORGED_AUTH,
  hostileHeaders,
  hostileJson,
  hostileText,
  type Mutation,
  mutate,
  mutation,
  RAW_BODIES,
  Raw,
  rawFile,
  toJson,
  validOf,
} from './fuzz-inputs.js';
import { bearer, createTestMall, dialects, PASSWORD, type TestDialect, type TestMall } from './harness.js';

/**
 * The API under hostile input: requests generated from every route's own zod schemas (params,
 * querystring, body; raw files for the upload routes) — valid ones, valid ones broken one field at a
 * time, and plain hostile ones (wrong types, huge and odd strings, NUL, odd numbers, deep JSON,
 * prototype keys, SQL, path traversal, bad dates, malformed JSON, wrong content types, too large
 * bodies, duplicate query parameters, forged tokens) — sent in-process as every kind of caller to
 * the real app on a real database. Ids and codes in paths and bodies come mostly from what the API
 * itself answered (so requests reach real tickets, bookings, applications, complaints…).
 *
 * Properties: no answer ≥ 500; every 4xx carries a known error code with its own status and a
 * message; nothing leaks a file from disk; no unhandled rejection or exception in the process; the
 * health check, the mall and its audit chain are still fine afterwards.
 *
 * Deterministic: requests come from a fixed seed in rounds (round k: the k-th request of every route);
 * by default rounds go on for a time budget (FUZZ_BUDGET_S, FUZZ_BUDGET_PG_S), and the printed
 * replay names the seed and the rounds. FUZZ_SEED=… another seed, FUZZ_RUNS=… / FUZZ_RUNS_PG=…
 * exactly that many rounds (a longer run), FUZZ_ROUTE=<part of "METHOD /url"> only those routes,
 * FUZZ_DB=sqlite|postgres one database, FUZZ_TRACE=<file> every request as it goes (a slow one).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
/** FUZZ_RUNS / FUZZ_RUNS_PG: exactly that many rounds (one request per route each), no time budget. */
const FIXED = process.env.FUZZ_RUNS !== undefined || process.env.FUZZ_RUNS_PG !== undefined;
const ROUNDS: Record<TestDialect, number> = {
  sqlite: Number(process.env.FUZZ_RUNS ?? 40),
  postgres: Number(process.env.FUZZ_RUNS_PG ?? process.env.FUZZ_RUNS ?? 20),
};
/** Otherwise rounds go on until this many seconds have passed (a loaded machine does fewer). */
const BUDGET_S: Record<TestDialect, number> = {
  sqlite: FIXED ? Number.POSITIVE_INFINITY : Number(process.env.FUZZ_BUDGET_S ?? 16),
  postgres: FIXED ? Number.POSITIVE_INFINITY : Number(process.env.FUZZ_BUDGET_PG_S ?? 8),
};
const MIN_ROUNDS = 2;
const ONLY = process.env.FUZZ_ROUTE;
/**
 * Routes slow by design (password hashing, the whole OpenAPI document, Swagger UI's files) get a
 * request every fourth round only, so `npm test` stays short.
 */
const SLOW =
  /^(POST \/api\/v1\/auth\/login|GET \/docs\/|GET \/openapi\.json|(POST|PATCH) \/api\/v1\/malls\/:mall\/users)/;
/** A file to write each route and request kind to as the run goes (to find a slow or hanging one). */
const TRACE = process.env.FUZZ_TRACE;
// A Monday, 10:00 in Jakarta: the mall is open and every queue, booking and deadline rule applies.
const START = new Date('2026-11-23T03:00:00Z');

type Who =
  | 'anonymous'
  | 'forged'
  | 'kiosk'
  | 'display'
  | 'integrator'
  | 'officer'
  | 'back_office'
  | 'agency_admin'
  | 'mall_admin'
  | 'auditor'
  | 'national_admin'
  | 'other_mall_admin';
const STAFF = {
  officer: 'petugas',
  back_office: 'dukcapil-bo',
  agency_admin: 'dukcapil-admin',
  mall_admin: 'admin',
  auditor: 'auditor',
  national_admin: 'national',
} as const;
const WHO: Who[] = [
  'anonymous',
  'forged',
  'kiosk',
  'display',
  'integrator',
  ...(Object.keys(STAFF) as Who[]),
  'other_mall_admin',
];

/** Small deterministic PRNG for picks made when a request is sent (pools grow during the run). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hash = (s: string) => {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
};

/** The resource family of a URL: its first fixed segment after the mall (or after /api/v1). */
function familyOf(url: string): string {
  const rest = url.replace(/^\/api\/v1\/(malls\/:mall\/)?/, '');
  return rest.split('/')[0]!.replace(/\..*$/, '') || 'malls';
}
const plural = (s: string) => (s.endsWith('y') ? `${s.slice(0, -1)}ies` : `${s}s`);
const HARVEST = /^(id|\w+Id|\w*[cC]ode|key|slug|zone|event|locale|kind|file)$/;

/** Ids and codes the API answered, by "family.field" and "*.field". */
class Pools {
  private readonly m = new Map<string, (string | number)[]>();
  add(key: string, v: string | number) {
    const list = this.m.get(key) ?? [];
    if (list.includes(v)) return;
    if (list.length >= 40) list.splice(10 + (list.length % 30), 1);
    list.push(v);
    this.m.set(key, list);
  }
  get(key: string) {
    return this.m.get(key) ?? [];
  }
  size() {
    return [...this.m.values()].reduce((n, l) => n + l.length, 0);
  }
  harvest(family: string, v: unknown, top = true): void {
    if (Array.isArray(v)) for (const x of v) this.harvest(family, x, top);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        const scalar =
          (typeof x === 'number' && Number.isSafeInteger(x)) || (typeof x === 'string' && x.length <= 64);
        if (scalar && HARVEST.test(k)) {
          if (top) this.add(`${family}.${k}`, x as string | number);
          this.add(`*.${k}`, x as string | number);
        } else if (x && typeof x === 'object')
          this.harvest(k === 'items' ? family : k, x, k === 'items' ? top : true);
      }
  }
  /** Candidates for a path parameter or body field named `name` in a route of `family`. */
  candidates(family: string, name: string): (string | number)[] {
    const keys = [`${family}.${name}`];
    if (name === 'code' || name === 'trackingCode' || name === 'verifyCode')
      keys.push(`${family}.trackingCode`, `${family}.code`, `${family}.verifyCode`);
    const base = name.replace(/Ids?$/, '');
    if (base !== name) keys.push(`${plural(base)}.id`);
    if (name === 'ticketTrackingCode') keys.push('tickets.trackingCode');
    for (const k of keys) if (this.get(k).length) return this.get(k);
    const any = this.get(`*.${name}`);
    return any.length ? any : /Id$|^id$/.test(name) ? this.get('*.id') : [];
  }
}

type Choice = { pool: true } | { pool: false; value: string; raw?: boolean };
type BodyPlan =
  | { kind: 'none' }
  | { kind: 'schema'; valid: unknown; mutation: Mutation }
  | { kind: 'hostile'; value: unknown }
  | { kind: 'raw'; index: number }
  | { kind: 'file'; file: Buffer; type: number };
type QueryPlan =
  | { kind: 'none' }
  | { kind: 'schema'; valid: unknown; mutation: Mutation; dup: string | null; arraysRepeat: boolean }
  | { kind: 'junk'; pairs: [string, string][] };
interface Plan {
  who: Who;
  auth: number | null;
  ip: number;
  mall: Choice;
  params: Record<string, Choice>;
  query: QueryPlan;
  body: BodyPlan;
  headers: Record<string, string>;
  /** How many times the same request is sent at once. */
  copies: number;
  dice: number;
}

/** Open311 reads its query and form by hand (no zod schema on the route): the spec's fields. */
const OPEN311_FIELDS = z.object({
  service_code: z.enum(['complaint', 'aspiration', 'information_request']).optional(),
  service_request_id: z.string().max(40).optional(),
  status: z.enum(['open', 'closed', 'open,closed']).optional(),
  start_date: z
    .string()
    .regex(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    .optional(),
  end_date: z
    .string()
    .regex(/^20\d\d-\d\d-\d\d$/)
    .optional(),
  api_key: z.string().max(60).optional(),
  description: z.string().min(1).max(200).optional(),
  lat: z.number().optional(),
  long: z.number().optional(),
  email: z.string().max(40).optional(),
  first_name: z.string().max(40).optional(),
  phone: z.string().max(20).optional(),
  media_url: z.string().max(60).optional(),
  'attribute[title]': z.string().max(80).optional(),
  'attribute[service]': z.number().int().positive().optional(),
  'attribute[ticket]': z.string().max(20).optional(),
});
const schemaOf = (r: RouteEntry, part: 'params' | 'querystring' | 'body') =>
  r.url.startsWith('/open311/') && part === 'querystring'
    ? OPEN311_FIELDS
    : (r.schema as Record<string, z.ZodType | undefined> | undefined)?.[part];
const consumesOf = (r: RouteEntry) =>
  (r.schema as { consumes?: string[] } | undefined)?.consumes?.filter((c) => c !== 'application/json');
const paramNames = (url: string) => [...url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');

/** The parts of a URL a hostile path value may be written into unencoded. */
const URL_SAFE = /^[%\w.~/-]*$/;
const wellFormed = (s: string) => (s as string & { toWellFormed(): string }).toWellFormed();
const enc = (s: string) => encodeURIComponent(wellFormed(s));
const text = (v: unknown): string =>
  typeof v === 'string' ? v : v instanceof Raw ? v.text : v === undefined ? '' : toJson(v);
const cap = (s: string) => (s.length > 8_000 ? s.slice(0, 8_000) : s);

/** A value one time in `n`, else null (fc.option's `freq` is the other way round: null 1 in n). */
const sometimes = <T>(a: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: a });

function planOf(route: RouteEntry): fc.Arbitrary<Plan> {
  const names = paramNames(route.url);
  const params = schemaOf(route, 'params');
  const shape =
    (params ? (params as unknown as { shape?: Record<string, z.ZodType> }).shape : undefined) ?? {};
  const choice = (name: string): fc.Arbitrary<Choice> => {
    const valid = shape[name] ? validOf(shape[name]) : undefined;
    return fc.oneof(
      { weight: name === 'mall' ? 16 : 10, arbitrary: fc.constant({ pool: true as const }) },
      ...(valid
        ? [{ weight: 2, arbitrary: valid.map((v) => ({ pool: false as const, value: String(v) })) }]
        : []),
      {
        weight: 3,
        arbitrary: fc
          .tuple(hostileText, fc.boolean())
          .map(([value, raw]) => ({ pool: false as const, value, raw: raw && URL_SAFE.test(value) })),
      },
    );
  };
  const query = schemaOf(route, 'querystring');
  const queryValid = validOf(query);
  const queryPlan: fc.Arbitrary<QueryPlan> = fc.oneof(
    { weight: query ? 1 : 4, arbitrary: fc.constant({ kind: 'none' as const }) },
    ...(queryValid
      ? [
          {
            weight: 6,
            arbitrary: fc.record({
              kind: fc.constant('schema' as const),
              valid: queryValid,
              mutation,
              dup: sometimes(fc.constantFrom(...Object.keys(shapeOf(query)), 'x'), 5),
              arraysRepeat: fc.boolean(),
            }),
          },
        ]
      : []),
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('junk' as const),
        pairs: fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(
                '__proto__',
                'constructor',
                'limit',
                'offset',
                'q',
                ...Object.keys(shapeOf(query)),
              ),
              hostileText,
            ),
            hostileText,
          ),
          { maxLength: 4 },
        ),
      }),
    },
  );
  const body = schemaOf(route, 'body');
  const bodyValid = validOf(body);
  const consumes = consumesOf(route);
  const raw = fc.record({ kind: fc.constant('raw' as const), index: fc.nat({ max: RAW_BODIES.length - 1 }) });
  const hostile = fc.record({ kind: fc.constant('hostile' as const), value: hostileJson });
  const none = fc.constant({ kind: 'none' as const });
  const bodyPlan: fc.Arbitrary<BodyPlan> = consumes?.length
    ? fc.oneof(
        {
          weight: 6,
          arbitrary: fc.record({ kind: fc.constant('file' as const), file: rawFile, type: fc.nat() }),
        },
        { weight: 1, arbitrary: raw },
        { weight: 1, arbitrary: none },
      )
    : bodyValid
      ? fc.oneof(
          {
            weight: 10,
            arbitrary: fc.record({ kind: fc.constant('schema' as const), valid: bodyValid, mutation }),
          },
          { weight: 2, arbitrary: hostile },
          { weight: 2, arbitrary: raw },
          { weight: 1, arbitrary: none },
        )
      : route.method === 'GET'
        ? fc.oneof({ weight: 12, arbitrary: none }, { weight: 1, arbitrary: raw })
        : fc.oneof(
            { weight: 8, arbitrary: none },
            { weight: 1, arbitrary: hostile },
            { weight: 1, arbitrary: raw },
          );
  const favoured: Who[] =
    route.config?.access === 'staff'
      ? ['mall_admin', 'national_admin']
      : route.config?.access === 'device'
        ? ['kiosk', 'display']
        : ['anonymous'];
  const who: fc.Arbitrary<Who> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...favoured) },
    { weight: 5, arbitrary: fc.constantFrom(...WHO) },
  );
  return fc.record({
    who,
    auth: sometimes(fc.nat({ max: FORGED_AUTH.length - 1 }), 8),
    ip: fc.nat({ max: 511 }),
    mall: fc.oneof(
      { weight: 16, arbitrary: fc.constant({ pool: true as const }) },
      { weight: 1, arbitrary: fc.constant({ pool: false as const, value: '@other' }) },
      { weight: 2, arbitrary: hostileText.map((value) => ({ pool: false as const, value })) },
    ),
    params: fc.record(Object.fromEntries(names.filter((n) => n !== 'mall').map((n) => [n, choice(n)]))),
    query: queryPlan,
    body: bodyPlan,
    headers: hostileHeaders,
    copies: fc.oneof(
      { weight: 12, arbitrary: fc.constant(1) },
      { weight: 1, arbitrary: fc.constantFrom(2, 3) },
    ),
    dice: fc.nat(),
  });
}

function shapeOf(s: z.ZodType | undefined): Record<string, z.ZodType> {
  return (s as unknown as { shape?: Record<string, z.ZodType> } | undefined)?.shape ?? {};
}

interface Outcome {
  res: LightMyRequestResponse | null;
  /** Sent with the real token of one of the test's callers (not forged, not anonymous). */
  signedIn: boolean;
  error?: unknown;
  request: string;
}

describe.each(dialects().filter((d) => !process.env.FUZZ_DB || d === process.env.FUZZ_DB))(
  'fuzz: hostile requests on %s',
  (dialect) => {
    let t: TestMall;
    let other: string;
    const tokens: Partial<Record<Who, string>> = {};
    const pools = new Pools();
    /** Our callers' own rows: never disabled, revoked or edited by the fuzz (it would blind the rest). */
    const own = { users: new Set<number>(), devices: new Set<number>(), 'api-keys': new Set<number>() };
    const crashes: string[] = [];
    /** What the server itself logged at level error (a 5xx's cause, a failed background job). */
    const serverErrors: { requestId?: string; text: string }[] = [];
    const serverLog = pino(
      { level: 'error' },
      {
        write(line: string) {
          const e = JSON.parse(line) as {
            reqId?: string;
            msg?: string;
            err?: { type?: string; message?: string; stack?: string };
          };
          const stack = e.err?.stack?.split('\n').slice(0, 6).join('\n      ') ?? e.err?.message;
          serverErrors.push({ requestId: e.reqId, text: `${e.msg ?? ''}: ${stack ?? line.slice(0, 400)}` });
        },
      },
    );
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype);
    const arrayBefore = Object.getOwnPropertyNames(Array.prototype);
    const onCrash = (kind: string) => (err: unknown) =>
      crashes.push(`${kind}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    const onRejection = onCrash('unhandledRejection');
    const onException = onCrash('uncaughtException');
    const stats = {
      requests: 0,
      byStatus: new Map<number, number>(),
      byWho: new Map<Who, number>(),
      ok: new Set<string>(),
    };

    const url = (p: string, mall = t.slug) => `/api/v1/malls/${mall}${p}`;
    const call = (method: string, u: string, who: Who, payload?: unknown) =>
      t.app.inject({
        method: method as 'GET',
        url: u,
        headers: tokens[who] ? bearer(tokens[who]!) : {},
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    beforeAll(async () => {
      const setupStart = Date.now();
      process.on('unhandledRejection', onRejection);
      process.on('uncaughtException', onException);
      t = await createTestMall(dialect, { start: START, alwaysOpen: true, log: serverLog });
      other = `fz-${Date.now().toString(36)}-${dialect.slice(0, 2)}`;
      await seedDemoMall(t.ctx.database, PASSWORD, { slug: other, usernameSuffix: other, now: START });
      for (const [who, name] of Object.entries(STAFF)) tokens[who as Who] = await t.login(name);
      const otherLogin = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `admin-${other}`, password: PASSWORD },
      });
      tokens.other_mall_admin = otherLogin.json().token;
      const kiosk = await t.pairDevice('kiosk');
      const display = await t.pairDevice('display');
      tokens.kiosk = kiosk.token;
      tokens.display = display.token;
      own.devices.add(kiosk.id).add(display.id);
      const key = await call('POST', url('/api-keys'), 'mall_admin', {
        name: 'fuzz',
        scopes: ApiScope.options,
      });
      tokens.integrator = key.json().key;
      own['api-keys'].add(key.json().id);
      for (const who of Object.keys(STAFF) as Who[])
        own.users.add((await call('GET', '/api/v1/auth/me', who)).json().id);
      own.users.add((await call('GET', '/api/v1/auth/me', 'other_mall_admin')).json().id);
      await fixtures();
      await harvestAll();
      console.log(`[fuzz ${dialect}] set up in ${((Date.now() - setupStart) / 1000).toFixed(1)}s`);
    }, 120_000);

    afterAll(async () => {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      await t?.close();
    });

    /** A few things in every state worth reaching: tickets waiting and called, a booking, an application, a complaint. */
    async function fixtures() {
      const services = (await call('GET', url('/services?limit=500'), 'anonymous')).json().items as {
        id: number;
        name: string;
      }[];
      const ktp = services.find((s) => s.name === 'Penerbitan KTP-el baru')?.id ?? services[0]!.id;
      const kk = services.find((s) => s.name.startsWith('Penerbitan Kartu Keluarga'))?.id ?? services[0]!.id;
      const me = (await call('GET', '/api/v1/auth/me', 'officer')).json();
      const counterId = me.counterIds?.[0];
      for (const s of [ktp, kk, ktp]) pools.harvest('tickets', (await t.issueKioskTicket(s)).json());
      if (counterId) {
        await call('POST', url(`/counters/${counterId}/sign-in`), 'officer');
        pools.harvest(
          'tickets',
          (await call('POST', url(`/counters/${counterId}/call-next`), 'officer')).json(),
        );
      }
      const sessions = await call('PATCH', url(`/services/${ktp}`), 'mall_admin', {
        booking: { sessions: [{ start: '08:00', end: '12:00', capacity: 50 }], daysAhead: 14 },
      });
      const sessionId = sessions.json()?.booking?.sessions?.[0]?.id;
      pools.harvest(
        'bookings',
        (
          await call('POST', url('/bookings'), 'anonymous', {
            serviceId: ktp,
            date: '2026-11-24',
            sessionId,
            nik: '3204011505900001',
            name: 'Warga Uji',
            phone: '0812-3456-7890',
          })
        ).json(),
      );
      const reqs =
        (await call('GET', url(`/services/${kk}`), 'anonymous')).json().standard?.requirements ?? [];
      pools.harvest(
        'applications',
        (
          await call('POST', url('/applications'), 'officer', {
            serviceId: kk,
            applicant: { name: 'Siti Uji', nik: '3204015505900007', phone: '081298765432' },
            checklist: reqs.map((requirement: string) => ({ requirement, present: true })),
          })
        ).json(),
      );
      pools.harvest(
        'complaints',
        (
          await call('POST', url('/complaints'), 'anonymous', {
            type: 'complaint',
            title: 'Antrean terlalu lama',
            body: 'Menunggu dua jam tanpa kejelasan.',
          })
        ).json(),
      );
    }

    const routes = () =>
      t.app.routeTable.filter(
        (r) => !r.url.endsWith('/auth/logout') && (!ONLY || `${r.method} ${r.url}`.includes(ONLY)),
      );

    /** Reads every list and detail the API has (as the national admin) and keeps the ids and codes. */
    async function harvestAll() {
      const gets = t.app.routeTable.filter(
        // JSON answers only: files (PDF, XLSX, CSV) hold no ids and take long to make.
        (r) =>
          r.method === 'GET' &&
          r.url.startsWith('/api/') &&
          !/\/stream$|\.(pdf|xlsx|csv|:format)$|export|receipt|\/clips\/|\/attachments\/|documents\/:id$/.test(
            r.url,
          ),
      );
      for (const pass of [0, 1]) {
        for (const r of gets) {
          const names = paramNames(r.url).filter((n) => n !== 'mall');
          if (names.length !== pass) continue;
          const family = familyOf(r.url);
          const values = pass === 0 ? [null] : pools.candidates(family, names[0]!).slice(0, 1);
          for (const v of values) {
            const u = r.url.replace(':mall', t.slug).replace(/:(\w+)/, String(v));
            const res = await call('GET', u, 'national_admin');
            if (res.statusCode === 200 && res.headers['content-type']?.toString().includes('json'))
              pools.harvest(family, res.json(), pass === 0 || /\/:\w+$/.test(r.url));
          }
        }
      }
    }

    /** Sends one generated request; ids and codes are picked from the pools as they are now. */
    async function send(route: RouteEntry, plan: Plan): Promise<Outcome[]> {
      const rnd = prng(plan.dice);
      const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
      const family = familyOf(route.url);
      const guard = (name: string, v: string | number) => {
        const set = name === 'id' ? own[family as keyof typeof own] : undefined;
        return set?.has(Number(v)) ? 2_000_000_000 : v;
      };
      const param = (name: string): string => {
        if (name === 'mall') {
          const c = plan.mall;
          return c.pool ? t.slug : c.value === '@other' ? other : c.raw ? c.value : enc(c.value);
        }
        const c = plan.params[name] ?? { pool: true };
        if (!c.pool) return c.raw ? c.value : enc(String(guard(name, c.value)));
        const got = pick(pools.candidates(family, name));
        return got === undefined ? String(1 + (plan.dice % 50)) : enc(String(guard(name, got)));
      };
      let path = route.url.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => param(name ?? '*'));
      // jurisdiction_id is the mall of the Open311 routes.
      if (route.url.startsWith('/open311/')) path += `?jurisdiction_id=${param('mall')}`;

      const qs: string[] = [];
      const q = plan.query;
      if (q.kind === 'schema') {
        const v = mutate(withPools(q.valid, family, pick), schemaOf(route, 'querystring'), q.mutation);
        if (v && typeof v === 'object' && !Array.isArray(v))
          for (const [k, x] of Object.entries(v)) {
            if (x === undefined) continue;
            if (Array.isArray(x) && q.arraysRepeat)
              for (const e of x) qs.push(`${enc(k)}=${enc(cap(text(e)))}`);
            else qs.push(`${enc(k)}=${enc(cap(Array.isArray(x) ? x.map(text).join(',') : text(x)))}`);
          }
        else if (v !== undefined) qs.push(enc(cap(text(v))));
        if (q.dup) qs.push(`${enc(q.dup)}=${enc(pick(['1', '', 'x', '-1', '2026-11-24']) ?? '')}`);
      } else if (q.kind === 'junk') for (const [k, v] of q.pairs) qs.push(`${enc(cap(k))}=${enc(cap(v))}`);
      if (qs.length) path += `${path.includes('?') ? '&' : '?'}${qs.join('&')}`;

      const headers: Record<string, string> = { ...plan.headers };
      const token = tokens[plan.who];
      if (plan.auth !== null && (plan.who === 'forged' || rnd() < 0.5))
        headers.authorization = FORGED_AUTH[plan.auth]!;
      else if (token) headers.authorization = `Bearer ${token}`;
      else if (plan.who === 'forged') headers.authorization = 'Bearer forged-token';
      const signedIn = !!token && headers.authorization === `Bearer ${token}`;
      let payload: string | Buffer | undefined;
      const b = plan.body;
      if (b.kind === 'schema') {
        const v = mutate(withPools(b.valid, family, pick), schemaOf(route, 'body'), b.mutation);
        payload = toJson(v === undefined ? {} : v);
        headers['content-type'] = 'application/json';
      } else if (b.kind === 'hostile') {
        payload = toJson(b.value);
        headers['content-type'] = 'application/json';
      } else if (b.kind === 'raw') {
        const r = RAW_BODIES[b.index]!;
        payload = r.body;
        if (r.contentType) headers['content-type'] = r.contentType;
      } else if (b.kind === 'file') {
        const types = [...(consumesOf(route) ?? []), 'application/json', 'text/plain', 'image/svg+xml'];
        payload = b.file;
        headers['content-type'] = types[b.type % types.length]!;
      }
      const request = `${route.method} ${path.slice(0, 600)} as ${plan.who} headers=${JSON.stringify(headers).slice(0, 400)} body=${payload === undefined ? '-' : Buffer.isBuffer(payload) ? `<${payload.length} bytes ${payload.subarray(0, 40).toString('hex')}>` : payload.slice(0, 600)}`;
      if (TRACE) fs.appendFileSync(TRACE, `      ${request.slice(0, 300)}\n`);
      const stream = route.url.endsWith('/stream');
      const once = async (): Promise<Outcome> => {
        try {
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: path,
            headers,
            remoteAddress: `10.77.${plan.ip >> 8}.${plan.ip & 255}`,
            ...(payload === undefined ? {} : { payload }),
            ...(stream ? { payloadAsStream: true } : {}),
          });
          if (stream) return { res: await drainStream(res), request, signedIn };
          return { res, request, signedIn };
        } catch (error) {
          return { res: null, error, request, signedIn };
        }
      };
      // A double (or triple) click: the same request sent again before the first is answered.
      return Promise.all(Array.from({ length: stream ? 1 : plan.copies }, once));
    }

    /** A held stream is left at once (the server must let it go); an error answer is read whole. */
    async function drainStream(res: LightMyRequestResponse): Promise<LightMyRequestResponse> {
      if (res.statusCode === 200) {
        (res.raw.res as unknown as { destroy(e?: Error): void }).destroy(new Error('fuzz: client gone'));
        return Object.assign(Object.create(res), { body: '', payload: '' });
      }
      const chunks: Buffer[] = [];
      for await (const c of res.stream()) chunks.push(Buffer.from(c));
      const body = Buffer.concat(chunks).toString();
      return Object.assign(Object.create(res), { body, payload: body, json: () => JSON.parse(body) });
    }

    /** Ids and codes in a valid body mostly point at real things (services, counters, sessions, tickets…). */
    function withPools(v: unknown, family: string, pick: <T>(xs: T[]) => T | undefined): unknown {
      if (Array.isArray(v)) return v.map((x) => withPools(x, family, pick));
      if (!v || typeof v !== 'object') return v;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const real = /(Id|Ids|[cC]ode)$/.test(k) ? pools.candidates(family, k.replace(/Ids$/, 'Id')) : [];
        if (real.length && typeof x === 'number') out[k] = pick(real);
        else if (real.length && Array.isArray(x)) out[k] = x.map(() => pick(real));
        else if (real.length && typeof x === 'string' && /[cC]ode$/.test(k)) out[k] = String(pick(real));
        else out[k] = withPools(x, family, pick);
      }
      return out;
    }

    /** What is wrong with an answer, if anything. */
    function problemOf(route: RouteEntry, o: Outcome): string | null {
      const res = o.res;
      if (!res) return `request failed: ${o.error instanceof Error ? o.error.message : String(o.error)}`;
      const body = res.body ?? '';
      if (/root:x:0:0|"name":\s*"satu-atap"|BEGIN (RSA |EC )?PRIVATE KEY/.test(body))
        return 'leaked a file from disk';
      if (res.statusCode >= 500) {
        const id = (() => {
          try {
            return JSON.parse(body)?.error?.requestId as string | undefined;
          } catch {
            return undefined;
          }
        })();
        const cause = serverErrors.find((e) => id && e.requestId === id)?.text ?? '(no log line)';
        return `status ${res.statusCode}: ${body.slice(0, 200)}\n    server: ${cause}`;
      }
      if (/\n\s+at .+\(.*:\d+:\d+\)|node_modules\//.test(body)) return 'a stack trace in the answer';
      const gated = route.config?.access === 'staff' || route.config?.access === 'device';
      if (gated && !o.signedIn && res.statusCode < 300) return `${res.statusCode} without a valid token`;
      if (res.statusCode < 400) return null;
      if (route.url.startsWith('/open311/')) {
        const ok = /\.xml/.test(o.request.split(' ')[1] ?? '')
          ? /<code>\d{3}<\/code>/.test(body) && /<description>/.test(body)
          : (() => {
              try {
                const e = JSON.parse(body)?.[0];
                return typeof e?.code === 'number' && typeof e?.description === 'string';
              } catch {
                return false;
              }
            })();
        return ok ? null : `open311 error without {code, description}: ${body.slice(0, 200)}`;
      }
      let err: { code?: unknown; message?: unknown } | undefined;
      try {
        err = JSON.parse(body)?.error;
      } catch {
        return `${res.statusCode} not JSON: ${body.slice(0, 200)}`;
      }
      const code = err?.code;
      if (typeof code !== 'string' || !(code in ERROR_STATUS))
        return `${res.statusCode} without a known error code: ${body.slice(0, 200)}`;
      if (typeof err?.message !== 'string' || err.message.trim() === '')
        return `${res.statusCode} ${code} without a message`;
      const want = ERROR_STATUS[code as keyof typeof ERROR_STATUS];
      if (want !== res.statusCode) return `${code} answered ${res.statusCode}, its table says ${want}`;
      return null;
    }

    it('answers every route, every caller and every hostile input below 500, in the error shape', async () => {
      const list = routes().map((route) => ({
        route,
        key: `${route.method} ${route.url}`,
        plan: planOf(route),
        seed: (SEED ^ hash(`${route.method} ${route.url}`)) >>> 0,
        failed: false,
      }));
      const started = Date.now();
      const deadline = started + BUDGET_S[dialect] * 1000;
      const failures: string[] = [];
      const noGenerator: string[] = [];
      console.log(
        `[fuzz ${dialect}] seed ${SEED}, ${list.length} routes, ${FIXED ? `${ROUNDS[dialect]} rounds` : `rounds for ${BUDGET_S[dialect]} s (at least ${MIN_ROUNDS})`}`,
      );
      for (const { route } of list)
        for (const part of ['params', 'querystring', 'body'] as const) {
          const s = schemaOf(route, part);
          if (s && !validOf(s)) noGenerator.push(`${route.method} ${route.url} ${part}`);
        }
      // Round k sends the k-th generated request of every route, so every route gets as many and
      // the state one route leaves (a ticket called, a booking cancelled) meets all the others.
      let round = 0;
      for (; round < ROUNDS[dialect]; round++) {
        if (!FIXED && round >= MIN_ROUNDS && Date.now() > deadline) break;
        for (const r of list) {
          if (r.failed || (SLOW.test(r.key) && round % 4 !== 0)) continue;
          const [plan] = fc.sample(r.plan, { seed: (r.seed + round * 0x9e3779b1) >>> 0, numRuns: 1 });
          if (!plan) continue;
          if (TRACE)
            fs.appendFileSync(
              TRACE,
              `${round} ${dialect} ${r.key} ${plan.who} ${plan.body.kind} ${plan.query.kind}\n`,
            );
          const sentAt = Date.now();
          for (const o of await send(r.route, plan)) {
            stats.requests++;
            stats.byWho.set(plan.who, (stats.byWho.get(plan.who) ?? 0) + 1);
            const status = o.res?.statusCode ?? 0;
            stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
            if (status >= 200 && status < 300) {
              stats.ok.add(r.key);
              if (o.res?.headers['content-type']?.toString().includes('json') && o.res.body)
                try {
                  pools.harvest(
                    familyOf(r.route.url),
                    o.res.json(),
                    /^\/api\/v1\/(malls\/:mall\/)?[\w-]+(\/:\w+)?$/.test(r.route.url),
                  );
                } catch {}
            }
            if (TRACE)
              fs.appendFileSync(
                TRACE,
                `    → ${o.res?.statusCode} ${Date.now() - sentAt} ms ${o.res?.body.slice(0, 160)}\n`,
              );
            const p = r.failed ? null : problemOf(r.route, o);
            if (!p) continue;
            r.failed = true;
            failures.push(
              `${r.key}: ${p}\n    ${o.request}${plan.copies > 1 ? ` (sent ${plan.copies} times at once)` : ''}\n` +
                `    replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${round + 1} FUZZ_DB=${dialect} npx vitest run test/fuzz.property.test.ts (round ${round + 1})`,
            );
          }
        }
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const statuses = [...stats.byStatus]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}:${n}`)
        .join(' ');
      console.log(
        `[fuzz ${dialect}] ${stats.requests} requests (${round} rounds) in ${seconds}s over ${list.length} routes as ${stats.byWho.size} callers; ` +
          `routes answering 2xx at least once: ${stats.ok.size}; statuses ${statuses}; pooled ids/codes ${pools.size()}; failures ${failures.length}`,
      );
      for (const f of failures) console.log(`[fuzz ${dialect}] ${f}`);
      if (TRACE)
        fs.appendFileSync(
          TRACE,
          `never 2xx:\n${list
            .map((r) => r.key)
            .filter((k) => !stats.ok.has(k))
            .join('\n')}\n`,
        );
      expect(noGenerator, 'zod shapes test/zod-arbitrary.ts cannot generate yet').toEqual([]);
      expect(failures).toEqual([]);
      expect(round).toBeGreaterThanOrEqual(Math.min(MIN_ROUNDS, ROUNDS[dialect]));
      expect(crashes).toEqual([]);
      // Nothing failed out of sight either (a background job, an after-commit effect).
      expect([...new Set(serverErrors.map((e) => e.text))]).toEqual([]);
    }, 600_000);

    it('still answers the health check, the mall and an intact audit chain afterwards', async () => {
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', database: dialect });
      expect((await call('GET', url(''), 'anonymous')).statusCode).toBe(200);
      const audit = await call('GET', url('/audit/verify'), 'national_admin');
      expect(audit.statusCode, audit.body).toBe(200);
      expect(audit.json().problems).toEqual([]);
      expect(audit.json().ok).toBe(true);
      // The prototype keys sent in bodies and queries polluted nothing.
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeBefore);
      expect(Object.getOwnPropertyNames(Array.prototype)).toEqual(arrayBefore);
      expect(
        ({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).isAdmin,
      ).toBeUndefined();
      expect(crashes).toEqual([]);
    });
  },
);
