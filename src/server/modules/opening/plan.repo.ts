import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, PlanActionsTable, PlanStagesTable } from '../../db/schema.js';

export type StageRow = Selectable<PlanStagesTable>;
export type ActionRow = Selectable<PlanActionsTable>;

export const listStages = (db: Kysely<DB>, mallId: number) =>
  db
    .selectFrom('plan_stages')
    .selectAll()
    .where('mall_id', '=', mallId)
    .orderBy('position')
    .orderBy('id')
    .execute();

export const listActions = (db: Kysely<DB>, mallId: number) =>
  db
    .selectFrom('plan_actions')
    .selectAll()
    .where('mall_id', '=', mallId)
    .orderBy('position')
    .orderBy('id')
    .execute();

export const findStage = (db: Kysely<DB>, mallId: number, id: number) =>
  db
    .selectFrom('plan_stages')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findAction = (db: Kysely<DB>, mallId: number, id: number) =>
  db
    .selectFrom('plan_actions')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertStage = async (db: Kysely<DB>, values: Insertable<PlanStagesTable>) =>
  (await db.insertInto('plan_stages').values(values).returning('id').executeTakeFirstOrThrow()).id;

export const insertAction = async (db: Kysely<DB>, values: Insertable<PlanActionsTable>) =>
  (await db.insertInto('plan_actions').values(values).returning('id').executeTakeFirstOrThrow()).id;

export const updateStage = async (db: Kysely<DB>, id: number, set: Updateable<PlanStagesTable>) => {
  await db.updateTable('plan_stages').set(set).where('id', '=', id).execute();
};

export const updateAction = async (db: Kysely<DB>, id: number, set: Updateable<PlanActionsTable>) => {
  await db.updateTable('plan_actions').set(set).where('id', '=', id).execute();
};

export const nextActionPosition = async (db: Kysely<DB>, stageId: number) =>
  Number(
    (
      await db
        .selectFrom('plan_actions')
        .select((eb) => eb.fn.max<number>('position').as('p'))
        .where('stage_id', '=', stageId)
        .executeTakeFirst()
    )?.p ?? 0,
  ) + 1;

export const nextStagePosition = async (db: Kysely<DB>, mallId: number) =>
  Number(
    (
      await db
        .selectFrom('plan_stages')
        .select((eb) => eb.fn.max<number>('position').as('p'))
        .where('mall_id', '=', mallId)
        .executeTakeFirst()
    )?.p ?? 0,
  ) + 1;
