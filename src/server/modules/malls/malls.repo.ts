import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export const findMallBySlug = (db: Kysely<DB>, slug: string) =>
  db.selectFrom('malls').selectAll().where('slug', '=', slug).executeTakeFirst();

export const listMalls = (db: Kysely<DB>) => db.selectFrom('malls').selectAll().orderBy('name').execute();

export const findMallById = (db: Kysely<DB>, id: number) =>
  db.selectFrom('malls').selectAll().where('id', '=', id).executeTakeFirst();
