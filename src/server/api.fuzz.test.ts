import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ZodType, z } from 'zod';
import { bearer, createTestMall, type TestMall } from '../../test/harness.js';
import type { RouteEntry } from './route-table.js';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

const nasty = fc.constantFrom<unknown>(
  null,
  '',
  ' ',
  -1,
  0,
  1.5,
  1e308,
  '9'.repeat(40),
  '9999-12-31',
  '0000-00-00',
  '24:00',
  '3204123456780001',
  '+6281234567890',
  '%',
  '\u0000',
  '<script>',
  '../../etc/passwd',
  [],
  {},
  true,
);

/** A value shaped like the schema most of the time, malformed (wrong type, out of range) often. */
function arb(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 3) return fc.oneof(nasty, fc.jsonValue({ maxDepth: 1 }));
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => arb(a, depth + 1)));
  if (s.enum) return fc.oneof(fc.constantFrom(...s.enum), nasty);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: -3, max: 300 }), fc.double(), nasty);
    case 'string': {
      let valid: fc.Arbitrary<string> = fc.string({ maxLength: 30 });
      try {
        if (s.pattern) valid = fc.stringMatching(new RegExp(s.pattern));
      } catch {}
      const edges = fc.constantFrom('9999-12-31', '2199-12-31', '1900-01-01', '0001-01-01', '24:00', '99:99');
      return fc.oneof(valid, edges, fc.string({ maxLength: 30 }), nasty);
    }
    case 'boolean':
      return fc.oneof(fc.boolean(), nasty);
    case 'array':
      return fc.oneof(fc.array(arb(s.items, depth + 1), { maxLength: 3 }), nasty);
    case 'object': {
      const props = Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, arb(v, depth + 1)]),
      );
      return fc.oneof(fc.record(props), fc.record(props, { requiredKeys: [] }), nasty);
    }
    default:
      return fc.oneof(nasty, fc.jsonValue({ maxDepth: 1 }));
  }
}

const jsonSchema = (schema: ZodType | undefined): JsonSchema | undefined => {
  if (!schema) return undefined;
  try {
    // An empty registry: schemas named as OpenAPI components (src/server/openapi.ts) stay inline here.
    return z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
      metadata: z.registry(),
    }) as JsonSchema;
  } catch {
    return undefined;
  }
};

const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/**
 * Schema-driven malformed input against every route, as several identities: whatever arrives, the
 * API answers in its error shape and never with a 5xx.
 */
describe('fuzz: malformed input never gives a 5xx', () => {
  let t: TestMall;
  const tokens: Record<string, string | undefined> = {};
  beforeAll(async () => {
    t = await createTestMall('sqlite');
    tokens.anonymous = undefined;
    for (const name of ['petugas', 'dukcapil-admin', 'admin', 'national']) tokens[name] = await t.login(name);
    tokens.kiosk = await t.kioskToken();
    const key = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/api-keys`,
      headers: { authorization: `Bearer ${tokens.admin}` },
      payload: { name: 'fuzz', scopes: ['queue.read', 'webhooks.manage'] },
    });
    tokens.apiKey = key.json().key;
  });
  afterAll(() => t.close());

  const routes = (): RouteEntry[] =>
    t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !r.url.endsWith('/stream') && !r.url.includes('/auth/logout'),
    );

  it('answers every route with a 2xx/4xx in the error shape', async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      const params = jsonSchema(route.schema?.params);
      const paramArb = fc.record(
        Object.fromEntries(
          Object.keys(params?.properties ?? {}).map((k) => [
            k,
            k === 'mall'
              ? fc.oneof(
                  { arbitrary: fc.constant(t.slug), weight: 5 },
                  { arbitrary: nasty.map(asText), weight: 1 },
                )
              : fc.oneof(
                  fc.integer({ min: 1, max: 120 }).map(String),
                  fc.string({ maxLength: 12 }),
                  nasty.map(asText),
                ),
          ]),
        ),
      );
      const query = jsonSchema(route.schema?.querystring);
      const input = fc.record({
        params: paramArb,
        query: arb(query),
        body: arb(jsonSchema(route.schema?.body)),
        who: fc.constantFrom(...Object.keys(tokens)),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ params, query, body, who }) => {
          const url = route.url.replace(/:(\w+)/g, (_, k: string) =>
            encodeURIComponent(String((params as Record<string, string>)[k] ?? 'x')),
          );
          const qs =
            query && typeof query === 'object' && !Array.isArray(query)
              ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, asText(v)]))}`
              : '';
          const token = tokens[who];
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: url + qs,
            headers: token ? bearer(token) : {},
            ...(route.method === 'GET' || route.method === 'DELETE'
              ? {}
              : {
                  payload: JSON.stringify(body ?? null),
                  headers: { ...(token ? bearer(token) : {}), 'content-type': 'application/json' },
                }),
          });
          if (res.statusCode >= 500 || (res.statusCode >= 400 && !res.json()?.error?.code)) {
            failures.push(
              `${route.method} ${url + qs} as ${who} → ${res.statusCode} ${res.body.slice(0, 200)} body=${asText(body).slice(0, 200)}`,
            );
          }
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 12), seed: Number(process.env.FUZZ_SEED ?? 20261201) },
      );
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
