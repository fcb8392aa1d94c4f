import { buildSearchText } from '../../shared/domain/search-text.js';
import { appendAudit } from '../audit/audit.js';
import { hashPassword } from '../auth/password.js';
import type { Role } from '../auth/policy.js';
import type { Database } from '../db/database.js';
import { inTransaction, type Tx } from '../db/tx.js';
import { type CatalogAgency, COUNTERS, loadDemoCatalog, standardFrom, ZONE_OF } from './demo-catalog.js';
import { seedStaff } from './demo-staff.js';
import * as repo from './seed.repo.js';

export interface DemoLogin {
  username: string;
  role: Role;
  note: string;
}

export interface SeedOptions {
  /** Mall slug (default "demo"); tests seed their own copy under another slug. */
  slug?: string;
  /** Appended to every staff username ("admin" → "admin-x1") so several copies can coexist. */
  usernameSuffix?: string;
  now?: Date;
  /**
   * The queue opens every day whatever the calendar says (default: only the mall "demo", so anyone
   * can try it at any hour; tests' copies follow the calendar like a real mall).
   */
  alwaysOpen?: boolean;
  /**
   * The staff's password hash (of `password`), made by the caller: tests seed hundreds of malls and
   * sign in thousands of times, with one hash of a lower scrypt cost (test/harness.ts). Hashed from
   * `password` at the full cost when absent.
   */
  passwordHash?: string;
}

/**
 * Seeds the demo mall (slug "demo"): the published catalog of 17 agencies and 59 services,
 * 22 counters on two floors, round-the-clock opening hours with no daily quota (so the demo, tests
 * and benchmarks work at any hour; the mall "demo" also opens on national holidays) and staff of every role. One transaction, with audit rows.
 */
export async function seedDemoMall(
  database: Database,
  password: string,
  opts: SeedOptions = {},
): Promise<DemoLogin[]> {
  const now = opts.now ?? new Date();
  const slug = opts.slug ?? 'demo';
  const suffix = opts.usernameSuffix ? `-${opts.usernameSuffix}` : '';
  const at = now.toISOString();
  const hash = opts.passwordHash ?? (await hashPassword(password));
  const catalog = loadDemoCatalog();
  return inTransaction(database.db, async (tx) => {
    const mallId = await repo.insertMall(tx.db, {
      slug,
      name: slug === 'demo' ? 'Mal Pelayanan Publik Kabupaten Demo' : `Mal Pelayanan Publik ${slug}`,
      timezone: 'Asia/Jakarta',
      address: 'Jl. Merdeka No. 1, Kabupaten Demo',
      working_days: JSON.stringify([1, 2, 3, 4, 5]),
      created_at: at,
      always_open: (opts.alwaysOpen ?? slug === 'demo') ? 1 : 0,
    });
    await appendAudit(tx, {
      mallId,
      actorId: null,
      action: 'mall.seed',
      entity: 'mall',
      entityId: mallId,
      after: { slug },
      at,
    });

    await repo.insertOpeningHours(tx.db, mallId, [1, 2, 3, 4, 5, 6, 7], {
      opens: '00:00',
      closes: '24:00',
      breaks: '[]',
    });
    // National holidays and cuti bersama are inherited from the deployment's national calendar.
    const zones: Record<string, number> = {};
    for (const [slug, name] of [
      ['lantai-1', 'Lantai 1'],
      ['lantai-2', 'Lantai 2'],
    ] as const) {
      zones[slug] = await repo.insertZone(tx.db, mallId, slug, name);
    }

    const agencyIds: Record<string, number> = {};
    let counterNo = 0;
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const [i, a] of catalog.entries()) {
      const hotline = `(0261) 20${String(100 + i * 7).padStart(3, '0')}`;
      const agency = {
        mall_id: mallId,
        key: a.key,
        name: a.name,
        type: a.type,
        agreement_status: 'signed',
        agreement_date: '2026-01-15',
        hotline,
        back_office_contact: `Back office ${a.name}`,
        retired_at: null,
        created_at: at,
        updated_at: at,
      };
      const agencyId = await repo.insertAgency(tx.db, agency);
      await repo.insertSignedAgreements(tx.db, mallId, agencyId, agency.agreement_date, at);
      agencyIds[a.key] = agencyId;
      await appendAudit(tx, {
        mallId,
        actorId: null,
        action: 'agency.create',
        entity: 'agency',
        entityId: agencyId,
        after: agency,
        at,
      });
      const serviceIds = await seedServices(tx, mallId, agencyId, a, letters[i] ?? 'Z', at);
      for (let c = 0; c < (COUNTERS[a.key] ?? 1); c++) {
        counterNo++;
        const counterId = await repo.insertCounter(tx.db, {
          mall_id: mallId,
          agency_id: agencyId,
          number: counterNo,
          name: `Loket ${counterNo}`,
          zone_id: zones[ZONE_OF(counterNo - 1)] ?? null,
          status: 'open',
          retired_at: null,
          created_at: at,
          updated_at: at,
        });
        await repo.insertCounterServices(tx.db, mallId, counterId, serviceIds);
      }
    }
    return seedStaff(tx, mallId, agencyIds, hash, at, suffix);
  });
}

async function seedServices(
  tx: Tx,
  mallId: number,
  agencyId: number,
  a: CatalogAgency,
  prefix: string,
  at: string,
) {
  const ids: number[] = [];
  for (const s of a.services) {
    const service = {
      mall_id: mallId,
      agency_id: agencyId,
      name: s.name,
      kind: s.kind,
      keywords: JSON.stringify(s.keywords),
      served_at_mall: s.servedAtMall ? 1 : 0,
      not_served_note: s.servedAtMall ? null : `Tidak dilayani di MPP; silakan datang ke kantor ${a.name}.`,
      queue_prefix: prefix,
      online_bookable: s.servedAtMall ? 1 : 0,
      daily_quota: null,
      issue_cutoff: null,
      priority_max_streak: 3,
      priority_max_wait_minutes: 30,
      search_text: buildSearchText([s.name, a.name, a.key, ...s.keywords]),
      retired_at: null,
      created_at: at,
      updated_at: at,
    };
    const id = await repo.insertService(tx.db, service);
    const standard = standardFrom(s, a.name);
    await repo.insertStandard(tx.db, {
      mall_id: mallId,
      service_id: id,
      version: 1,
      valid_from: at,
      valid_to: null,
      body: JSON.stringify(standard),
      created_by: null,
      created_at: at,
    });
    await appendAudit(tx, {
      mallId,
      actorId: null,
      action: 'service.create',
      entity: 'service',
      entityId: id,
      after: { ...service, standard },
      at,
    });
    if (s.servedAtMall) ids.push(id);
  }
  return ids;
}
