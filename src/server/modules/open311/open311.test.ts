import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { seedDemoMall } from '../../seed/demo.js';

// Every JSON answer is validated against the official GeoReport v2 schemas (open311/schema-validation);
// every XML answer must be well-formed and say the same as its JSON twin.
const SCHEMAS = path.join(import.meta.dirname, '../../../../test/open311-schemas');
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
for (const f of ['service', 'services', 'request', 'requests', 'service-definition'])
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMAS, `${f}.json`), 'utf8')), `${f}.json`);

function valid(kind: 'services' | 'requests' | 'service-definition', body: unknown) {
  const v = ajv.getSchema(`${kind}.json`)!;
  expect(v(body), `${kind}: ${ajv.errorsText(v.errors)}`).toBe(true);
}

const LISTS = ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'];
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.includes(name) });
const ITEM: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};
/** The JSON answer as its XML twin must read: text everywhere, null empty, lists under their singular. */
function asXmlReads(v: unknown, key = ''): unknown {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v))
    return ITEM[key] ? { [ITEM[key]]: v.map((x) => asXmlReads(x, ITEM[key])) } : v.map((x) => asXmlReads(x));
  if (typeof v === 'object')
    return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, asXmlReads(x, k)]));
  return String(v);
}
function sameAsJson(xml: string, json: unknown, root: string, item?: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const doc = parser.parse(xml) as Record<string, unknown>;
  const want = item ? { [item]: (json as unknown[]).map((x) => asXmlReads(x)) } : asXmlReads(json, root);
  expect(doc[root]).toEqual(want);
}

describe.each(dialects())('Open311 GeoReport v2 on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let key: string;
  const otherMall = `o311-${Date.now().toString(36)}-${dialect}`;
  beforeAll(async () => {
    t = await createTestMall(dialect, {
      start: new Date('2026-11-23T03:00:00Z'),
      env: { SESSION_TTL_HOURS: '2000' },
    });
    await seedDemoMall(t.ctx.database, 'other-pass-123', { slug: otherMall, usernameSuffix: otherMall });
    admin = await t.login('admin');
    // No scopes named: an Open311 key.
    const k = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/api-keys`,
      headers: bearer(admin),
      payload: { name: 'Aplikasi kabupaten' },
    });
    expect(k.statusCode, k.body).toBe(201);
    expect(k.json().scopes).toEqual(['open311']);
    key = k.json().key;
  }, 60_000);
  afterAll(() => t.close());

  const get = (p: string) => t.app.inject({ method: 'GET', url: `/open311/v2/${p}` });
  const j = (p: string) => `${p}${p.includes('?') ? '&' : '?'}jurisdiction_id=${t.slug}`;
  const post = (fields: Record<string, string>, format = 'json') =>
    t.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ jurisdiction_id: t.slug, ...fields }).toString(),
    });
  const both = async (
    p: string,
    kind: 'services' | 'requests' | 'service-definition' | null,
    root: string,
    item?: string,
  ) => {
    const json = await get(j(`${p}.json`));
    expect(json.statusCode, json.body).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    if (kind) valid(kind, json.json());
    const xml = await get(j(`${p}.xml`));
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toContain('text/xml');
    sameAsJson(xml.body, json.json(), root, item);
    return json.json();
  };
  const errorOf = async (res: Awaited<ReturnType<typeof get>>, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json() as { code: number; description: string }[];
    expect(body).toEqual([{ code: status, description: expect.any(String) }]);
  };

  it('serves discovery, services and service definitions, valid and equal in JSON and XML', async () => {
    const d = await both('discovery', null, 'discovery');
    expect(d.endpoints[0].formats).toEqual(['application/json', 'text/xml']);
    const services = await both('services', 'services', 'services', 'service');
    expect(services.map((s: { service_code: string }) => s.service_code)).toEqual([
      'complaint',
      'aspiration',
      'information_request',
    ]);
    const def = await both('services/complaint', 'service-definition', 'service_definition');
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual([
      'title',
      'service',
      'agency',
      'ticket',
      'anonymous',
      'confidential',
    ]);
    expect(def.attributes[1].values.length).toBeGreaterThan(3);
  });

  it('answers errors as a list of {code, description}: 404 unknown, 400 anything else', async () => {
    await errorOf(await get(j('services/no-such-code.json')), 404);
    const xml = await get(j('services/no-such-code.xml'));
    expect(xml.statusCode).toBe(404);
    expect(XMLValidator.validate(xml.body)).toBe(true);
    expect(parser.parse(xml.body).errors.error[0].code).toBe('404');
    await errorOf(await get('services.json?jurisdiction_id=tidak-ada'), 404);
    // Two malls in this database: jurisdiction_id is required.
    await errorOf(await get('services.json'), 400);
    await errorOf(
      await get(j('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z')),
      400,
    );
    await errorOf(await get(j('requests.json?status=maybe')), 400);
    await errorOf(await get(j('requests/999999.json')), 404);
    await errorOf(await get(j('tokens/NOPE.json')), 404);
    // Found by the fuzz test: a path too long to route answered in the API's own error shape…
    await errorOf(await get(`tokens/${'z'.repeat(2100)}.json`), 414);
    // …and so did a path Open311 does not have.
    await errorOf(await get(j('requests//')), 404);
  });

  it('takes a form-encoded request with the mall’s api_key, and refuses strangers', async () => {
    const fields = {
      service_code: 'complaint',
      description: 'Loket tutup saat jam layanan, kursi tunggu penuh.',
      address_string: 'MPP',
    };
    await errorOf(await post({ ...fields, api_key: 'sa_wrong-key-0123456789abcdef' }), 400);
    await errorOf(await post(fields), 400);
    const queueOnly = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/api-keys`,
      headers: bearer(admin),
      payload: { name: 'q', scopes: ['queue.read'] },
    });
    await errorOf(await post({ ...fields, api_key: queueOnly.json().key }), 400);
    const theirs = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: `admin-${otherMall}`, password: 'other-pass-123' },
    });
    const theirKey = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${otherMall}/api-keys`,
      headers: bearer(theirs.json().token),
      payload: { name: 'x' },
    });
    await errorOf(await post({ ...fields, api_key: theirKey.json().key }), 400);
    await errorOf(await post({ ...fields, api_key: key, service_code: 'nope' }), 404);
    await errorOf(await post({ ...fields, api_key: key, description: 'pendek' }), 400);
    await errorOf(await post({ ...fields, api_key: key, lat: 'utara' }), 400);

    const made = await post({
      ...fields,
      api_key: key,
      first_name: 'Rina',
      phone: '081234500011',
      'attribute[anonymous]': 'true',
    });
    expect(made.statusCode, made.body).toBe(200);
    const [r] = made.json();
    expect(r).toMatchObject({
      service_request_id: expect.any(String),
      token: expect.stringMatching(/^[A-Z2-9]{10}$/),
      account_id: null,
    });
    const viaXml = await post({ ...fields, api_key: key }, 'xml');
    expect(viaXml.statusCode).toBe(200);
    expect(parser.parse(viaXml.body).service_requests.request[0].service_request_id).toMatch(/^\d+$/);

    const one = await both(`requests/${r.service_request_id}`, 'requests', 'service_requests', 'request');
    expect(one[0]).toMatchObject({
      service_request_id: r.service_request_id,
      status: 'open',
      service_code: 'complaint',
      agency_responsible: null,
      expected_datetime: '2026-11-26T17:00:00.000Z',
    });
    expect(JSON.stringify(one)).not.toContain('Rina');
    expect(JSON.stringify(one)).not.toContain(r.token);
    const tok = await get(j(`tokens/${r.token}.json`));
    expect(tok.json()).toEqual([{ service_request_id: r.service_request_id, token: r.token }]);
    // The reporter follows it on the portal with the token as tracking code; the channel is Open311.
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/malls/${t.slug}/complaints/track/${r.token}`,
    });
    expect(mine.json()).toMatchObject({ channel: 'open311', anonymous: true });
  });

  it('lists requests with the spec’s filters, maps states to open/closed with notes, hides confidential ones', async () => {
    const agencies = (await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/agencies` })).json()
      .items;
    const make = async (extra: Record<string, string>) =>
      (
        await post({
          service_code: 'aspiration',
          description: 'Mohon tambah kursi di ruang tunggu lantai dua.',
          api_key: key,
          ...extra,
        })
      ).json()[0].service_request_id as string;
    const open = await make({});
    const secret = await make({ 'attribute[confidential]': 'true' });
    const done = await make({});
    const desk = (id: string, action: string, body: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/malls/${t.slug}/complaints/${id}/${action}`,
        headers: bearer(admin),
        payload: body,
      });
    expect((await desk(done, 'dispatch', { agencyId: agencies[0].id })).statusCode).toBe(200);
    const dispatched = await both(`requests/${done}`, 'requests', 'service_requests', 'request');
    expect(dispatched[0]).toMatchObject({ status: 'open', agency_responsible: agencies[0].name });
    expect(dispatched[0].status_notes).toContain('dispatched');
    expect((await desk(done, 'archive', { reason: 'Sudah ditindaklanjuti' })).statusCode).toBe(200);

    const all = await both('requests', 'requests', 'service_requests', 'request');
    const ids = all.map((r: { service_request_id: string }) => r.service_request_id);
    expect(ids).toEqual(expect.arrayContaining([open, done]));
    expect(ids).not.toContain(secret);
    await errorOf(await get(j(`requests/${secret}.json`)), 404);
    const closed = (await get(j('requests.json?status=closed'))).json();
    valid('requests', closed);
    expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([done]);
    expect(closed[0]).toMatchObject({ status: 'closed', expected_datetime: null });
    expect(closed[0].status_notes).toContain('archived');
    const picked = (
      await get(j(`requests.json?service_request_id=${open},${done}&service_code=aspiration`))
    ).json();
    expect(picked.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
      [open, done].sort(),
    );
    const none = (
      await get(j('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-02-01T00:00:00Z'))
    ).json();
    expect(none).toEqual([]);
    const emptyXml = await get(
      j('requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-02-01T00:00:00Z'),
    );
    expect(XMLValidator.validate(emptyXml.body)).toBe(true);
  });
});
