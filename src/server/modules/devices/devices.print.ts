import type { z } from 'zod';
import type { PrintOutcome } from '../../../shared/contracts/devices.js';
import { localMoment } from '../../../shared/domain/local-time.js';
import type { AppContext } from '../../context.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './devices.repo.js';
import type { AuthenticatedDevice } from './devices.service.js';
import { sendToPrinter } from './printer.js';
import { slipEscPos } from './slip.escpos.js';

const ZONE_ABBR: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Priority groups as the slip prints them (the printer speaks the citizen's language). */
const PRIORITY_ID: Record<string, string> = {
  elderly: 'Lansia',
  disabled: 'Penyandang disabilitas',
  pregnant: 'Ibu hamil',
  child: 'Anak-anak',
  sick: 'Orang sakit',
  disaster_victim: 'Korban bencana',
};

interface IssuedTicket {
  number: string;
  serviceName: string;
  issuedAt: string;
  trackingCode: string;
  priority: string | null;
}

/**
 * After the ticket has committed: when the kiosk names a network printer, sends it the slip as
 * ESC/POS and notes the outcome on the device (last print time and error, shown to the admin).
 * Never throws and never issues anything: a failed print leaves the one ticket as it is, and the
 * kiosk shows the number on screen. Answers null when the kiosk prints through its browser.
 */
export async function printKioskSlip(
  ctx: AppContext,
  device: AuthenticatedDevice,
  mall: MallRecord,
  ticket: IssuedTicket,
  baseUrl: string,
): Promise<z.infer<typeof PrintOutcome> | null> {
  const db = ctx.database.db;
  const address = device.printer;
  if (!address) return null;
  const local = localMoment(new Date(ticket.issuedAt), mall.timezone);
  const [y, m, day] = local.date.split('-');
  const bytes = slipEscPos({
    mallName: mall.name,
    number: ticket.number,
    serviceName: ticket.serviceName,
    issuedAt: `${day}-${m}-${y} ${local.time.replace(':', '.')} ${ZONE_ABBR[mall.timezone] ?? mall.timezone}`,
    url: `${baseUrl}/${mall.slug}/ticket/${encodeURIComponent(ticket.trackingCode)}`,
    priority: ticket.priority ? (PRIORITY_ID[ticket.priority] ?? ticket.priority) : null,
  });
  const at = ctx.now().toISOString();
  try {
    await sendToPrinter(address, bytes);
    await repo.updateDevice(db, device.deviceId, { last_print_at: at, last_print_error: null });
    return { status: 'printed' };
  } catch (err) {
    const message = (err as Error).message.slice(0, 300);
    ctx.log.warn({ deviceId: device.deviceId, printer: address, err: message }, 'kiosk printer failed');
    await repo
      .updateDevice(db, device.deviceId, { last_print_at: at, last_print_error: message })
      .catch(() => {});
    return { status: 'failed', message };
  }
}
