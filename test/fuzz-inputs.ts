import fc from 'fast-check';
import type { z } from 'zod';
import { arbitraryOf } from './zod-arbitrary.js';

/**
 * Hostile inputs for the API fuzz test (test/fuzz.property.test.ts): values, JSON bodies, query
 * strings, headers and raw files, most of them derived from a route's own zod schema (a valid value
 * from test/zod-arbitrary.ts, then one field broken at a time) so they reach past validation.
 */

/** JSON text written as is (numbers JSON.stringify cannot write, deep nesting, odd escapes). */
export class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold Raw parts and own `__proto__`/`constructor` keys. */
export function toJson(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** An object with own keys that are dangerous as property names (JSON.parse makes them own keys). */
const withKeys = (entries: [string, unknown][]): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true });
  return o;
};

const deepArray = (n: number) => new Raw(`${'['.repeat(n)}${']'.repeat(n)}`);
const deepObject = (n: number) => new Raw(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);

/** Strings that break naive code: control and odd Unicode, SQL, paths, templates, dates, names. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\ud800',
  '\udfff\ud800',
  '\ufeff',
  '\u202eevil',
  '\u200b',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  '１２３',
  '٣',
  "' OR '1'='1",
  "1'; DROP TABLE users; --",
  '1 OR 1=1',
  '%',
  '_',
  '%_%',
  '\\',
  '"',
  "'",
  '`',
  '$1',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f',
  '/',
  '//',
  '.',
  '..',
  'C:\\',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as is
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '%s%s%s%n',
  '=cmd|" /C calc"!A0',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '-1',
  '0',
  '-0',
  '1e309',
  '0x1F',
  '1_000',
  ' 7',
  '7 ',
  '7.5',
  '9'.repeat(40),
  '2147483648',
  '9007199254740993',
  '2026-02-30',
  '2026-02-29',
  '2028-02-29',
  '2026-13-01',
  '2026-00-10',
  '0000-00-00',
  '1899-12-31',
  '2200-01-01',
  '9999-12-31',
  '2026-1-1',
  '2026-11-23T25:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '1970-01-01T00:00:00Z',
  'Invalid Date',
  '24:00',
  '23:60',
  '25:00',
  '-01:00',
  '00:00',
  'Asia/Jakarta',
  'Mars/Olympus',
  'A-001',
  'sa_',
  'me',
  'x'.repeat(65),
  'x'.repeat(257),
  'x'.repeat(2_001),
];

const hostileNumbers: unknown[] = [
  0,
  -1,
  -2_147_483_649,
  2_147_483_648,
  1.5,
  -0.000001,
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  5e-324,
  new Raw('-0'),
  new Raw('1e400'),
  new Raw('-1e400'),
  new Raw('9007199254740993'),
  new Raw('1.00000000000000000000001'),
  new Raw('123456789012345678901234567890'),
];

/** Any hostile JSON value: wrong types, odd numbers and strings, deep and wide structures. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...hostileNumbers) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], [[]], [{}]) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400_000 }).map((n) => 'ä'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      deepArray(5_000),
      deepObject(5_000),
      Array.from({ length: 10_000 }, (_, i) => i),
      withKeys([['__proto__', { isAdmin: true, role: 'national_admin' }]]),
      withKeys([['constructor', { prototype: { polluted: 1 } }]]),
    ),
  },
);

/** A hostile value as it travels in a URL (path segment or query value), before encoding. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.integer({ min: 2_100, max: 9_000 }).map((n) => 'z'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%2F', '%c0%af', '%ff') },
);

/** The schema's kind at a path: used to write "valid but at the edge" values for that field. */
type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
function unwrap(s: z.ZodType): z.ZodType {
  const d = defOf(s);
  return ['optional', 'nullable', 'default'].includes(d.type) ? unwrap(d.innerType as z.ZodType) : s;
}

/** Values at the edges a field's own checks name (max length, max + 1, min − 1, the bounds). */
export function edgesOf(schema: z.ZodType): unknown[] {
  const s = unwrap(schema);
  const d = defOf(s);
  const checks = ((d.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map(
    (c) => c._zod.def,
  );
  const get = (name: string, key: string) => checks.find((c) => c.check === name)?.[key];
  if (d.type === 'string') {
    const max = Number(get('max_length', 'maximum') ?? 300);
    const min = Number(get('min_length', 'minimum') ?? 0);
    return ['é'.repeat(max), 'x'.repeat(max + 1), 'x'.repeat(Math.max(0, min - 1)), ' '.repeat(max)];
  }
  if (d.type === 'number') {
    const lo = get('greater_than', 'value');
    const hi = get('less_than', 'value');
    return [lo, hi, Number(lo ?? 0) - 1, Number(hi ?? 0) + 1, 0.5].filter((v) => v !== undefined);
  }
  if (d.type === 'array') {
    const max = Number(get('max_length', 'maximum') ?? 50);
    return [[], Array.from({ length: max + 1 }, () => null)];
  }
  if (d.type === 'enum') return [...Object.values(d.entries as object).map((v) => `${v} `), 'UNKNOWN'];
  return [];
}

/** One path into a value (object keys and array indexes), and the schema found at it if any. */
function paths(value: unknown, schema: z.ZodType | undefined, at: (string | number)[] = []) {
  const out: { path: (string | number)[]; schema?: z.ZodType }[] = [{ path: at, schema }];
  const inner = schema ? unwrap(schema) : undefined;
  const d = inner ? defOf(inner) : undefined;
  if (Array.isArray(value))
    for (const [i, v] of value.entries())
      out.push(...paths(v, d?.type === 'array' ? (d.element as z.ZodType) : undefined, [...at, i]));
  else if (value && typeof value === 'object' && !(value instanceof Raw))
    for (const [k, v] of Object.entries(value))
      out.push(
        ...paths(v, d?.type === 'object' ? (d.shape as Record<string, z.ZodType>)[k] : undefined, [...at, k]),
      );
  return out;
}

function setAt(value: unknown, path: (string | number)[], to: unknown, remove = false): unknown {
  if (path.length === 0) return to;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (remove && rest.length === 0) delete copy[head!];
  else copy[head!] = setAt(copy[head!], rest, to, remove);
  return copy;
}

/** A value the schema accepts (no generator for a shape: undefined, and the test lists the route). */
export function validOf(schema: z.ZodType | undefined): fc.Arbitrary<unknown> | undefined {
  if (!schema) return undefined;
  try {
    return arbitraryOf(schema);
  } catch {
    return undefined;
  }
}

export type Mutation =
  | { kind: 'valid' }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'edge'; pick: number; edge: number }
  | { kind: 'drop'; pick: number }
  | { kind: 'extra'; value: unknown; key: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'valid' as const }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: hostileJson }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edge' as const), pick: fc.nat(), edge: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'mallId', 'role', 'x'),
      value: hostileJson,
    }),
  },
);

/** A valid value broken in one place: one field replaced, pushed to its edge, dropped, or one key added. */
export function mutate(value: unknown, schema: z.ZodType | undefined, m: Mutation): unknown {
  if (m.kind === 'valid') return value;
  const all = paths(value, schema);
  if (m.kind === 'extra') {
    const at = all.filter((p) => {
      let v: unknown = value;
      for (const k of p.path) v = (v as Record<string | number, unknown>)[k];
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    if (at.length === 0) return value;
    const target = at[m.key.length % at.length]!.path;
    let obj: unknown = value;
    for (const k of target) obj = (obj as Record<string | number, unknown>)[k];
    return setAt(value, target, withKeys([...Object.entries(obj as object), [m.key, m.value]]));
  }
  const inner = all.length > 1 ? all.slice(1) : all;
  const p = inner[m.pick % inner.length]!;
  if (m.kind === 'drop') return p.path.length ? setAt(value, p.path, undefined, true) : undefined;
  if (m.kind === 'edge') {
    const edges = p.schema ? edgesOf(p.schema) : [];
    return edges.length ? setAt(value, p.path, edges[m.edge % edges.length]) : value;
  }
  return setAt(value, p.path, m.value);
}

/** Whole bodies that are not what any route wants: bad JSON, wrong types, too large, wrong type header. */
export const RAW_BODIES: { contentType?: string; body: string | Buffer }[] = [
  { contentType: 'application/json', body: '{' },
  { contentType: 'application/json', body: '{"a":1,}' },
  { contentType: 'application/json', body: "{'a':1}" },
  { contentType: 'application/json', body: 'NaN' },
  { contentType: 'application/json', body: '\ufeff{}' },
  { contentType: 'application/json', body: '{"a":1}{"b":2}' },
  { contentType: 'application/json', body: '{"a":"\\ud800"}' },
  { contentType: 'application/json', body: '{"a":"\\u0000"}' },
  {
    contentType: 'application/json',
    body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}',
  },
  { contentType: 'application/json', body: '"just a string"' },
  { contentType: 'application/json', body: '12345' },
  { contentType: 'application/json', body: 'null' },
  { contentType: 'application/json', body: '[]' },
  { contentType: 'application/json', body: ' ' },
  { contentType: 'application/json', body: Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3, 0x28]) },
  { contentType: 'application/json; charset=utf-16', body: '{}' },
  { contentType: 'application/json; charset=latin1', body: Buffer.from('{"a":"\xe9"}', 'latin1') },
  { contentType: 'APPLICATION/JSON', body: '{}' },
  { contentType: 'application/json;;;', body: '{}' },
  { contentType: 'application/vnd.api+json', body: '{}' },
  { contentType: 'text/plain', body: '{}' },
  { contentType: 'text/plain', body: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', body: 'a=1&a=2&__proto__[x]=1' },
  {
    contentType: 'multipart/form-data; boundary=xyz',
    body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--',
  },
  { contentType: 'multipart/form-data', body: 'garbage' },
  {
    contentType: 'application/xml',
    body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  },
  { contentType: 'application/octet-stream', body: Buffer.alloc(64, 0) },
  { contentType: undefined, body: '{"a":1}' },
  { contentType: 'x'.repeat(900), body: '{}' },
  // Over the 1 MiB body limit.
  { contentType: 'application/json', body: `{"a":"${'x'.repeat(1024 * 1024 + 10)}"}` },
  { contentType: 'application/json', body: `[${'0,'.repeat(200_000)}0]` },
];

const zipHead = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);

/** Files for the routes that take a raw file (catalog import, recordings, attachments, scans, PDFs). */
export const RAW_FILES: Buffer[] = [
  Buffer.alloc(0),
  Buffer.from('x'),
  Buffer.concat([zipHead, Buffer.alloc(200, 0x41)]),
  Buffer.from(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF',
  ),
  Buffer.from('%PDF-1.4\n%%EOF'),
  Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([0xff, 0xff, 0xff, 0x7f]),
    Buffer.from('WAVEfmt '),
    Buffer.alloc(32, 0xff),
  ]),
  Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000'),
  Buffer.from('OggS\u0000\u0002'),
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]),
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
  Buffer.from('\ufeffkey,name,agency\n=cmd|" /C calc"!A0,"unterminated\n'),
  Buffer.from('a,b,c\n1,2\n"x""y",\u0000,\ud800\n'),
  Buffer.from(`${'x,'.repeat(20_000)}\n`),
  Buffer.from('date,name\n2026-02-30,Hari Raya\n9999-12-31,x\n,\n'),
  Buffer.from(
    '--b\r\nContent-Disposition: form-data; name="file"; filename="../../x.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n--b--\r\n',
  ),
];

export const rawFile = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...RAW_FILES) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }).map((a) => Buffer.from(a)) },
);

/** Header values a client may send on any request. */
export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  {
    weight: 3,
    arbitrary: fc.dictionary(
      fc.constantFrom(
        'x-request-id',
        'accept',
        'accept-language',
        'accept-encoding',
        'if-none-match',
        'if-modified-since',
        'range',
        'last-event-id',
        'x-forwarded-for',
        'x-forwarded-proto',
        'x-forwarded-host',
        'cookie',
        'origin',
        'referer',
        'user-agent',
      ),
      fc.oneof(
        fc.constantFrom(
          '',
          '*/*',
          'text/csv',
          'application/xml',
          'text/event-stream',
          'bytes=0-1',
          'bytes=-1',
          'bytes=99999999999-',
          'bytes=5-1,2-3',
          '-1',
          '99999999999999999999',
          'NaN',
          '1, 2',
          '127.0.0.1, 10.0.0.1',
          'https',
          'evil.example',
          'Thu, 01 Jan 1970 00:00:00 GMT',
          'W/"x"',
          'id;q=abc',
          'x'.repeat(4_000),
        ),
        fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
      ),
      { maxKeys: 3 },
    ),
  },
);

/** Authorization values that belong to nobody. */
export const FORGED_AUTH = [
  'Bearer',
  'Bearer ',
  'Bearer x',
  'Bearer sa_0000000000000000000000000000000000000000',
  'Basic YWRtaW46YWRtaW4=',
  'bearer  ',
  `Bearer ${'a'.repeat(8_000)}`,
  'Bearer ../../etc/passwd',
  "Bearer ' OR '1'='1",
  'Token abc',
  'Bearer a b c',
];
