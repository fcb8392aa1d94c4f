import { mulberry32, type Rng } from '../server/modules/stats/simulate.random.js';
import { type CatalogService, loadDemoCatalog, standardFrom } from '../server/seed/demo-catalog.js';
import { CITIZENS } from './citizens.js';
import type { SimClient } from './client.js';
import type { Scenario } from './scenario.js';

/** A service as the simulator plays it: its true mean minutes at the counter and its share of demand. */
export interface BuiltService {
  id: number;
  name: string;
  agencyIndex: number;
  meanMinutes: number;
  weight: number;
  /** Has online booking sessions. */
  bookable: boolean;
}
export interface BuiltAgency {
  id: number;
  name: string;
  serviceIds: number[];
  counterIds: number[];
}
export interface BuiltCounter {
  id: number;
  number: number;
  agencyIndex: number;
  officer: string;
}
export interface BuiltMall {
  slug: string;
  scenario: Scenario;
  agencies: BuiltAgency[];
  services: BuiltService[];
  counters: BuiltCounter[];
  /** Every officer's password (generated per run). */
  password: string;
}

/** Agencies found in MPPs beyond the demo catalog's 17, used when a mall reports more. */
const MORE_AGENCIES: [string, string, string][] = [
  ['jasa-raharja', 'PT Jasa Raharja', 'state_enterprise'],
  ['taspen', 'PT Taspen (Persero)', 'state_enterprise'],
  ['pln', 'PT PLN (Persero) UP3', 'state_enterprise'],
  ['kejaksaan', 'Kejaksaan Negeri', 'vertical_agency'],
  ['bapenda', 'Badan Pendapatan Daerah', 'regency_office'],
  ['dishub', 'Dinas Perhubungan', 'regency_office'],
  ['dinsos', 'Dinas Sosial', 'regency_office'],
  ['diskop', 'Dinas Koperasi dan UKM', 'regency_office'],
  ['disdik', 'Dinas Pendidikan', 'regency_office'],
  ['bri', 'PT Bank Rakyat Indonesia', 'state_enterprise'],
  ['pegadaian', 'PT Pegadaian', 'state_enterprise'],
  ['pos', 'PT Pos Indonesia', 'state_enterprise'],
  ['dpmd', 'Dinas Pemberdayaan Masyarakat dan Desa', 'regency_office'],
  ['distan', 'Dinas Pertanian', 'regency_office'],
  ['dlh', 'Dinas Lingkungan Hidup', 'regency_office'],
  ['disperindag', 'Dinas Perindustrian dan Perdagangan', 'regency_office'],
  ['bkpsdm', 'Badan Kepegawaian dan Pengembangan SDM', 'regency_office'],
  ['mandiri', 'PT Bank Mandiri', 'state_enterprise'],
  ['bpom', 'Loka Pengawas Obat dan Makanan', 'vertical_agency'],
  ['karantina', 'Balai Karantina', 'vertical_agency'],
];
/** The desks that need more than one counter, busiest first. */
const BUSY = [
  'disdukcapil',
  'polres-satlantas',
  'samsat',
  'polres-intelkam',
  'imigrasi',
  'bpjs-kesehatan',
  'kpp-pratama',
];
const GENERIC = [
  'Legalisir dokumen',
  'Konsultasi layanan',
  'Perubahan data',
  'Surat keterangan',
  'Rekomendasi',
  'Pendaftaran',
  'Perpanjangan',
  'Cetak ulang dokumen',
  'Informasi dan pengaduan teknis',
  'Verifikasi berkas',
];

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const prefixOf = (i: number) =>
  i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(65 + Math.floor(i / 26) - 1, 65 + (i % 26));

function genericService(name: string, minutes: number): CatalogService {
  return {
    name,
    keywords: [],
    kind: 'non_licensing',
    requirements: ['KTP-el', 'Formulir permohonan'],
    procedure: ['Ambil nomor antrean', 'Serahkan berkas di loket', 'Terima tanda terima atau produk'],
    completionTime: { value: minutes, unit: 'minutes' },
    fee: { amount: 0, legalBasis: 'Tidak dipungut biaya' },
    product: 'Tanda terima / dokumen layanan',
    servedAtMall: true,
  };
}

/**
 * Builds the scenario's mall through the API as the national admin would: the mall, its hours,
 * agencies (the published catalog's first, then other agencies found in MPPs), services with their
 * standards up to the reported count, counters (one per agency, extra ones at the busy desks) and
 * officers assigned to their agency's counters. The demand model (which service citizens want, how
 * long it takes) is drawn from `seed`.
 */
export async function buildMall(
  api: SimClient,
  national: string,
  s: Scenario,
  seed: number,
): Promise<BuiltMall> {
  const rng = mulberry32(seed ^ 0x5ca1e);
  const mall = `/api/v1/malls/${s.id}`;
  await api.call('POST', '/api/v1/malls', {
    token: national,
    body: {
      slug: s.id,
      name: s.name,
      timezone: s.timezone,
      address: `${s.name} (simulasi)`,
      workingWeekdays: [1, 2, 3, 4, 5],
    },
  });
  await api.call('PUT', `${mall}/opening-hours`, {
    token: national,
    body: {
      days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: s.opens, closes: s.closes, breaks: [] })),
    },
  });

  const catalog = loadDemoCatalog();
  const plans = Array.from({ length: s.agencies }, (_, i) => {
    const c = catalog[i];
    if (c)
      return { key: c.key, name: c.name, type: c.type, services: c.services.filter((x) => x.servedAtMall) };
    const [key, name, type] = MORE_AGENCIES[(i - catalog.length) % MORE_AGENCIES.length]!;
    const round = Math.floor((i - catalog.length) / MORE_AGENCIES.length);
    return {
      key: round ? `${key}-${round + 1}` : key,
      name: round ? `${name} ${round + 1}` : name,
      type,
      services: [],
    };
  });
  // Services up to the reported count: each agency's own first, then further ones round-robin.
  const wanted = plans.map((p) => p.services.length);
  let total = wanted.reduce((a, b) => a + b, 0);
  for (let i = plans.length - 1; total > s.services && i >= 0; i = (i - 1 + plans.length) % plans.length) {
    if (wanted.every((w) => w <= 1)) break;
    if (wanted[i]! > 1) {
      wanted[i]!--;
      total--;
    }
  }
  for (let i = 0; total < s.services; i = (i + 1) % plans.length) {
    wanted[i]!++;
    total++;
  }

  const agencies: BuiltAgency[] = [];
  const services: BuiltService[] = [];
  for (const [i, p] of plans.entries()) {
    const agency = await api.call('POST', `${mall}/agencies`, {
      token: national,
      body: {
        key: p.key,
        name: p.name,
        type: p.type,
        agreementStatus: 'signed',
        hotline: `(0000) ${1000 + i}`,
      },
    });
    const built: BuiltAgency = { id: agency.body.id, name: p.name, serviceIds: [], counterIds: [] };
    for (let k = 0; k < Math.max(1, wanted[i]!); k++) {
      const own = p.services[k];
      const spec =
        own ??
        genericService(
          `${GENERIC[k % GENERIC.length]} ${p.name}${k >= GENERIC.length ? ` ${Math.floor(k / GENERIC.length) + 1}` : ''}`,
          Math.round(between(rng, 5, 20)),
        );
      const t = spec.completionTime;
      const res = await api.call('POST', `${mall}/services`, {
        token: national,
        body: {
          agencyId: built.id,
          name: spec.name,
          kind: spec.kind,
          keywords: spec.keywords,
          queuePrefix: prefixOf(i),
          standard: standardFrom(spec, p.name),
        },
      });
      built.serviceIds.push(res.body.id);
      services.push({
        id: res.body.id,
        name: spec.name,
        agencyIndex: i,
        meanMinutes:
          t.unit === 'minutes' ? Math.min(25, Math.max(4, t.value)) : Math.round(between(rng, 5, 12)),
        weight: 0,
        bookable: false,
      });
    }
    agencies.push(built);
  }

  // Counters: one per agency while they last, the rest at the busy desks (then round-robin).
  const counterAgency: number[] = [];
  for (let i = 0; i < Math.min(s.counters, plans.length); i++) counterAgency.push(i);
  const busy = BUSY.map((k) => plans.findIndex((p) => p.key === k)).filter((i) => i >= 0);
  for (let extra = 0; counterAgency.length < s.counters; extra++) {
    counterAgency.push(busy.length ? busy[extra % busy.length]! : extra % plans.length);
  }
  counterAgency.sort((a, b) => a - b);
  const password = `sim-${seed}-${Math.floor(rng() * 1e9).toString(36)}`;
  const counters: BuiltCounter[] = [];
  for (const [n, agencyIndex] of counterAgency.entries()) {
    const a = agencies[agencyIndex]!;
    const res = await api.call('POST', `${mall}/counters`, {
      token: national,
      body: { agencyId: a.id, number: n + 1, name: `Loket ${n + 1}`, serviceIds: a.serviceIds },
    });
    a.counterIds.push(res.body.id);
    counters.push({ id: res.body.id, number: n + 1, agencyIndex, officer: '' });
  }
  // Officers: one on duty at each counter, the rest relief staff of the same agency.
  for (let o = 0; o < s.officers; o++) {
    const c = counters[o % counters.length]!;
    const a = agencies[c.agencyIndex]!;
    const username = `${s.id}-petugas-${o + 1}`;
    await api.call('POST', `${mall}/users`, {
      token: national,
      body: {
        username,
        password,
        displayName: `Petugas ${o + 1}`,
        role: 'officer',
        agencyId: a.id,
        counterIds: a.counterIds,
      },
    });
    if (o < counters.length) c.officer = username;
  }

  // Demand: each agency in proportion to its counters' capacity, ±30 %, split unevenly over its services.
  for (const [i, a] of agencies.entries()) {
    const own = services.filter((x) => x.agencyIndex === i);
    if (a.counterIds.length === 0) continue; // back office only: nobody queues for it
    const mean = own.reduce((sum, x) => sum + x.meanMinutes, 0) / own.length;
    const agencyWeight = (a.counterIds.length / mean) * between(rng, 0.7, 1.3);
    const split = own.map(() => between(rng, 0.2, 1.8));
    const splitSum = split.reduce((x, y) => x + y, 0);
    for (const [k, x] of own.entries()) x.weight = (agencyWeight * split[k]!) / splitSum;
  }
  await openBooking(api, national, mall, s, services);
  await launch(api, national, mall);
  return { slug: s.id, scenario: s, agencies, services, counters, password };
}

const minuteOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Online booking for every service citizens queue for: two-hour sessions from opening to the last
 * ticket (a last short one joins the one before), each with room for 1.5 times the bookings expected
 * (at least 2), bookable 14 days ahead.
 */
async function openBooking(
  api: SimClient,
  token: string,
  mall: string,
  s: Scenario,
  services: BuiltService[],
): Promise<void> {
  const windows: [number, number][] = [];
  for (let m = minuteOf(s.opens); m < minuteOf(s.lastTicket); m += 120) {
    const end = Math.min(m + 120, minuteOf(s.lastTicket));
    if (end - m < 60 && windows.length) windows.at(-1)![1] = end;
    else windows.push([m, end]);
  }
  const total = services.reduce((sum, x) => sum + x.weight, 0);
  for (const x of services) {
    if (x.weight <= 0 || windows.length === 0) continue;
    const expected = (s.visitorsPerDay * CITIZENS.bookedShare * x.weight) / total;
    const capacity = Math.max(2, Math.ceil((1.5 * expected) / windows.length));
    await api.call('PATCH', `${mall}/services/${x.id}`, {
      token,
      body: {
        booking: {
          sessions: windows.map(([a, b]) => ({ start: hhmm(a), end: hhmm(b), capacity })),
          daysAhead: 14,
        },
      },
    });
    x.bookable = true;
  }
}

/**
 * A new mall starts in preparation (no tickets until launched): the simulator walks the end of the
 * road — every readiness item the data does not already prove is marked done with its evidence —
 * and launches, as the mall admin would on opening day.
 */
async function launch(api: SimClient, token: string, mall: string): Promise<void> {
  const readiness = await api.call('GET', `${mall}/readiness`, { token });
  for (const area of readiness.body.areas as {
    items: { id: number; done: boolean; computed: boolean }[];
  }[]) {
    for (const item of area.items) {
      if (item.done || item.computed) continue;
      await api.call('PATCH', `${mall}/readiness/items/${item.id}`, {
        token,
        body: { done: true, evidence: 'Simulasi: dianggap siap' },
      });
    }
  }
  await api.call('POST', `${mall}/launch`, { token });
}
