import type { Rng } from '../server/modules/stats/simulate.random.js';
import { weighted } from '../server/modules/stats/simulate.random.js';
import type { BuiltMall, BuiltService } from './build.js';
import type { SimClient } from './client.js';

/**
 * What citizens do beyond queueing, as shares the summary states: some book online the day before and
 * check in at the kiosk, some answer the SKM survey after being served, a few complain.
 */
export const CITIZENS = {
  /** Of a day's visitors, booked online (the rest walk in). */
  bookedShare: 0.15,
  /** Of those who booked, never come (their booking becomes a no-show after its window). */
  bookedNoShowShare: 0.1,
  /** Of those served, answer the survey on their phone. */
  surveyShare: 0.3,
  /** Of those served, file a complaint; more after a long wait. */
  complaintShare: 0.005,
  complaintShareAfterLongWait: 0.04,
  longWaitMinutes: 60,
} as const;

export const CITIZEN_ASSUMPTIONS = [
  `bookings: ${CITIZENS.bookedShare * 100} % of visitors book a session online before the day (2-hour sessions, capacity 1.5 × the expected bookings, at least 2), ${CITIZENS.bookedNoShowShare * 100} % of them never come; the others check in at the kiosk from 25 minutes before their session to 10 minutes before its end`,
  `surveys: ${CITIZENS.surveyShare * 100} % of those served answer the SKM questionnaire (scores 1–4, lower after a wait over ${CITIZENS.longWaitMinutes} minutes)`,
  `complaints: ${CITIZENS.complaintShare * 100} % of those served complain, ${CITIZENS.complaintShareAfterLongWait * 100} % after a wait over ${CITIZENS.longWaitMinutes} minutes`,
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A valid NIK (West Java, Kabupaten Bandung): birth date in 1950–2005, women's day + 40, serial ≥ 1. */
export function nikFor(rng: Rng): string {
  const day = 1 + Math.floor(rng() * 28);
  const female = rng() < 0.5;
  const month = 1 + Math.floor(rng() * 12);
  const year = 50 + Math.floor(rng() * 56);
  const serial = 1 + Math.floor(rng() * 9998);
  return `320401${pad(female ? day + 40 : day, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(serial, 4)}`;
}

export const phoneFor = (rng: Rng) =>
  `08${pad(11 + Math.floor(rng() * 88), 2)}${pad(Math.floor(rng() * 1e8), 8)}`;

/** Each citizen on their own phone: a private address per citizen (rate limits are per address). */
export const ipFor = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

const NAMES = [
  'Siti',
  'Budi',
  'Dewi',
  'Agus',
  'Rina',
  'Hendra',
  'Yanti',
  'Dedi',
  'Nur',
  'Eko',
  'Lina',
  'Asep',
];
const FAMILY = ['Rahayu', 'Santoso', 'Lestari', 'Hidayat', 'Kusuma', 'Saputra', 'Wahyuni', 'Setiawan'];
export const nameFor = (rng: Rng) =>
  `${NAMES[Math.floor(rng() * NAMES.length)]} ${FAMILY[Math.floor(rng() * FAMILY.length)]}`;

export interface Booked {
  code: string;
  service: BuiltService;
  sessionStart: number;
  sessionEnd: number;
  /** When the citizen checks in at the kiosk; null: never comes. */
  arrivesAt: number | null;
  ip: string;
}

/**
 * Books the day's online citizens through the public API, as each would on their phone: the service's
 * slots for the date, a session with places left (chosen at random), the booking with NIK, name and
 * phone. A full session (409 SESSION_FULL, someone was quicker) sends them to another; when none is
 * left they are turned away online and come as walk-ins.
 */
export async function bookAhead(
  api: SimClient,
  mall: BuiltMall,
  date: string,
  rng: Rng,
  count: number,
  instant: (hhmm: string) => number,
  firstIp: number,
): Promise<{ booked: Booked[]; turnedAway: number }> {
  const base = `/api/v1/malls/${mall.slug}`;
  const bookable = mall.services.filter((s) => s.weight > 0 && s.bookable);
  const booked: Booked[] = [];
  let turnedAway = 0;
  for (let i = 0; i < count && bookable.length; i++) {
    const service =
      bookable[
        weighted(
          rng,
          bookable.map((s) => s.weight),
        )
      ]!;
    const ip = ipFor(firstIp + i);
    const slots = await api.call('GET', `${base}/services/${service.id}/slots?date=${date}`, { ip });
    const open = (
      slots.body.sessions as { id: number; start: string; end: string; remaining: number }[]
    ).filter((s) => s.remaining > 0);
    const nik = nikFor(rng);
    const phone = phoneFor(rng);
    const name = nameFor(rng);
    let done = false;
    while (open.length && !done) {
      const session = open.splice(Math.floor(rng() * open.length), 1)[0]!;
      const res = await api.call('POST', `${base}/bookings`, {
        ip,
        body: { serviceId: service.id, date, sessionId: session.id, nik, name, phone },
        expect: [201, 409],
      });
      if (res.status === 409) continue;
      done = true;
      const start = instant(session.start);
      const end = instant(session.end);
      const comes = rng() >= CITIZENS.bookedNoShowShare;
      // From 25 minutes before the session to 10 minutes before its end: inside the check-in window.
      const arrivesAt = start - 25 * 60_000 + Math.floor(rng() * (end - start + 15 * 60_000));
      booked.push({
        code: res.body.code,
        service,
        sessionStart: start,
        sessionEnd: end,
        arrivesAt: comes ? arrivesAt : null,
        ip,
      });
    }
    if (!done) turnedAway++;
  }
  return { booked, turnedAway };
}

/** Scores 1–4 for each element: mostly 3 and 4, lower on every element after a long wait. */
export function surveyAnswers(rng: Rng, codes: string[], waitMinutes: number): Record<string, number> {
  const longWait = waitMinutes > CITIZENS.longWaitMinutes;
  const out: Record<string, number> = {};
  for (const code of codes) {
    const x = rng();
    out[code] = longWait
      ? x < 0.1
        ? 1
        : x < 0.45
          ? 2
          : x < 0.85
            ? 3
            : 4
      : x < 0.02
        ? 1
        : x < 0.12
          ? 2
          : x < 0.6
            ? 3
            : 4;
  }
  return out;
}
