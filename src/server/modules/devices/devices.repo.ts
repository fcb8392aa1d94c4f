import type { Kysely, Selectable } from 'kysely';
import type { DB, DevicesTable } from '../../db/schema.js';

type Db = Kysely<DB>;
export type DeviceRow = Selectable<DevicesTable> & { zone_slug: string | null };

const withZone = (db: Db) =>
  db
    .selectFrom('devices')
    .leftJoin('zones', 'zones.id', 'devices.zone_id')
    .selectAll('devices')
    .select('zones.slug as zone_slug');

/** The mall's devices that are not revoked, kiosks first, then by name. */
export function listDevices(db: Db, mallId: number): Promise<DeviceRow[]> {
  return withZone(db)
    .where('devices.mall_id', '=', mallId)
    .where('devices.revoked_at', 'is', null)
    .orderBy('devices.kind', 'desc')
    .orderBy('devices.name')
    .orderBy('devices.id')
    .execute();
}

export function findDevice(db: Db, mallId: number, id: number): Promise<DeviceRow | undefined> {
  return withZone(db)
    .where('devices.mall_id', '=', mallId)
    .where('devices.id', '=', id)
    .where('devices.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** A live device by the hash of its bearer token (revoked devices have no token hash). */
export function findByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('devices')
    .select(['id', 'mall_id', 'kind', 'zone_id', 'last_seen_at', 'printer'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function findByCodeHash(db: Db, codeHash: string) {
  return withZone(db)
    .where('devices.pairing_code_hash', '=', codeHash)
    .where('devices.revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertDevice(
  db: Db,
  row: Omit<DevicesTable, 'id' | 'zone_id'> & { zone_id: number | null },
): Promise<number> {
  const r = await db.insertInto('devices').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateDevice(
  db: Db,
  id: number,
  set: Partial<Omit<DevicesTable, 'id' | 'mall_id' | 'kind' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('devices').set(set).where('id', '=', id).execute();
}

/**
 * Uses a pairing code: the conditional update matches only while the code is still unused and
 * unexpired, so two devices racing with one code cannot both win. Returns whether it matched.
 */
export async function claimPairing(
  db: Db,
  id: number,
  codeHash: string,
  nowIso: string,
  tokenHash: string,
): Promise<boolean> {
  const r = await db
    .updateTable('devices')
    .set({
      token_hash: tokenHash,
      pairing_expires_at: null,
      paired_at: nowIso,
      last_seen_at: nowIso,
      updated_at: nowIso,
    })
    .where('id', '=', id)
    .where('pairing_code_hash', '=', codeHash)
    .where('pairing_expires_at', '>', nowIso)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function touchLastSeen(db: Db, id: number, nowIso: string): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: nowIso }).where('id', '=', id).execute();
}

export function findZoneId(db: Db, mallId: number, slug: string) {
  return db
    .selectFrom('zones')
    .select('id')
    .where('mall_id', '=', mallId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function insertZone(db: Db, mallId: number, slug: string): Promise<number> {
  const r = await db
    .insertInto('zones')
    .values({ mall_id: mallId, slug, name: slug })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function findMallById(db: Db, mallId: number) {
  return db.selectFrom('malls').select(['id', 'slug', 'name']).where('id', '=', mallId).executeTakeFirst();
}

/** Drops a still-unused pairing code (the demo's codes when its server stops). */
export async function withdrawPairingCode(db: Db, id: number, codeHash: string): Promise<void> {
  await db
    .updateTable('devices')
    .set({ pairing_code_hash: null, pairing_expires_at: null })
    .where('id', '=', id)
    .where('pairing_code_hash', '=', codeHash)
    .where('pairing_expires_at', 'is not', null)
    .execute();
}
