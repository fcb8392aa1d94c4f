import type { z } from 'zod';
import type { IssueTicketInput } from '../../../shared/contracts/queue.js';
import { localMoment } from '../../../shared/domain/local-time.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { lockMallQueue } from '../../events/live-events.repo.js';
import type { MallRecord } from '../malls/malls.service.js';
import { positionAndEta } from '../queue/positions.js';
import { toTicketDto } from '../queue/queue.mapper.js';
import { issueInTx } from '../queue/tickets.service.js';
import * as services from '../services/services.repo.js';
import * as repo from './bookings.repo.js';
import { checkedNik, checkedPhone } from './bookings.service.js';
import { nikHash } from './personal-data.js';

/**
 * Same-day online queueing (`POST /tickets {source: "online", nik, phone}`): where the mall and the
 * service allow it, a citizen joins today's line from the phone, inside opening hours and before the
 * cut-off (issueInTx checks both), with one open online ticket per NIK. The NIK is kept only as its
 * keyed hash beside the ticket; the ticket's source "online" is what statistics count.
 */
export async function issueOnlineTicket(
  ctx: AppContext,
  mall: MallRecord,
  input: z.infer<typeof IssueTicketInput>,
) {
  if (!input.nik || !input.phone)
    throw new AppError(
      'ONLINE_QUEUE_UNAVAILABLE',
      'Antrean daring memerlukan NIK dan nomor HP; atau ambil nomor di kios (online queueing needs a NIK and a phone).',
    );
  const nik = checkedNik(ctx, input.nik);
  checkedPhone(input.phone);
  const service = await services.findService(ctx.database.db, mall.id, input.serviceId);
  if (!service) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  if (!mall.online_queue_enabled || !service.online_bookable)
    throw new AppError(
      'ONLINE_QUEUE_UNAVAILABLE',
      'Layanan ini tidak menerima antrean daring; ambil nomor di kios (online queueing not offered for this service).',
    );
  const hash = await nikHash(ctx, nik);
  const view = await ctx.database.group.run(mall.id, async (tx) => {
    // Under the mall's queue lock: two requests of one NIK cannot both see "no open ticket".
    await lockMallQueue(tx, mall.id);
    const today = localMoment(ctx.now(), mall.timezone).date;
    if (await repo.openOnlineTickets(tx.db, mall.id, hash, today))
      throw new AppError(
        'ONLINE_TICKET_EXISTS',
        'NIK ini sudah memiliki nomor antrean daring yang masih aktif hari ini (one open online ticket per NIK).',
      );
    const t = await issueInTx(ctx, tx, mall, null, {
      serviceId: input.serviceId,
      source: 'online',
      priority: null,
    });
    await repo.insertOnlineTicket(tx.db, {
      ticketId: t.id,
      mallId: mall.id,
      nikHash: hash,
      localDate: t.local_date,
    });
    return t;
  });
  const { position, eta } = await positionAndEta(ctx, view, ctx.now(), mall.timezone);
  return toTicketDto(view, position, eta);
}
