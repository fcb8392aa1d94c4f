import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MallTimezone } from '../shared/contracts/catalog.js';
import { CITIZEN_ASSUMPTIONS } from './citizens.js';

/** A mall as a report describes it: figures as reported, null where the report is silent. */
export const ScenarioMall = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: z.string().min(3).max(120),
  province: z.string().optional(),
  timezone: MallTimezone.default('Asia/Jakarta'),
  agencies: z.number().int().min(1).max(200).nullable(),
  counters: z.number().int().min(1).max(500).nullable(),
  services: z.number().int().min(1).max(2000).nullable(),
  officers: z.number().int().min(1).max(2000).nullable(),
  visitorsPerDay: z.number().int().min(1).max(50_000).nullable(),
  facts: z.array(z.string()).default([]),
});
export const ScenarioFile = z.object({ malls: z.array(ScenarioMall).min(1) });
export type ScenarioMallInput = z.infer<typeof ScenarioMall>;

/** The mall the simulator builds: every figure filled, with the assumptions that filled them. */
export interface Scenario {
  id: string;
  name: string;
  timezone: z.infer<typeof MallTimezone>;
  agencies: number;
  counters: number;
  services: number;
  officers: number;
  visitorsPerDay: number;
  /** Opening hours of the hall (local time) and the last ticket. */
  opens: string;
  closes: string;
  lastTicket: string;
  /** Which figures were assumed, and how — printed in the summary. */
  assumptions: string[];
}

/**
 * Visitors per counter per day where a report gives none: Pandeglang's reported 600 visitors at 21
 * counters (≈ 28.6), the only mall of the five that reports both.
 */
export const VISITORS_PER_COUNTER = 600 / 21;
/** Officers per counter where none is reported: Pandeglang's ≈ 50 officers for 21 counters. */
export const OFFICERS_PER_COUNTER = 50 / 21;
/** Services per agency where none is reported: Pandeglang's 153 services of 21 agencies (≈ 7.3). */
export const SERVICES_PER_AGENCY = 153 / 21;

const shippedPath = fileURLToPath(new URL('../../scenarios/seed-malls.json', import.meta.url));

export function loadScenarioFile(file = shippedPath): ScenarioMallInput[] {
  return ScenarioFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).malls;
}

/**
 * Fills what the report leaves out, in this order: agencies from counters (one counter each, a few
 * agencies sharing) or 20; counters from agencies (one each plus one more for every fifth, the busy
 * civil-registration, police and Samsat desks) or 22; services from agencies × 7.3; officers from
 * counters × 2.4; visitors from counters × 28.6. Opening hours 08:00–16:00 with the last ticket at
 * 15:00 (the usual MPP day, Monday to Friday).
 */
export function resolveScenario(m: ScenarioMallInput): Scenario {
  const assumptions: string[] = [];
  let agencies = m.agencies;
  let counters = m.counters;
  if (agencies === null && counters !== null) {
    agencies = Math.max(1, Math.round(counters * 0.85));
    assumptions.push(`agencies: ${agencies} (not reported; ≈ 0.85 per counter, a few agencies share a desk)`);
  }
  if (agencies === null) {
    agencies = 20;
    assumptions.push('agencies: 20 (not reported; a typical regency MPP)');
  }
  if (counters === null) {
    counters = agencies + Math.ceil(agencies / 5);
    assumptions.push(
      `counters: ${counters} (not reported; one per agency plus one for every fifth agency, for the busiest desks)`,
    );
  }
  // A counter serves one agency: a mall with fewer counters than agencies has agencies share none.
  if (agencies > counters) {
    assumptions.push(
      `agencies at counters: ${counters} of ${agencies} (one counter each; the rest back office)`,
    );
  }
  let services = m.services;
  if (services === null) {
    services = Math.round(agencies * SERVICES_PER_AGENCY);
    assumptions.push(`services: ${services} (not reported; ${SERVICES_PER_AGENCY.toFixed(1)} per agency)`);
  }
  services = Math.max(services, Math.min(agencies, counters));
  let officers = m.officers;
  if (officers === null) {
    officers = Math.round(counters * OFFICERS_PER_COUNTER);
    assumptions.push(`officers: ${officers} (not reported; ${OFFICERS_PER_COUNTER.toFixed(1)} per counter)`);
  }
  officers = Math.max(officers, counters);
  let visitorsPerDay = m.visitorsPerDay;
  if (visitorsPerDay === null) {
    visitorsPerDay = Math.round(counters * VISITORS_PER_COUNTER);
    assumptions.push(
      `visitors a day: ${visitorsPerDay} (not reported; ${VISITORS_PER_COUNTER.toFixed(1)} per counter as at Pandeglang)`,
    );
  }
  assumptions.push(
    'hours: Monday–Friday 08:00–16:00, last ticket 15:00; arrivals peak at 09:00–11:00 and dip at lunch',
    'service at the counter: the standard’s minutes (4–25) where it states minutes, else 5–12 minutes of intake (the file goes on to the back office); lognormal spread',
    'citizens: 8 % priority (elderly, disabled, pregnant, with a small child, ill), 3 % do not come when called, 2 % are sent on to another agency',
    ...CITIZEN_ASSUMPTIONS,
  );
  return {
    id: m.id,
    name: m.name,
    timezone: m.timezone,
    agencies,
    counters,
    services,
    officers,
    visitorsPerDay,
    opens: '08:00',
    closes: '16:00',
    lastTicket: '15:00',
    assumptions,
  };
}
