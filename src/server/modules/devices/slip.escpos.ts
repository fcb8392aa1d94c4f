import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';

export interface Slip {
  mallName: string;
  number: string;
  serviceName: string;
  /** Local date and time as the citizen reads it, e.g. "01-12-2026 14.48 WIB". */
  issuedAt: string;
  /** The citizen's live ticket page (position, estimated wait). */
  url: string;
  priority?: string | null;
}

/** Under the QR code: the live page, its WhatsApp notifications ("Beri tahu saya") and, once served, the survey. */
export const SCAN_HINT = 'Pindai untuk pantau antrean, pemberitahuan WhatsApp & survei kepuasan';

/** 80 mm paper: 42 columns of font A (48 on some printers; 42 prints on both). */
const COLUMNS = 42;

/**
 * The ticket slip as ESC/POS bytes for a network thermal printer: mall name, the number large,
 * service, time, a QR code to the live ticket page (where the citizen can ask for WhatsApp/SMS
 * notifications), then feed and cut. Text outside the printer's
 * code page (rare in Indonesian) is transliterated by the encoder.
 */
export function slipEscPos(s: Slip): Uint8Array {
  const e = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: COLUMNS, feedBeforeCut: 4 });
  e.initialize()
    .codepage('auto')
    .align('center')
    .bold(true)
    .line(s.mallName)
    .bold(false)
    .line('Nomor antrean Anda')
    .size(3, 3)
    .bold(true)
    .line(s.number)
    .bold(false)
    .size(1, 1)
    .line(s.serviceName);
  if (s.priority) e.line(`Prioritas: ${s.priority}`);
  e.line(s.issuedAt)
    .newline()
    .qrcode(s.url, { model: 2, size: 6, errorlevel: 'm' })
    .line(SCAN_HINT)
    .newline()
    .align('left')
    .cut('full');
  return e.encode();
}
