import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB, TicketNotificationsTable } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export const findSubscription = (db: Db, ticketId: number, channel: string) =>
  db
    .selectFrom('ticket_notifications')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('channel', '=', channel)
    .executeTakeFirst();

export const insertSubscription = async (db: Db, row: Insertable<TicketNotificationsTable>) =>
  (await db.insertInto('ticket_notifications').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const updateSubscription = async (db: Db, id: number, set: Updateable<TicketNotificationsTable>) => {
  await db.updateTable('ticket_notifications').set(set).where('id', '=', id).execute();
};

export const deleteSubscription = async (db: Db, ticketId: number, channel: string) =>
  Number(
    (
      await db
        .deleteFrom('ticket_notifications')
        .where('ticket_id', '=', ticketId)
        .where('channel', '=', channel)
        .executeTakeFirst()
    ).numDeletedRows,
  );

/**
 * The mall's requests that may still send something, with what the messages and the "people ahead"
 * count need from their tickets. Asked on every queue change of the mall: an index on
 * (mall_id, closed_at) keeps it to the open requests (usually none, or a handful).
 */
export const openSubscriptions = (db: Db, mallId: number, ticketIds?: number[]) => {
  let q = db
    .selectFrom('ticket_notifications as n')
    .innerJoin('tickets as t', 't.id', 'n.ticket_id')
    .innerJoin('services as s', 's.id', 't.service_id')
    .select([
      'n.id',
      'n.ticket_id',
      'n.channel',
      'n.address',
      'n.address_masked',
      'n.when_ahead',
      'n.locale',
      'n.near_queued_at',
      't.status',
      't.number',
      't.tracking_code',
      't.service_id',
      't.local_date',
      't.target_counter_id',
      's.name as service_name',
      's.queue_prefix',
    ])
    .where('n.mall_id', '=', mallId)
    .where('n.closed_at', 'is', null)
    .where('n.erased_at', 'is', null);
  if (ticketIds) q = q.where('n.ticket_id', 'in', ticketIds);
  return q.orderBy('n.id').execute();
};
export type OpenSubscription = Awaited<ReturnType<typeof openSubscriptions>>[number];

export const markNearQueued = async (db: Db, ids: number[], at: string) => {
  if (!ids.length) return;
  await db.updateTable('ticket_notifications').set({ near_queued_at: at }).where('id', 'in', ids).execute();
};

export const markCalledQueued = async (db: Db, ids: number[], at: string) => {
  if (!ids.length) return;
  await db
    .updateTable('ticket_notifications')
    .set({ called_queued_at: at, closed_at: at })
    .where('id', 'in', ids)
    .execute();
};

export const closeSubscriptions = async (db: Db, ids: number[], at: string) => {
  if (!ids.length) return;
  await db.updateTable('ticket_notifications').set({ closed_at: at }).where('id', 'in', ids).execute();
};

export const findMall = (db: Db, mallId: number) =>
  db
    .selectFrom('malls')
    .select(['slug', 'name', 'timezone'])
    .where('id', '=', mallId)
    .executeTakeFirstOrThrow();

/** Names of the live counters that serve a service (for "near": where the citizen will be called). */
export const counterNamesServing = async (db: Db, mallId: number, serviceId: number) =>
  (
    await db
      .selectFrom('counter_services')
      .innerJoin('counters', 'counters.id', 'counter_services.counter_id')
      .select(['counters.name'])
      .where('counter_services.service_id', '=', serviceId)
      .where('counters.mall_id', '=', mallId)
      .where('counters.retired_at', 'is', null)
      .orderBy('counters.number')
      .execute()
  ).map((c) => c.name);

/**
 * Personal addresses kept only as long as needed: requests closed before `closedBefore`, and any
 * request older than `createdBefore` (a ticket lives one day), lose their address.
 */
export const eraseAddresses = async (db: Db, closedBefore: string, createdBefore: string, at: string) =>
  Number(
    (
      await db
        .updateTable('ticket_notifications')
        .set((eb) => ({ address: null, erased_at: at, closed_at: eb.fn.coalesce('closed_at', eb.val(at)) }))
        .where('erased_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb.and([eb('closed_at', 'is not', null), eb('closed_at', '<', closedBefore)]),
            eb('created_at', '<', createdBefore),
          ]),
        )
        .executeTakeFirst()
    ).numUpdatedRows,
  );
