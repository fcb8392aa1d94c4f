import {
  MAX_SKM_DAYS,
  type SkmReportDto,
  type SkmReportQueryInput,
} from '../../../shared/contracts/surveys.js';
import { addCalendarDays } from '../../../shared/domain/local-time.js';
import { krejcieMorgan } from '../../../shared/domain/sample-size.js';
import { computeSkm, type ElementTotals } from '../../../shared/domain/skm.js';
import { authorize } from '../../auth/guard.js';
import { type Actor, scopeIn } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import { improvementNotes } from './skm-improvements.js';
import { mallElements, weighted } from './survey-elements.service.js';
import * as repo from './surveys.repo.js';

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
const n = (v: number | string | bigint | null | undefined) => Number(v ?? 0);
const PROFILE: [keyof SkmReportDto['profile'], repo.ProfileColumn][] = [
  ['ageBand', 'age_band'],
  ['sex', 'sex'],
  ['education', 'education'],
  ['occupation', 'occupation'],
];

/**
 * The scope the caller may read: an agency admin reads its own agency (named or not); a service
 * or agency of another agency is refused. Returns the filter with the agency filled in.
 */
async function scopedFilter(ctx: AppContext, mall: MallRecord, actor: Actor, q: SkmReportQueryInput) {
  const db = ctx.database.db;
  const service = q.serviceId !== undefined ? await repo.serviceInMall(db, mall.id, q.serviceId) : undefined;
  if (q.serviceId !== undefined && !service) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  let agencyId = q.agencyId;
  if (agencyId === undefined && scopeIn(actor, 'survey.report', mall.id) === 'agency')
    agencyId = actor.agencyId ?? undefined;
  const agency = agencyId !== undefined ? await repo.agencyInMall(db, mall.id, agencyId) : undefined;
  if (agencyId !== undefined && !agency) throw notFound('AGENCY_NOT_FOUND', 'Instansi');
  authorize(actor, 'survey.report', { mallId: mall.id, agencyId: service?.agency_id ?? agencyId });
  if (service && agencyId !== undefined && service.agency_id !== agencyId)
    throw new AppError(
      'VALIDATION_FAILED',
      'Layanan ini bukan milik instansi tersebut (service not of that agency).',
    );
  return {
    filter: { mallId: mall.id, from: q.from, to: q.to, serviceId: q.serviceId, agencyId },
    serviceName: service?.name ?? null,
    agencyName: agency?.name ?? service?.agency_name ?? null,
    agencyId: agencyId ?? service?.agency_id ?? null,
  };
}

/**
 * The SKM report of a period for the mall, an agency or a service: per-element NRR, the exact IKM and
 * grade (shared/domain/skm.ts), the legacy figure, the sample-size check against the service users
 * of the previous period of the same length (finished tickets, or `population` when given), the
 * respondent profile, results per service, the weakest elements with follow-up notes, and the
 * latest suggestions.
 */
export async function skmReport(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  q: SkmReportQueryInput,
): Promise<SkmReportDto> {
  const days = dayNumber(q.to) - dayNumber(q.from) + 1;
  if (days > MAX_SKM_DAYS)
    throw new AppError(
      'VALIDATION_FAILED',
      `Rentang paling lama ${MAX_SKM_DAYS} hari (range is at most ${MAX_SKM_DAYS} days).`,
    );
  const db = ctx.database.db;
  const scope = await scopedFilter(ctx, mall, actor, q);
  const f = scope.filter;
  const { elements } = await mallElements(db, mall.id);
  const weights = weighted(elements);
  const [totalsRows, respondentRows, services, suggestions, ...profiles] = await Promise.all([
    repo.answerTotals(db, f),
    repo.respondentsByService(db, f),
    repo.servicesOfMall(db, mall.id),
    repo.latestSuggestions(db, f, 20),
    ...PROFILE.map(([, column]) => repo.profileCounts(db, f, column)),
  ]);

  const totalsOf = (serviceId?: number) => {
    const out: Record<string, ElementTotals> = {};
    for (const r of totalsRows) {
      if (serviceId !== undefined && r.service_id !== serviceId) continue;
      const t = out[r.code] ?? { sum: 0, count: 0 };
      out[r.code] = { sum: t.sum + n(r.sum), count: t.count + n(r.count) };
    }
    return out;
  };
  const respondents = respondentRows.reduce((s, r) => s + n(r.count), 0);
  const result = computeSkm(weights, totalsOf(), respondents);

  const previousTo = addCalendarDays(q.from, -1);
  const previousFrom = addCalendarDays(q.from, -days);
  const population =
    q.population ?? (await repo.finishedTickets(db, { ...f, from: previousFrom, to: previousTo }));
  const required = krejcieMorgan(population);

  const names = new Map(services.map((s) => [s.id, s]));
  const byService = respondentRows
    .map((r) => {
      const s = computeSkm(weights, totalsOf(r.service_id), n(r.count));
      return {
        serviceId: r.service_id,
        serviceName: names.get(r.service_id)?.name ?? `#${r.service_id}`,
        agencyId: names.get(r.service_id)?.agency_id ?? 0,
        respondents: n(r.count),
        ikm: s.ikm,
        grade: s.grade,
      };
    })
    .sort((a, b) => b.respondents - a.respondents || a.serviceName.localeCompare(b.serviceName));

  const profile = Object.fromEntries(
    PROFILE.map(([key], i) => [
      key,
      (profiles[i] ?? [])
        .map((r) => ({ value: r.value ?? 'unknown', count: n(r.count) }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    ]),
  ) as SkmReportDto['profile'];

  return {
    mall: { slug: mall.slug, name: mall.name },
    from: q.from,
    to: q.to,
    serviceId: q.serviceId ?? null,
    serviceName: scope.serviceName,
    agencyId: scope.agencyId,
    agencyName: scope.agencyName,
    ...result,
    sample: {
      population,
      populationSource: q.population !== undefined ? 'given' : 'previous_period_tickets',
      previousFrom,
      previousTo,
      required,
      sufficient: population > 0 ? respondents >= required : null,
    },
    profile,
    byService,
    improvements: improvementNotes(result.elements),
    suggestions: suggestions.map((s) => ({
      at: s.submitted_at,
      serviceName: s.service_name,
      text: s.suggestion ?? '',
    })),
  };
}
