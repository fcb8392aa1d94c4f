import type { MessageEvent } from '../../../shared/contracts/outbox.js';
import { maskEmail } from '../../../shared/domain/mask-personal.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { resolvePublicUrl } from '../../public-url.js';
import type { MallRecord } from '../malls/malls.service.js';
import { enqueueMessage } from '../outbox/outbox.service.js';
import { renderMessage } from '../outbox/templates.service.js';
import type { BookingView } from './bookings.repo.js';

const MONTHS = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** 'YYYY-MM-DD' as people write it: "3 Desember 2026". */
export function dateInWords(date: string, locale: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${(locale === 'en' ? MONTHS.en : MONTHS.id)[Number(m) - 1]} ${y}`;
}

/**
 * Queues a booking message to the citizen in the change's transaction: WhatsApp to the phone they
 * gave and, when they gave one, e-mail. `key` makes it once-only per booking (and per reminder).
 */
export async function queueBookingMessage(
  ctx: AppContext,
  tx: Tx,
  mall: Pick<MallRecord, 'id' | 'slug' | 'name'>,
  b: Pick<
    BookingView,
    | 'id'
    | 'code'
    | 'service_name'
    | 'date'
    | 'start_time'
    | 'end_time'
    | 'locale'
    | 'phone'
    | 'phone_masked'
    | 'email'
  >,
  event: MessageEvent,
  key: string,
  extra: { reason?: string } = {},
): Promise<number> {
  const bookingUrl = `${resolvePublicUrl(ctx.config)}/${mall.slug}/booking/${b.code}`;
  const { subject, text } = await renderMessage(ctx, tx.db, mall.id, event, b.locale, {
    code: b.code,
    service: b.service_name,
    date: dateInWords(b.date, b.locale),
    session: `${b.start_time}–${b.end_time}`,
    mall: mall.name,
    bookingUrl,
    reason: extra.reason,
  });
  let n = 0;
  await enqueueMessage(ctx, tx, {
    mallId: mall.id,
    channel: 'whatsapp',
    event,
    address: b.phone,
    addressMasked: b.phone_masked,
    subject: { type: 'booking', id: b.id },
    locale: b.locale,
    body: { text },
    idempotencyKey: `booking:${b.id}:${key}:whatsapp`,
  });
  n++;
  if (b.email) {
    await enqueueMessage(ctx, tx, {
      mallId: mall.id,
      channel: 'email',
      event,
      address: b.email,
      addressMasked: maskEmail(b.email),
      subject: { type: 'booking', id: b.id },
      locale: b.locale,
      body: { subject, text },
      idempotencyKey: `booking:${b.id}:${key}:email`,
    });
    n++;
  }
  return n;
}
