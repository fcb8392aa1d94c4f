import type { ApplicationStatus } from '../../../shared/contracts/applications.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { resolvePublicUrl } from '../../public-url.js';
import { enqueueMessage } from '../outbox/outbox.service.js';
import { renderMessage } from '../outbox/templates.service.js';

const STATUS_WORDS: Record<'id' | 'en', Record<ApplicationStatus, string>> = {
  id: {
    received: 'diterima',
    in_process: 'sedang diproses',
    needs_correction: 'perlu perbaikan dari Anda',
    approved: 'disetujui',
    rejected: 'ditolak',
    ready: 'siap diambil',
    collected: 'sudah diambil',
    delivered: 'sudah dikirim',
  },
  en: {
    received: 'received',
    in_process: 'in process',
    needs_correction: 'waiting for your correction',
    approved: 'approved',
    rejected: 'rejected',
    ready: 'ready for collection',
    collected: 'collected',
    delivered: 'delivered',
  },
};

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
export const dateWords = (d: string, locale: 'id' | 'en' = 'id') => {
  const [y, m, day] = d.split('-');
  return `${Number(day)} ${MONTHS[locale][Number(m) - 1]} ${y}`;
};

/**
 * Tells the citizen about a status change through the outbox, in the change's transaction (a
 * WhatsApp message to the number given at intake; it waits in the outbox until a gateway is set).
 * Once per application, status and event id.
 */
export async function tellCitizen(
  ctx: AppContext,
  tx: Tx,
  a: {
    id: number;
    mallId: number;
    mallSlug: string;
    trackingCode: string;
    service: string;
    phone: string | null;
    phoneMasked: string;
    locale: string;
    dueDate: string;
  },
  status: ApplicationStatus,
  note: string | null,
  seq: string,
): Promise<void> {
  if (!a.phone) return;
  const locale = a.locale === 'en' ? 'en' : 'id';
  const trackUrl = `${resolvePublicUrl(ctx.config)}/${a.mallSlug}/track/${a.trackingCode}`;
  const { text } = await renderMessage(ctx, tx.db, a.mallId, 'application.status', locale, {
    trackingCode: a.trackingCode,
    service: a.service,
    status: STATUS_WORDS[locale][status],
    dueDate: dateWords(a.dueDate, locale),
    note: note ?? '',
    trackUrl,
  });
  await enqueueMessage(ctx, tx, {
    mallId: a.mallId,
    channel: 'whatsapp',
    event: 'application.status',
    address: a.phone,
    addressMasked: a.phoneMasked,
    subject: { type: 'application', id: a.id },
    locale,
    body: { text: text.replace(/\s+/g, ' ') },
    idempotencyKey: `application:${a.id}:${status}:${seq}`,
  });
}
