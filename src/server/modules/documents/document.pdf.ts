import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import type { SigningKey } from './signing.js';

export interface DocumentFields {
  mall: { name: string; address: string };
  agency: string;
  service: string;
  product: string;
  number: string;
  applicantName: string;
  nikMasked: string;
  receivedDate: string;
  issuedDate: string;
  verifyCode: string;
  verifyUrl: string;
  standardVersion: number;
  legalBasis: string;
}

/** WinAnsi (the standard fonts' encoding) has no characters beyond Latin-1: replace what it cannot show. */
const ansi = (s: string) =>
  s
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/)) {
    if ((line + w).length > max) {
      if (line) out.push(line.trim());
      line = '';
    }
    line += `${w} `;
  }
  if (line.trim()) out.push(line.trim());
  return out;
}

/**
 * The product as an A4 PDF (pdf-lib, standard fonts): the mall and agency, the service and product,
 * the number, the applicant (name; NIK masked), the dates, a QR code to the public check and the
 * short code, then a PAdES-style signature (PKCS#7 detached over the byte range, @signpdf with the
 * PKCS#12 signer). A demo certificate's documents carry "DEMO" across the page.
 */
export async function renderSignedDocument(f: DocumentFields, key: SigningKey, at: Date): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(ansi(`${f.product} - ${f.number}`));
  pdf.setAuthor(ansi(f.agency));
  pdf.setCreator('Satu Atap');
  pdf.setProducer('Satu Atap (pdf-lib)');
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.1, 0.12);
  const grey = rgb(0.35, 0.35, 0.4);
  let y = 790;
  const text = (s: string, size = 11, font = regular, color = ink, x = 56) => {
    page.drawText(ansi(s), { x, y, size, font, color });
    y -= size + 7;
  };
  if (key.demo) {
    page.drawText('DEMO', {
      x: 90,
      y: 300,
      size: 140,
      font: bold,
      color: rgb(0.85, 0.2, 0.2),
      opacity: 0.18,
    });
  }
  text(f.mall.name.toUpperCase(), 10, bold, grey);
  text(f.mall.address, 9, regular, grey);
  y -= 4;
  text(f.agency, 13, bold);
  page.drawLine({ start: { x: 56, y: y + 6 }, end: { x: 539, y: y + 6 }, thickness: 1, color: grey });
  y -= 18;
  for (const l of wrap(f.product, 50)) text(l, 18, bold);
  text(`Nomor: ${f.number}`, 11, regular);
  y -= 14;
  const row = (label: string, value: string) => {
    page.drawText(ansi(label), { x: 56, y, size: 11, font: regular, color: grey });
    const lines = wrap(value, 58);
    for (const l of lines) {
      page.drawText(ansi(l), { x: 200, y, size: 11, font: bold, color: ink });
      y -= 17;
    }
  };
  row('Layanan', f.service);
  row('Nama pemohon', f.applicantName);
  row('NIK', f.nikMasked);
  row('Tanggal permohonan', f.receivedDate);
  row('Tanggal terbit', f.issuedDate);
  row('Standar pelayanan', `versi ${f.standardVersion}`);
  y -= 8;
  for (const l of wrap(`Dasar hukum: ${f.legalBasis}`, 95).slice(0, 6)) text(l, 8, regular, grey);
  if (key.demo) {
    y -= 6;
    text(
      'DEMO - ditandatangani dengan sertifikat uji coba, bukan dokumen resmi.',
      10,
      bold,
      rgb(0.75, 0.1, 0.1),
    );
  }
  const qr = await QRCode.toBuffer(f.verifyUrl, {
    type: 'png',
    margin: 2,
    scale: 6,
    errorCorrectionLevel: 'M',
  });
  const png = await pdf.embedPng(qr);
  page.drawImage(png, { x: 56, y: 90, width: 130, height: 130 });
  const vx = 206;
  page.drawText('Periksa keaslian dokumen ini:', { x: vx, y: 190, size: 10, font: regular, color: grey });
  page.drawText(ansi(f.verifyUrl), { x: vx, y: 172, size: 9, font: regular, color: ink });
  page.drawText('Kode verifikasi', { x: vx, y: 148, size: 10, font: regular, color: grey });
  page.drawText(f.verifyCode, { x: vx, y: 124, size: 20, font: bold, color: ink });
  page.drawText(ansi(`Ditandatangani secara elektronik: ${key.signer}`), {
    x: vx,
    y: 100,
    size: 8,
    font: regular,
    color: grey,
  });
  pdflibAddPlaceholder({
    pdfDoc: pdf,
    reason: ansi(`${f.product} ${f.number}`),
    contactInfo: ansi(f.agency),
    name: ansi(key.signer),
    location: ansi(f.mall.name),
    signingTime: at,
  });
  const unsigned = Buffer.from(await pdf.save({ useObjectStreams: false }));
  const signer = new P12Signer(key.p12, { passphrase: key.passphrase });
  return new SignPdf().sign(unsigned, signer, at);
}
