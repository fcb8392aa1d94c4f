import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Recording metadata of a mall (no audio): what the manifest and the admin list need. */
export function recordings(db: Kysely<DB>, mallId: number) {
  return db
    .selectFrom('announcement_clips')
    .select(['clip_key', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'])
    .where('mall_id', '=', mallId)
    .orderBy('clip_key')
    .execute();
}

export function recordingMeta(db: Kysely<DB>, mallId: number, key: string) {
  return db
    .selectFrom('announcement_clips')
    .select(['content_type', 'sha256'])
    .where('mall_id', '=', mallId)
    .where('clip_key', '=', key)
    .executeTakeFirst();
}

export function recordingAudio(db: Kysely<DB>, mallId: number, key: string) {
  return db
    .selectFrom('announcement_clips')
    .select(['content_type', 'sha256', 'audio'])
    .where('mall_id', '=', mallId)
    .where('clip_key', '=', key)
    .executeTakeFirst();
}

export async function upsertRecording(db: Kysely<DB>, row: DB['announcement_clips']) {
  const { content_type, audio, size_bytes, sha256, uploaded_by, uploaded_at } = row;
  await db
    .insertInto('announcement_clips')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['mall_id', 'clip_key'])
        .doUpdateSet({ content_type, audio, size_bytes, sha256, uploaded_by, uploaded_at }),
    )
    .execute();
}

export async function deleteRecording(db: Kysely<DB>, mallId: number, key: string) {
  const r = await db
    .deleteFrom('announcement_clips')
    .where('mall_id', '=', mallId)
    .where('clip_key', '=', key)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function voiceSetting(db: Kysely<DB>, mallId: number): Promise<string | null> {
  const r = await db
    .selectFrom('announcement_settings')
    .select('voice')
    .where('mall_id', '=', mallId)
    .executeTakeFirst();
  return r?.voice ?? null;
}

export async function setVoiceSetting(db: Kysely<DB>, mallId: number, voice: string, at: string) {
  await db
    .insertInto('announcement_settings')
    .values({ mall_id: mallId, voice, updated_at: at })
    .onConflict((oc) => oc.column('mall_id').doUpdateSet({ voice, updated_at: at }))
    .execute();
}

export async function upsertAudioStatus(
  db: Kysely<DB>,
  row: { device_id: number; mall_id: number; status: string; reported_at: string },
) {
  await db
    .insertInto('display_audio_status')
    .values(row)
    .onConflict((oc) =>
      oc.column('device_id').doUpdateSet({ status: row.status, reported_at: row.reported_at }),
    )
    .execute();
}

/** The mall's displays that reported, with their names; revoked devices are left out. */
export function audioStatuses(db: Kysely<DB>, mallId: number) {
  return db
    .selectFrom('display_audio_status as a')
    .innerJoin('devices as d', 'd.id', 'a.device_id')
    .select(['a.device_id', 'd.name', 'a.status', 'a.reported_at'])
    .where('a.mall_id', '=', mallId)
    .where('d.revoked_at', 'is', null)
    .orderBy('d.name')
    .execute();
}
