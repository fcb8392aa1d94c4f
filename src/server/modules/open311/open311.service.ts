import { ComplaintInput, ComplaintType } from '../../../shared/contracts/complaints.js';
import { can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { resolvePublicUrl } from '../../public-url.js';
import { authenticateApiKey } from '../api-keys/api-keys.service.js';
import * as complaints from '../complaints/complaints.repo.js';
import { submitComplaint } from '../complaints/complaints.service.js';
import { type MallRecord, resolveMall } from '../malls/malls.service.js';
import * as repo from './open311.repo.js';

/**
 * Open311 GeoReport v2 over complaints: the three report types are the service codes, a complaint
 * is a service request, jurisdiction_id is the mall's slug. Open311's errors are 404 for an unknown
 * jurisdiction, service or request and 400 for anything else (a bad api_key included), each a list
 * of {code, description}.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

const bad = (m: string) => new Open311Error(400, m);

/** The Indonesian names integrators show, per report type (service code). */
const NAMES: Record<string, { name: string; description: string }> = {
  complaint: {
    name: 'Pengaduan',
    description: 'Pengaduan atas pelayanan di Mal Pelayanan Publik (complaint).',
  },
  aspiration: { name: 'Aspirasi', description: 'Saran dan masukan untuk pelayanan (suggestion).' },
  information_request: {
    name: 'Permintaan informasi',
    description: 'Permintaan informasi tentang pelayanan (information request).',
  },
};

/** Open311 status: open while the mall or the agency still works on it (or waits for the reporter). */
const CLOSED = ['closed', 'archived'];
const STATUS_NOTES: Record<string, string> = {
  submitted: 'Diterima, menunggu verifikasi meja pengaduan (submitted)',
  on_hold: 'Ditunda, menunggu keterangan pelapor (on hold)',
  dispatched: 'Diteruskan ke instansi untuk ditindaklanjuti (dispatched)',
  answered: 'Dijawab instansi, menunggu tanggapan pelapor (answered)',
  closed: 'Selesai (closed)',
  archived: 'Diarsipkan (archived)',
};

/** The mall named by jurisdiction_id; optional only while the deployment has one mall. */
export async function jurisdiction(ctx: AppContext, id: unknown): Promise<MallRecord> {
  if (typeof id !== 'string' || !id) {
    const malls = await repo.mallSlugs(ctx.database.db, 2);
    if (malls.length !== 1)
      throw bad('jurisdiction_id wajib diisi (jurisdiction_id is required: the mall’s slug)');
    return resolveMall(ctx, malls[0]!.slug);
  }
  try {
    return await resolveMall(ctx, id);
  } catch (err) {
    // Only an unknown slug is an unknown jurisdiction; a database outage is not (503 from the handler).
    if (!(err instanceof AppError && err.code === 'MALL_NOT_FOUND')) throw err;
    throw new Open311Error(404, `jurisdiction_id "${id.slice(0, 64)}" tidak dikenal (unknown jurisdiction)`);
  }
}

export function services() {
  return ComplaintType.options.map((code) => ({
    service_code: code,
    service_name: NAMES[code]!.name,
    description: NAMES[code]!.description,
    metadata: true,
    type: 'realtime' as const,
    keywords: 'pengaduan, aspirasi, informasi, MPP',
    group: 'Mal Pelayanan Publik',
  }));
}

const yesNo = [
  { key: 'true', name: 'Ya' },
  { key: 'false', name: 'Tidak' },
];

export async function serviceDefinition(ctx: AppContext, mall: MallRecord, code: string) {
  if (!(ComplaintType.options as readonly string[]).includes(code))
    throw new Open311Error(404, `service_code "${code.slice(0, 64)}" tidak dikenal (unknown service)`);
  const db = ctx.database.db;
  const [svc, agencies] = await Promise.all([
    repo.activeServices(db, mall.id),
    repo.activeAgencies(db, mall.id),
  ]);
  const attr = (
    code: string,
    order: number,
    description: string,
    datatype: string,
    values?: { key: string; name: string }[],
  ) => ({
    variable: true,
    code,
    datatype,
    required: false,
    datatype_description: null,
    order,
    description,
    ...(values ? { values } : {}),
  });
  return {
    service_code: code,
    attributes: [
      attr('title', 1, 'Judul singkat laporan (short title)', 'string'),
      attr(
        'service',
        2,
        'Layanan yang dilaporkan (the service concerned)',
        'singlevaluelist',
        svc.map((s) => ({ key: String(s.id), name: s.name })),
      ),
      attr(
        'agency',
        3,
        'Instansi yang dilaporkan (the agency concerned)',
        'singlevaluelist',
        agencies.map((a) => ({ key: String(a.id), name: a.name })),
      ),
      attr(
        'ticket',
        4,
        'Kode pelacakan tiket antrean kunjungan (the visit’s ticket tracking code)',
        'string',
      ),
      attr(
        'anonymous',
        5,
        'Sembunyikan identitas pelapor dari instansi dan publik',
        'singlevaluelist',
        yesNo,
      ),
      attr('confidential', 6, 'Isi laporan tidak dipublikasikan', 'singlevaluelist', yesNo),
    ],
  };
}

type Row = NonNullable<complaints.ComplaintView>;

export function toRequest(mall: MallRecord, c: Row) {
  const closed = CLOSED.includes(c.status);
  return {
    service_request_id: String(c.id),
    status: closed ? ('closed' as const) : ('open' as const),
    status_notes: STATUS_NOTES[c.status] ?? c.status,
    service_name: NAMES[c.type]?.name ?? c.type,
    service_code: c.type,
    description: c.body,
    agency_responsible: c.agency_name,
    service_notice: c.service_name ? `Layanan: ${c.service_name}` : null,
    requested_datetime: c.submitted_at,
    updated_datetime: closed ? (c.closed_at ?? c.updated_at) : c.updated_at,
    expected_datetime: c.due_kind === 'dispatch' || c.due_kind === 'follow_up' ? c.due_at : null,
    address: mall.address,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: c.media_url,
  };
}

const DAY = 86_400_000;
const list = (v: unknown) =>
  typeof v === 'string' && v.trim()
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
const date = (v: unknown, name: string) => {
  if (v === undefined || v === '') return undefined;
  const t = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v) : Number.NaN;
  if (Number.isNaN(t)) throw bad(`${name} bukan tanggal ISO 8601 (not an ISO 8601 date)`);
  return t;
};

/** GET requests: the spec's filters; at most 90 days apart, the last 90 days by default; 1000 at most. */
export async function listRequests(ctx: AppContext, mall: MallRecord, q: Record<string, unknown>) {
  const ids = list(q.service_request_id);
  const numericIds = ids?.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n < 2 ** 31);
  const codes = list(q.service_code);
  const statuses = list(q.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed'))
    throw bad('status: open atau closed (open or closed)');
  let end = date(q.end_date, 'end_date');
  let start = date(q.start_date, 'start_date');
  if (!ids) {
    end ??= start !== undefined ? start + 90 * DAY : ctx.now().getTime();
    start ??= end - 90 * DAY;
    if (end < start) throw bad('end_date sebelum start_date (end_date before start_date)');
    if (end - start > 90 * DAY)
      throw bad('start_date dan end_date paling jauh 90 hari (at most 90 days apart)');
  }
  const wantOpen = !statuses || statuses.includes('open');
  const wantClosed = !statuses || statuses.includes('closed');
  const rows = await complaints.listPublic(
    ctx.database.db,
    {
      mallId: mall.id,
      ids: numericIds,
      types: codes,
      from: start !== undefined ? new Date(start).toISOString() : undefined,
      to: end !== undefined ? new Date(end).toISOString() : undefined,
      statuses: [
        ...(wantOpen ? ['submitted', 'on_hold', 'dispatched', 'answered'] : []),
        ...(wantClosed ? CLOSED : []),
      ],
    },
    1000,
  );
  return rows.map((c) => toRequest(mall, c));
}

export async function oneRequest(ctx: AppContext, mall: MallRecord, id: string) {
  const n = Number(id);
  const c =
    Number.isInteger(n) && n > 0 && n < 2 ** 31
      ? await complaints.findComplaint(ctx.database.db, mall.id, n)
      : undefined;
  if (!c || c.confidential === 1)
    throw new Open311Error(404, `service_request_id "${id.slice(0, 64)}" tidak ditemukan (not found)`);
  return [toRequest(mall, c)];
}

export async function byToken(ctx: AppContext, mall: MallRecord, token: string) {
  const c = await complaints.findComplaintByCode(ctx.database.db, mall.id, token.toUpperCase());
  if (!c) throw new Open311Error(404, `token "${token.slice(0, 64)}" tidak ditemukan (not found)`);
  return [{ service_request_id: String(c.id), token: c.tracking_code }];
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const flag = (v: unknown) =>
  v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : undefined;

/**
 * POST requests (form-encoded): api_key of the mall with the `open311` scope; description required;
 * location optional (the mall's own address serves); attribute[...] as the service definition lists.
 * Answers the request id and its token (the citizen's tracking code, to give to the reporter).
 */
export async function createRequest(ctx: AppContext, mall: MallRecord, f: Record<string, unknown>) {
  const key = str(f.api_key);
  const actor = key ? await authenticateApiKey(ctx, key) : null;
  if (!actor || !can(actor, 'open311.submit', { mallId: mall.id }))
    throw bad('api_key tidak valid untuk jurisdiksi ini (invalid api_key for this jurisdiction)');
  const code = str(f.service_code);
  if (!code) throw bad('service_code wajib diisi (service_code is required)');
  if (!(ComplaintType.options as readonly string[]).includes(code))
    throw new Open311Error(404, `service_code "${code.slice(0, 64)}" tidak dikenal (unknown service)`);
  for (const k of ['lat', 'long'] as const)
    if (f[k] !== undefined && f[k] !== '' && !Number.isFinite(Number(f[k])))
      throw bad(`${k} bukan angka (not a number)`);
  const media = str(f.media_url);
  if (media && !/^https?:\/\/\S+$/.test(media))
    throw bad('media_url harus URL http(s) (must be an http(s) URL)');
  const description = str(f.description) ?? '';
  const attr = (k: string) => str(f[`attribute[${k}]`]);
  const name = [str(f.first_name), str(f.last_name)].filter(Boolean).join(' ') || undefined;
  const parsed = ComplaintInput.safeParse({
    type: code,
    title: attr('title') ?? (description.length > 80 ? `${description.slice(0, 77)}…` : description),
    body: description,
    serviceId: attr('service'),
    agencyId: attr('agency'),
    ticketTrackingCode: attr('ticket'),
    anonymous: flag(attr('anonymous')),
    confidential: flag(attr('confidential')),
    reporter:
      name || str(f.phone) || str(f.email) ? { name, phone: str(f.phone), email: str(f.email) } : undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') === 'body' ? 'description' : (issue?.path.join('.') ?? '');
    throw bad(`${field}: ${issue?.message ?? 'tidak valid'} (invalid)`);
  }
  try {
    const made = await submitComplaint(ctx, { actor, device: null }, mall, parsed.data, {
      channel: 'open311',
      mediaUrl: media ?? null,
    });
    return [
      {
        service_request_id: String(made.id),
        token: made.trackingCode,
        service_notice: `Kode pelacakan untuk pelapor: ${made.trackingCode} — ${resolvePublicUrl(ctx.config)}/${mall.slug}/complaints/${made.trackingCode}`,
        account_id: null,
      },
    ];
  } catch (err) {
    if (err instanceof AppError) throw new Open311Error(err.status === 404 ? 404 : 400, err.message);
    throw err;
  }
}

/** The discovery document: where this endpoint is and what it speaks. */
export function discovery(ctx: AppContext) {
  const base = `${resolvePublicUrl(ctx.config)}/open311/v2/`;
  return {
    changeset: '2026-12-02T00:00:00Z',
    contact: 'Pengelola Mal Pelayanan Publik (the mall admin)',
    key_service: `${base} — API key: POST /api/v1/malls/{mall}/api-keys (mall admin), scope open311`,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: base,
        changeset: '2026-12-02T00:00:00Z',
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}
