import { XMLBuilder } from 'fast-xml-parser';

/**
 * Open311 answers in JSON or XML by the URL's suffix. The XML is the JSON's twin, shaped as the
 * GeoReport v2 spec shows it: a root element and one child element per list item
 * (`<services><service>…</service></services>`, `<service_requests><request>…`), nested lists by
 * their singular (`<attributes><attribute>`, `<values><value>`, `<formats><format>`); null is an
 * empty element. Built with fast-xml-parser, which escapes text.
 */
export type Format = 'json' | 'xml';

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false });

/** Element names of list items, by the list's own name. */
const ITEM: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

/** JSON value → the builder's object: lists become `{item: [...]}`, nulls empty text. */
function toXmlValue(v: unknown, key: string): unknown {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) {
    const item = ITEM[key];
    const items = v.map((x) => toXmlValue(x, item ?? key));
    return item ? { [item]: items } : items;
  }
  if (typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toXmlValue(x, k)]),
    );
  return v;
}

/** The XML document of a JSON answer: `root` holds `item` elements (a list) or is the object itself. */
export function toXml(root: string, body: unknown, item?: string): string {
  const inner = Array.isArray(body)
    ? { [item ?? 'item']: body.map((x) => toXmlValue(x, item ?? 'item')) }
    : toXmlValue(body, root);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: inner })}`;
}

/** The root and item names of each kind of answer. */
export const SHAPES = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
} as const;

/** Splits "12.json" into its id and format; null for anything else. */
export function splitFile(file: string): { id: string; format: Format } | null {
  const m = /^(.{1,64})\.(json|xml)$/.exec(file);
  return m ? { id: m[1]!, format: m[2] as Format } : null;
}
