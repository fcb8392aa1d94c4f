import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type AgencyInput, type ServicePatch, StandardBody } from '../../../shared/contracts/catalog.js';
import type { ImportIssue } from '../../../shared/contracts/imports.js';
import type { DB } from '../../db/schema.js';
import * as agenciesRepo from '../agencies/agencies.repo.js';
import * as servicesRepo from '../services/services.repo.js';
import type { Sheet } from './imports.parse.js';
import { ImportedService, newAgency, type RowValues, readRow, zodIssues } from './imports.rows.js';
import type { RowOutcome } from './imports.schema.js';

/** Everything an import will write, decided before anything is written. */
export interface Plan {
  rows: number;
  issues: ImportIssue[];
  agencies: z.infer<typeof AgencyInput>[];
  creates: (RowOutcome & { input: ImportedService })[];
  updates: (RowOutcome & { serviceId: number; patch: z.infer<typeof ServicePatch> })[];
  outcomes: RowOutcome[];
}

/** What an existing service holds, in the shape of an import row. */
type Current = Pick<ImportedService, 'name' | 'kind' | 'keywords' | 'servedAtMall' | 'notServedNote'> & {
  standard: StandardBody | null;
};

/** Key order does not matter when comparing a stored standard with an imported one. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** A fee field only when it has a value, so an unchanged fee compares equal to the stored one. */
const feePart = <K extends string, V>(k: K, v: V | null | undefined) =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0) ? {} : { [k]: v };

/**
 * The service a row describes. For an existing service, optional columns missing from the file and
 * the eight internal components of the standard keep their current values.
 */
function candidate(v: RowValues, cur: Current | undefined) {
  const std = cur?.standard;
  const amount = v.feeAmount;
  return {
    name: v.name,
    kind: v.kind,
    keywords: v.keywords ?? cur?.keywords ?? [],
    servedAtMall: v.servedAtMall ?? cur?.servedAtMall ?? true,
    notServedNote: v.notServedNote === undefined ? (cur?.notServedNote ?? null) : v.notServedNote,
    standard: {
      ...std,
      legalBasis: v.legalBasis ?? std?.legalBasis ?? '',
      requirements: v.requirements,
      procedure: v.procedure,
      completionTime: { value: v.completionValue, unit: v.completionUnit },
      // A fee note explains the old amount; it goes when the amount changes.
      fee: {
        ...(std && std.fee.amount === amount ? std.fee : {}),
        amount,
        legalBasis: v.feeLegalBasis,
        // Unit and components missing from the file keep their current values.
        ...feePart('unit', v.feeUnit === undefined ? std?.fee.unit : v.feeUnit),
        ...feePart('components', v.feeComponents === undefined ? std?.fee.components : v.feeComponents),
      },
      product: v.product,
      complaintHandling: v.complaintHandling,
    },
  };
}

function currentOf(s: servicesRepo.ServiceWithStandard): Current {
  const std = s.standard_body ? StandardBody.safeParse(JSON.parse(s.standard_body)) : null;
  return {
    name: s.name,
    kind: s.kind as Current['kind'],
    keywords: JSON.parse(s.keywords) as string[],
    servedAtMall: s.served_at_mall === 1,
    notServedNote: s.not_served_note,
    standard: std?.success ? std.data : null,
  };
}

/** Only what differs; an empty patch means the row changes nothing. */
function diff(next: ImportedService, cur: Current): z.infer<typeof ServicePatch> {
  return {
    ...(next.name !== cur.name && { name: next.name }),
    ...(next.kind !== cur.kind && { kind: next.kind }),
    ...(!same(next.keywords, cur.keywords) && { keywords: next.keywords }),
    ...(next.servedAtMall !== cur.servedAtMall && { servedAtMall: next.servedAtMall }),
    ...((next.notServedNote ?? null) !== cur.notServedNote && { notServedNote: next.notServedNote ?? null }),
    ...(!same(next.standard, cur.standard) && { standard: next.standard }),
  };
}

type AgencyRow = Awaited<ReturnType<typeof agenciesRepo.listAgencies>>[number];

/** An existing agency must be active; a new one is validated once, at its first row. */
function checkAgency(
  v: RowValues,
  agency: AgencyRow | undefined,
  newKeys: Map<string, { row: number; ok: boolean }>,
  plan: Plan,
  issues: ImportIssue[],
): void {
  const issue = (message: string) => issues.push({ row: v.row, column: 'agency_key', message });
  if (agency?.retired_at) return void issue(`Instansi "${v.agencyKey}" sudah tidak aktif (agency retired)`);
  if (agency || !v.agencyKey) return;
  const known = newKeys.get(v.agencyKey);
  if (known) {
    if (!known.ok)
      issue(
        `Data instansi "${v.agencyKey}" tidak valid, lihat baris ${known.row} (invalid agency, see row ${known.row})`,
      );
    return;
  }
  const res = newAgency(v, issues);
  issues.push(...res.issues);
  newKeys.set(v.agencyKey, { row: v.row, ok: res.agency !== null });
  if (res.agency) plan.agencies.push(res.agency);
}

/** Reads the mall's catalog and decides, row by row, what to create, update or leave alone. */
export async function planImport(db: Kysely<DB>, mallId: number, sheet: Sheet): Promise<Plan> {
  const agencies = new Map(
    (await agenciesRepo.listAgencies(db, mallId, true)).map((a) => [a.key.toLowerCase(), a]),
  );
  const services = new Map<string, servicesRepo.ServiceWithStandard>();
  for (const s of await servicesRepo.listServicesWithStandard(db, mallId, false)) {
    const k = `${s.agency_id}\u0000${s.name.toLowerCase()}`;
    if (!services.has(k)) services.set(k, s);
  }
  const plan: Plan = {
    rows: sheet.rows.length,
    issues: [],
    agencies: [],
    creates: [],
    updates: [],
    outcomes: [],
  };
  const newKeys = new Map<string, { row: number; ok: boolean }>(); // new agency key → its first row
  const seen = new Map<string, number>(); // agency key + lower-case name → first row
  for (const r of sheet.rows) {
    const { values: v, issues } = readRow(r);
    const agency = agencies.get(v.agencyKey);
    checkAgency(v, agency, newKeys, plan, issues);
    const dupKey = `${v.agencyKey}\u0000${v.name.toLowerCase()}`;
    const first = seen.get(dupKey);
    if (first !== undefined && v.name) {
      issues.push({
        row: v.row,
        column: 'service_name',
        message: `Layanan ini sudah ada di baris ${first} (duplicate of row ${first})`,
      });
    } else seen.set(dupKey, v.row);
    const existing = agency && services.get(`${agency.id}\u0000${v.name.toLowerCase()}`);
    const cur = existing ? currentOf(existing) : undefined;
    const parsed = ImportedService.safeParse(candidate(v, cur));
    if (!parsed.success) issues.push(...zodIssues(v.row, parsed.error, issues));
    plan.issues.push(...issues);
    if (issues.length > 0 || !parsed.success) continue;
    const outcome = { row: v.row, agencyKey: v.agencyKey, service: parsed.data.name };
    if (!existing || !cur) {
      plan.creates.push({ ...outcome, action: 'create', input: parsed.data });
      plan.outcomes.push({ ...outcome, action: 'create' });
      continue;
    }
    const patch = diff(parsed.data, cur);
    const action = Object.keys(patch).length > 0 ? 'update' : 'unchanged';
    if (action === 'update') plan.updates.push({ ...outcome, action, serviceId: existing.id, patch });
    plan.outcomes.push({ ...outcome, action });
  }
  return plan;
}
