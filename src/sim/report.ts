import type { ReportDto } from '../shared/contracts/reports.js';
import type { QueueStatsDto } from '../shared/contracts/stats.js';
import { queueFigures, staffing } from '../shared/domain/erlang-c.js';
import { localMoment } from '../shared/domain/local-time.js';
import type { BuiltMall } from './build.js';
import type { DayRecord, StepRecord } from './play.js';

/** The wait (minutes) the managers' target names: 80 % of citizens called within 10 minutes. */
export const TARGET_WAIT = 10;
export const TARGET_LEVEL = 0.8;
const MIN = 60_000;

const r2 = (x: number) => Math.round(x * 100) / 100;
function waitFigures(mins: number[]) {
  const sorted = [...mins].sort((a, b) => a - b);
  const q = (p: number) => (sorted.length ? sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)]! : 0);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0;
  return {
    mean: r2(mean),
    p50: r2(q(0.5)),
    p90: r2(q(0.9)),
    max: r2(sorted.at(-1) ?? 0),
    withinTarget: sorted.length ? r2(sorted.filter((m) => m <= TARGET_WAIT).length / sorted.length) : 1,
  };
}
const waitOf = (s: StepRecord) => (s.calledAt! - s.queuedAt) / MIN;

export interface SimReport {
  mall: string;
  name: string;
  seed: number;
  days: number;
  dates: string[];
  size: { agencies: number; services: number; counters: number; officers: number; visitorsPerDay: number };
  assumptions: string[];
  visitors: number;
  served: number;
  noShows: number;
  transferred: number;
  /** Minutes from ticket (or transfer) to the first call, over every called step. */
  wait: ReturnType<typeof waitFigures>;
  byService: {
    serviceId: number;
    name: string;
    agency: string;
    tickets: number;
    served: number;
    wait: { mean: number; p90: number };
  }[];
  byAgency: {
    agency: string;
    counters: number;
    tickets: number;
    wait: ReturnType<typeof waitFigures>;
    utilization: number;
    planner: {
      arrivalsPerHour: number;
      peakArrivalsPerHour: number;
      meanHoldMinutes: number;
      predictedMeanWait: number | null;
      predictedWithinTarget: number;
      countersForTargetAtPeak: number;
    };
  }[];
  counters: { id: number; number: number; agency: string; served: number; utilization: number }[];
  byHour: { hour: number; arrivals: number; meanWait: number }[];
  /** The staffing planner's counters for the target at each agency's peak hour, against what it had. */
  staffing: { agenciesShort: string[]; countersNeededAtPeak: number; countersAvailable: number };
  /** Online bookings: made, turned away (no place left), checked in, never came. */
  bookings: {
    booked: number;
    turnedAway: number;
    checkedIn: number;
    noShows: number;
    showRate: number | null;
  };
  /** SKM questionnaires answered and the IKM computed here from them (weights as the mall publishes). */
  surveys: { responses: number; ikm: number | null };
  complaints: number;
  /**
   * The system's own statistics of the same days (GET …/stats/queue and …/reports/queue), beside the
   * simulator's count.
   */
  system: {
    issued: number;
    served: number;
    noShows: number;
    transferred: number;
    meanWait: number | null;
    bookings: { booked: number; showed: number; noShows: number; showRate: number | null } | null;
    complaints: number | null;
    ikm: { responses: number; ikm: number | null } | null;
  };
  run: { seconds: number; requests: number };
}

/**
 * Sums up the simulated days: waits per step (a transferred citizen waits once per agency), counters'
 * utilisation (time with a citizen over the opening day, or until the last one left), and, per agency,
 * what the staffing planner (Erlang C) predicts for the same arrivals and counter holding time — over
 * the day's average rate and at the peak hour.
 */
export function buildReport(
  mall: BuiltMall,
  days: DayRecord[],
  seed: number,
  systemTotals: QueueStatsDto['totals'],
  systemReport: ReportDto,
  elements: { code: string; weight: string }[],
  run: SimReport['run'],
): SimReport {
  const logs = days.map((d) => d.citizens);
  const booked = logs.reduce((n, l) => n + l.bookings.booked, 0);
  const checkedIn = logs.reduce((n, l) => n + l.bookings.checkedIn, 0);
  const s = mall.scenario;
  const steps = days.flatMap((d) => d.steps);
  const called = steps.filter((x) => x.calledAt !== null);
  const openMs = days.reduce((sum, d) => sum + Math.max(d.closesAt, d.lastOutAt) - d.opensAt, 0);
  const ticketHours =
    days.length * ((s.lastTicket === s.opens ? 1 : 0) + hoursBetween(s.opens, s.lastTicket));
  const busy = new Map<number, number>();
  for (const d of days) for (const [id, ms] of d.busyMs) busy.set(id, (busy.get(id) ?? 0) + ms);
  const counters = mall.counters.map((c) => ({
    id: c.id,
    number: c.number,
    agency: mall.agencies[c.agencyIndex]!.name,
    served: steps.filter((x) => x.counterId === c.id && x.outcome === 'served').length,
    utilization: r2((busy.get(c.id) ?? 0) / openMs),
  }));
  const byService = mall.services
    .map((x) => {
      const own = steps.filter((st) => st.serviceId === x.id);
      const w = waitFigures(own.filter((st) => st.calledAt !== null).map(waitOf));
      return {
        serviceId: x.id,
        name: x.name,
        agency: mall.agencies[x.agencyIndex]!.name,
        tickets: own.length,
        served: own.filter((st) => st.outcome === 'served').length,
        wait: { mean: w.mean, p90: w.p90 },
      };
    })
    .filter((x) => x.tickets > 0);
  const hourOf = (ms: number) => Math.floor(localMoment(new Date(ms), s.timezone).minuteOfDay / 60);
  const byAgency = mall.agencies
    .map((a, i) => {
      const own = steps.filter((st) => st.agencyIndex === i);
      const ownCalled = own.filter((st) => st.calledAt !== null);
      const holdMs = ownCalled.reduce((sum, st) => sum + ((st.endedAt ?? st.calledAt!) - st.calledAt!), 0);
      const meanHoldMinutes = ownCalled.length ? holdMs / ownCalled.length / MIN : 0;
      const perHour = new Map<string, number>();
      for (const st of own) {
        const key = `${st.queuedAt - (st.queuedAt % (3_600_000 * 24))}:${hourOf(st.queuedAt)}`;
        perHour.set(key, (perHour.get(key) ?? 0) + 1);
      }
      const peak = Math.max(0, ...perHour.values());
      const arrivalsPerHour = own.length / ticketHours;
      const c = a.counterIds.length;
      const avg =
        c > 0 && meanHoldMinutes > 0 ? queueFigures(c, arrivalsPerHour, meanHoldMinutes, TARGET_WAIT) : null;
      const atPeak =
        meanHoldMinutes > 0 && peak > 0
          ? staffing({
              arrivalsPerHour: peak,
              meanServiceMinutes: meanHoldMinutes,
              targetWaitMinutes: TARGET_WAIT,
              targetServiceLevel: TARGET_LEVEL,
            }).counters
          : 0;
      return {
        agency: a.name,
        counters: c,
        tickets: own.length,
        wait: waitFigures(ownCalled.map(waitOf)),
        utilization: r2(
          a.counterIds.reduce((sum, id) => sum + (busy.get(id) ?? 0), 0) / Math.max(1, c * openMs),
        ),
        planner: {
          arrivalsPerHour: r2(arrivalsPerHour),
          peakArrivalsPerHour: peak,
          meanHoldMinutes: r2(meanHoldMinutes),
          predictedMeanWait:
            avg && Number.isFinite(avg.averageWaitMinutes) ? r2(avg.averageWaitMinutes) : null,
          predictedWithinTarget: avg ? r2(avg.serviceLevel) : 1,
          countersForTargetAtPeak: atPeak,
        },
      };
    })
    .filter((a) => a.tickets > 0);
  const hours = new Map<number, { arrivals: number; waits: number[] }>();
  for (const st of steps) {
    const h = hours.get(hourOf(st.queuedAt)) ?? { arrivals: 0, waits: [] };
    h.arrivals++;
    if (st.calledAt !== null) h.waits.push(waitOf(st));
    hours.set(hourOf(st.queuedAt), h);
  }
  const short = byAgency.filter((a) => a.planner.countersForTargetAtPeak > a.counters);
  return {
    mall: s.id,
    name: s.name,
    seed,
    days: days.length,
    dates: days.map((d) => d.date),
    size: {
      agencies: s.agencies,
      services: s.services,
      counters: s.counters,
      officers: s.officers,
      visitorsPerDay: s.visitorsPerDay,
    },
    assumptions: s.assumptions,
    visitors: days.reduce((sum, d) => sum + d.visitors, 0),
    served: new Set(steps.filter((x) => x.outcome === 'served').map((x) => x.ticketId)).size,
    noShows: steps.filter((x) => x.outcome === 'no_show').length,
    transferred: steps.filter((x) => x.outcome === 'transferred').length,
    wait: waitFigures(called.map(waitOf)),
    byService,
    byAgency,
    counters,
    byHour: [...hours.entries()]
      .sort(([a], [b]) => a - b)
      .map(([hour, h]) => ({ hour, arrivals: h.arrivals, meanWait: waitFigures(h.waits).mean })),
    staffing: {
      agenciesShort: short.map((a) => a.agency),
      countersNeededAtPeak: byAgency.reduce(
        (sum, a) => sum + Math.max(a.counters, a.planner.countersForTargetAtPeak),
        0,
      ),
      countersAvailable: s.counters,
    },
    bookings: {
      booked,
      turnedAway: logs.reduce((n, l) => n + l.bookings.turnedAway, 0),
      checkedIn,
      noShows: booked - checkedIn,
      showRate: booked ? Math.round((checkedIn / booked) * 10_000) / 10_000 : null,
    },
    surveys: {
      responses: logs.reduce((n, l) => n + l.surveys.length, 0),
      ikm: ikmOf(
        logs.flatMap((l) => l.surveys),
        elements,
      ),
    },
    complaints: logs.reduce((n, l) => n + l.complaints, 0),
    system: {
      bookings: systemReport.bookings,
      complaints: systemReport.complaints?.total ?? null,
      ikm: systemReport.ikm ? { responses: systemReport.ikm.responses, ikm: systemReport.ikm.ikm } : null,
      issued: systemTotals.counts.issued,
      served: systemTotals.counts.served,
      noShows: systemTotals.counts.noShows,
      transferred: systemTotals.counts.transferred,
      meanWait: systemTotals.times.wait.mean === null ? null : r2(systemTotals.times.wait.mean),
    },
    run,
  };
}

/**
 * IKM from the questionnaires as PermenPANRB 14/2017 defines it, computed here on its own (floating
 * point): each element's mean score (NRR) times its weight, summed, times 25, to 2 decimals; weights
 * of elements nobody answered are shared out over the rest.
 */
function ikmOf(
  answers: Record<string, number>[],
  elements: { code: string; weight: string }[],
): number | null {
  const w = (text: string) => {
    const [n, d] = text.split('/').map(Number);
    return d ? n! / d : Number(text);
  };
  let skm = 0;
  let weights = 0;
  for (const e of elements) {
    const scores = answers.map((a) => a[e.code]).filter((x): x is number => x !== undefined);
    if (!scores.length) continue;
    skm += (w(e.weight) * scores.reduce((a, b) => a + b, 0)) / scores.length;
    weights += w(e.weight);
  }
  return weights ? Math.round(((skm / weights) * 25 + 1e-9) * 100) / 100 : null;
}

function hoursBetween(from: string, to: string): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return (m(to) - m(from)) / 60;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** What a mall manager reads first: the day in numbers, the slow queues, the busy counters, staffing. */
export function summaryText(r: SimReport): string {
  const lines = [
    `${r.name} — ${r.days} hari simulasi (${r.dates.join(', ')}), seed ${r.seed}`,
    `Ukuran: ${r.size.agencies} instansi, ${r.size.services} layanan, ${r.size.counters} loket, ${r.size.officers} petugas, ${r.size.visitorsPerDay} pengunjung/hari`,
    `Pengunjung ${r.visitors}, dilayani ${r.served} (${pct(r.served / Math.max(1, r.visitors))}), tidak hadir ${r.noShows}, dialihkan ${r.transferred}`,
    `Waktu tunggu: rata-rata ${r.wait.mean} mnt, median ${r.wait.p50}, p90 ${r.wait.p90}, terlama ${r.wait.max}; ${pct(r.wait.withinTarget)} dipanggil ≤ ${TARGET_WAIT} mnt (target ${pct(TARGET_LEVEL)})`,
    `Pemesanan daring: ${r.bookings.booked} dipesan (${r.bookings.turnedAway} tidak mendapat sesi), ${r.bookings.checkedIn} hadir, ${r.bookings.noShows} tidak hadir${r.bookings.showRate === null ? '' : ` (tingkat kehadiran ${pct(r.bookings.showRate)})`}`,
    `Survei SKM: ${r.surveys.responses} responden, IKM ${r.surveys.ikm ?? '—'}; pengaduan: ${r.complaints}`,
    `Sistem (laporan): ${r.system.issued} tiket, ${r.system.served} dilayani, rata-rata tunggu ${r.system.meanWait ?? '—'} mnt; pemesanan ${r.system.bookings?.booked ?? '—'} / hadir ${r.system.bookings?.showed ?? '—'}; IKM ${r.system.ikm?.ikm ?? '—'} (${r.system.ikm?.responses ?? 0} responden); pengaduan ${r.system.complaints ?? '—'}`,
    '',
    'Antrean terlama (per instansi): tunggu rata-rata / p90 — prediksi Erlang C — loket ada / perlu saat puncak',
  ];
  for (const a of [...r.byAgency].sort((x, y) => y.wait.mean - x.wait.mean).slice(0, 8)) {
    lines.push(
      `  ${a.agency}: ${a.wait.mean} / ${a.wait.p90} mnt — ${a.planner.predictedMeanWait ?? '∞'} mnt — ${a.counters} / ${a.planner.countersForTargetAtPeak} loket (utilisasi ${pct(a.utilization)})`,
    );
  }
  lines.push('', 'Utilisasi loket:');
  const sorted = [...r.counters].sort((a, b) => b.utilization - a.utilization);
  lines.push(
    `  tertinggi ${sorted
      .slice(0, 3)
      .map((c) => `Loket ${c.number} ${pct(c.utilization)}`)
      .join(', ')}; terendah ${sorted
      .slice(-3)
      .map((c) => `Loket ${c.number} ${pct(c.utilization)}`)
      .join(', ')}`,
  );
  lines.push(
    '',
    r.staffing.agenciesShort.length
      ? `Kebutuhan loket (Erlang C, ${pct(TARGET_LEVEL)} ≤ ${TARGET_WAIT} mnt pada jam puncak): tambah loket untuk ${r.staffing.agenciesShort.join(', ')} — ${r.staffing.countersNeededAtPeak} loket diperlukan, ${r.staffing.countersAvailable} tersedia`
      : `Kebutuhan loket (Erlang C): ${r.staffing.countersAvailable} loket cukup untuk ${pct(TARGET_LEVEL)} ≤ ${TARGET_WAIT} mnt pada jam puncak`,
    '',
    'Asumsi:',
    ...r.assumptions.map((a) => `  - ${a}`),
    '',
    `Disimulasikan dalam ${r.run.seconds} detik (${r.run.requests} permintaan API)`,
  );
  return lines.join('\n');
}
