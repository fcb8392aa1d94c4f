import { appendAudit } from '../audit/audit.js';
import type { Tx } from '../db/tx.js';
import type { DemoLogin } from './demo.js';
import * as repo from './seed.repo.js';

/** What the screens show for each demo account (officers and citizens read Bahasa Indonesia). */
const DISPLAY_NAMES: Record<string, string> = {
  national: 'Admin Nasional',
  admin: 'Admin MPP Demo',
  auditor: 'Auditor Inspektorat',
  'dukcapil-admin': 'Admin Disdukcapil',
  'dukcapil-bo': 'Back Office Disdukcapil',
  petugas: 'Petugas Disdukcapil',
  'petugas-polres': 'Petugas SKCK Polres',
  'petugas-sim': 'Petugas SIM Satpas',
};

/** Demo staff of every role; usernames get the seed's suffix so several demo malls can coexist. */
export async function seedStaff(
  tx: Tx,
  mallId: number,
  agencyIds: Record<string, number>,
  hash: string,
  at: string,
  suffix: string,
): Promise<DemoLogin[]> {
  const counters = await repo.listCounterAgencies(tx.db, mallId);
  const countersOf = (key: string) => counters.filter((c) => c.agency_id === agencyIds[key]).map((c) => c.id);
  const staff: (DemoLogin & { agency?: string; counters?: number[]; mall?: boolean })[] = [
    { username: 'national', role: 'national_admin', note: 'national admin (all malls)', mall: false },
    { username: 'admin', role: 'mall_admin', note: 'mall admin of demo' },
    { username: 'auditor', role: 'auditor', note: 'read-only auditor of demo' },
    {
      username: 'dukcapil-admin',
      role: 'agency_admin',
      note: 'agency admin, Disdukcapil',
      agency: 'disdukcapil',
    },
    { username: 'dukcapil-bo', role: 'back_office', note: 'back office, Disdukcapil', agency: 'disdukcapil' },
    {
      username: 'petugas',
      role: 'officer',
      note: 'officer, Disdukcapil counters',
      agency: 'disdukcapil',
      counters: countersOf('disdukcapil'),
    },
    {
      username: 'petugas-polres',
      role: 'officer',
      note: 'officer, SKCK and SIM counters',
      agency: 'polres-intelkam',
      counters: countersOf('polres-intelkam'),
    },
    {
      username: 'petugas-sim',
      role: 'officer',
      note: 'officer, SIM counters',
      agency: 'polres-satlantas',
      counters: countersOf('polres-satlantas'),
    },
  ];
  for (const s of staff) {
    const values = {
      username: s.username + suffix,
      password_hash: hash,
      display_name: DISPLAY_NAMES[s.username] ?? s.username,
      role: s.role,
      mall_id: s.mall === false ? null : mallId,
      agency_id: s.agency ? (agencyIds[s.agency] ?? null) : null,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
    };
    const id = await repo.insertUser(tx.db, values);
    await repo.insertUserCounters(tx.db, mallId, id, s.counters ?? []);
    const { password_hash: _h, ...audit } = values;
    await appendAudit(tx, {
      mallId: values.mall_id,
      actorId: null,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      after: audit,
      at,
    });
  }
  return staff.map(({ username, role, note }) => ({ username: username + suffix, role, note }));
}
