import type { z } from 'zod';
import type {
  ServiceInput,
  ServiceListQuery,
  ServicePatch,
  StandardBody,
} from '../../../shared/contracts/catalog.js';
import { buildSearchText, matchesQuery, normalizeText } from '../../../shared/domain/search-text.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { inTransactionOr } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import * as agencies from '../agencies/agencies.repo.js';
import { bookingSettings, saveBookingSettings } from '../bookings/sessions.service.js';
import { findMallById } from '../malls/malls.repo.js';
import * as queue from '../queue/queue.repo.js';
import { parseStandard, toServiceDetail, toServiceSummary } from './services.mapper.js';
import * as repo from './services.repo.js';

/** The mall's local day as UTC bounds (see dayBounds in queue/tickets.service). */
type Day = { from: string; to: string };

/**
 * Whether today's quota of a service is used up, counted as ticket issuing counts it. `today` is the
 * mall's local day; without it (internal callers) no quota is reported.
 */
async function quotaFull(ctx: AppContext, mallId: number, s: repo.ServiceWithStandard, today?: Day) {
  if (!today || s.daily_quota === null) return false;
  return (await queue.countIssued(ctx.database.db, mallId, s.id, today)) >= s.daily_quota;
}

export async function listServices(
  ctx: AppContext,
  mallId: number,
  query: z.infer<typeof ServiceListQuery>,
  today?: Day,
) {
  const rows = await repo.listServicesWithStandard(ctx.database.db, mallId, query.includeRetired === 'true');
  let items = rows.filter(
    (s) =>
      (query.agencyId === undefined || s.agency_id === query.agencyId) &&
      (query.kind === undefined || s.kind === query.kind) &&
      (!query.q || matchesQuery(s.search_text, query.q)),
  );
  if (query.q) {
    // Name matches first, then the rest; served-at-mall before "go elsewhere" entries.
    const q = normalizeText(query.q);
    const rank = (s: (typeof items)[number]) =>
      (normalizeText(s.name).includes(q) ? 0 : 1) + (s.served_at_mall ? 0 : 2);
    items = [...items].sort((a, b) => rank(a) - rank(b));
  }
  return {
    total: items.length,
    items: await Promise.all(
      items
        .slice(query.offset, query.offset + query.limit)
        .map(async (s) => toServiceSummary(s, await quotaFull(ctx, mallId, s, today))),
    ),
  };
}

export async function getServiceDetail(ctx: AppContext, mallId: number, id: number, today?: Day) {
  const s = await repo.findServiceWithStandard(ctx.database.db, mallId, id);
  if (!s) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  return toServiceDetail(
    s,
    await repo.countersForService(ctx.database.db, id),
    await quotaFull(ctx, mallId, s, today),
    await bookingSettings(ctx.database.db, s),
  );
}

export async function standardHistory(ctx: AppContext, mallId: number, id: number) {
  if (!(await repo.findService(ctx.database.db, mallId, id))) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  const rows = await repo.standardHistory(ctx.database.db, mallId, id);
  return rows.map((r) => ({
    version: r.version,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    body: parseStandard(r.body)!,
  }));
}

/** Services of one agency share a queue group (prefix); a new agency takes the next free letter. */
async function choosePrefix(tx: Tx, mallId: number, agencyId: number): Promise<string> {
  const used = await repo.prefixesInMall(tx.db, mallId);
  const own = used.find((u) => u.agency_id === agencyId);
  if (own) return own.queue_prefix;
  const taken = new Set(used.map((u) => u.queue_prefix));
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') if (!taken.has(letter)) return letter;
  for (const a of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
    for (const b of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') if (!taken.has(a + b)) return a + b;
  throw new AppError('CONFLICT', 'Tidak ada prefiks antrean tersisa (no queue prefix left).');
}

async function requireAgency(tx: Tx, mallId: number, agencyId: number) {
  const a = await agencies.findAgency(tx.db, mallId, agencyId);
  if (!a) throw notFound('AGENCY_NOT_FOUND', 'Instansi');
  if (a.retired_at) throw new AppError('UNPROCESSABLE', 'Instansi sudah tidak aktif (agency retired).');
  return a;
}

/** Coverage and served-at-mall agree: `not_served` ⇔ not served at the mall (issue 14). */
function coverageOnCreate(input: z.infer<typeof ServiceInput>) {
  const coverage = input.coverage ?? (input.servedAtMall ? 'full' : 'not_served');
  return {
    coverage,
    coverage_reason: input.coverageReason ?? null,
    served_at_mall: coverage === 'not_served' ? 0 : 1,
  };
}

/** Only what the patch names changes; a coverage moves served-at-mall with it and the other way round. */
function coverageOnPatch(before: repo.ServiceRow, patch: z.infer<typeof ServicePatch>) {
  const coverage =
    patch.coverage ??
    (patch.servedAtMall === undefined
      ? undefined
      : patch.servedAtMall
        ? before.coverage === 'not_served'
          ? 'full'
          : before.coverage
        : 'not_served');
  return {
    ...(coverage !== undefined && { coverage, served_at_mall: coverage === 'not_served' ? 0 : 1 }),
    ...(patch.coverageReason !== undefined && { coverage_reason: patch.coverageReason }),
  };
}

/** Creates a service with version 1 of its standard; one transaction with its audit row. */
export async function createService(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  input: z.infer<typeof ServiceInput>,
  tx?: Tx,
) {
  const at = ctx.now().toISOString();
  const run = async (t: Tx) => {
    const agency = await requireAgency(t, mallId, input.agencyId);
    const values = {
      mall_id: mallId,
      agency_id: agency.id,
      name: input.name,
      kind: input.kind,
      keywords: JSON.stringify(input.keywords),
      ...coverageOnCreate(input),
      not_served_note: input.notServedNote ?? null,
      queue_prefix: input.queuePrefix ?? (await choosePrefix(t, mallId, agency.id)),
      online_bookable: input.onlineBookable ? 1 : 0,
      daily_quota: input.dailyQuota ?? null,
      issue_cutoff: input.issueCutoff ?? null,
      priority_max_streak: input.priorityMaxStreak,
      priority_max_wait_minutes: input.priorityMaxWaitMinutes ?? null,
      search_text: buildSearchText([input.name, agency.name, agency.key, ...input.keywords]),
      retired_at: null,
      created_at: at,
      updated_at: at,
    };
    const id = await repo.insertService(t.db, values);
    await repo.insertStandard(t.db, {
      mall_id: mallId,
      service_id: id,
      version: 1,
      valid_from: at,
      valid_to: null,
      body: JSON.stringify(input.standard),
      created_by: actor.id,
      created_at: at,
    });
    await appendAudit(t, {
      mallId,
      actorId: actor.id,
      action: 'service.create',
      entity: 'service',
      entityId: id,
      after: { ...values, standard: input.standard },
      at,
    });
    return id;
  };
  return inTransactionOr(ctx.database.db, tx, run);
}

const sameStandard = (a: StandardBody | null, b: StandardBody) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Updates a service. A changed standard becomes a new version valid from now; the old version keeps
 * its text and gets its valid_to, so what a past citizen was promised is never rewritten.
 */
export async function updateService(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  id: number,
  patch: z.infer<typeof ServicePatch> & { retired?: boolean },
  tx?: Tx,
) {
  const at = ctx.now().toISOString();
  const run = async (t: Tx) => {
    const before = await repo.findService(t.db, mallId, id);
    if (!before) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
    const agency = await requireAgency(t, mallId, patch.agencyId ?? before.agency_id);
    const keywords = patch.keywords ?? (JSON.parse(before.keywords) as string[]);
    const name = patch.name ?? before.name;
    const set = {
      ...(patch.agencyId !== undefined && { agency_id: agency.id }),
      ...(patch.name !== undefined && { name }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.keywords !== undefined && { keywords: JSON.stringify(keywords) }),
      ...coverageOnPatch(before, patch),
      ...(patch.notServedNote !== undefined && { not_served_note: patch.notServedNote }),
      ...(patch.queuePrefix !== undefined && { queue_prefix: patch.queuePrefix }),
      ...(patch.onlineBookable !== undefined && { online_bookable: patch.onlineBookable ? 1 : 0 }),
      ...(patch.dailyQuota !== undefined && { daily_quota: patch.dailyQuota }),
      ...(patch.issueCutoff !== undefined && { issue_cutoff: patch.issueCutoff }),
      ...(patch.priorityMaxStreak !== undefined && { priority_max_streak: patch.priorityMaxStreak }),
      ...(patch.priorityMaxWaitMinutes !== undefined && {
        priority_max_wait_minutes: patch.priorityMaxWaitMinutes,
      }),
      ...(patch.retired !== undefined && { retired_at: patch.retired ? (before.retired_at ?? at) : null }),
      // Derived text is rebuilt only from what it derives from, so other edits leave the row as it was.
      ...((patch.name !== undefined || patch.keywords !== undefined || patch.agencyId !== undefined) && {
        search_text: buildSearchText([name, agency.name, agency.key, ...keywords]),
      }),
      updated_at: at,
    };
    await repo.updateService(t.db, mallId, id, set);
    // Sessions and the booking horizon (issue 11): only the parts named, in this transaction.
    let booking: Awaited<ReturnType<typeof saveBookingSettings>> | null = null;
    if (patch.booking) {
      const mall = await findMallById(t.db, mallId);
      if (!mall) throw notFound('MALL_NOT_FOUND', 'Mal');
      booking = await saveBookingSettings(t, mall, before, patch.booking, at);
    }
    let standardVersion: number | null = null;
    if (patch.standard) {
      const current = await repo.currentStandard(t.db, id);
      if (!current || !sameStandard(parseStandard(current.body), patch.standard)) {
        if (current) await repo.closeStandard(t.db, current.id, at);
        standardVersion = (current?.version ?? 0) + 1;
        await repo.insertStandard(t.db, {
          mall_id: mallId,
          service_id: id,
          version: standardVersion,
          valid_from: at,
          valid_to: null,
          body: JSON.stringify(patch.standard),
          created_by: actor.id,
          created_at: at,
        });
      }
    }
    const action = patch.retired === true ? 'service.retire' : 'service.update';
    await appendAudit(t, {
      mallId,
      actorId: actor.id,
      action,
      entity: 'service',
      entityId: id,
      before: { ...before, ...(booking && { booking: booking.before }) },
      after: {
        ...before,
        ...set,
        ...(standardVersion !== null && { standard: patch.standard, standardVersion }),
        ...(booking && { booking: booking.after }),
      },
      at,
    });
  };
  await inTransactionOr(ctx.database.db, tx, run);
}

/** Rebuilds the search text of an agency's services after the agency's name or key changed. */
export async function refreshAgencySearchText(
  tx: Tx,
  mallId: number,
  agency: { id: number; name: string; key: string },
) {
  for (const s of await repo.servicesOfAgency(tx.db, mallId, agency.id)) {
    const keywords = JSON.parse(s.keywords) as string[];
    await repo.updateService(tx.db, mallId, s.id, {
      search_text: buildSearchText([s.name, agency.name, agency.key, ...keywords]),
    });
  }
}

/** The agency a service belongs to (for authorization of agency admins). */
export async function serviceAgencyId(ctx: AppContext, mallId: number, id: number): Promise<number> {
  const s = await repo.findService(ctx.database.db, mallId, id);
  if (!s) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  return s.agency_id;
}
