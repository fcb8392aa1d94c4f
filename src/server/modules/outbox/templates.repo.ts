import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The mall's own templates (all events and locales it changed). */
export function listTemplates(db: Db, mallId: number) {
  return db.selectFrom('message_templates').selectAll().where('mall_id', '=', mallId).execute();
}

export function findTemplate(db: Db, mallId: number, event: string, locale: string) {
  return db
    .selectFrom('message_templates')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('event', '=', event)
    .where('locale', '=', locale)
    .executeTakeFirst();
}

export async function upsertTemplate(
  db: Db,
  row: {
    mallId: number;
    event: string;
    locale: string;
    subject: string;
    text: string;
    by: number;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('message_templates')
    .values({
      mall_id: row.mallId,
      event: row.event,
      locale: row.locale,
      subject: row.subject,
      text: row.text,
      updated_by: row.by,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['mall_id', 'event', 'locale'])
        .doUpdateSet({ subject: row.subject, text: row.text, updated_by: row.by, updated_at: row.at }),
    )
    .execute();
}

export async function deleteTemplate(
  db: Db,
  mallId: number,
  event: string,
  locale: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('message_templates')
    .where('mall_id', '=', mallId)
    .where('event', '=', event)
    .where('locale', '=', locale)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function mallName(db: Db, mallId: number) {
  return db.selectFrom('malls').select(['name', 'slug']).where('id', '=', mallId).executeTakeFirst();
}
