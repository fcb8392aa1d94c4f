import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { SkmReportDto } from '../../../shared/contracts/surveys.js';
import {
  ELEMENT_HEAD,
  elementRows,
  headerLines,
  idNumber,
  PROFILE_TITLES,
  PROFILE_VALUES,
  summaryLines,
} from './skm-export.layout.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 42;
/** Helvetica speaks WinAnsi only: anything else a respondent typed (emoji, scripts) prints as '?'. */
const WIN_ANSI_EXTRA = '–—‘’“”•…€';
const printable = (s: string) =>
  [...s.replace(/[\r\n\t]+/g, ' ')]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(c)
        ? c
        : '?';
    })
    .join('');

/** A top-down writer over pages: text lines, wrapped paragraphs and simple ruled tables. */
class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  ensure(h: number) {
    if (this.y - h < MARGIN + 20) this.newPage();
  }
  wrap(text: string, size: number, width: number, font = this.font): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of printable(text).split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  }
  text(text: string, { size = 10, bold = false, gap = 3, indent = 0 } = {}) {
    const font = bold ? this.bold : this.font;
    for (const line of this.wrap(text, size, A4[0] - 2 * MARGIN - indent, font)) {
      this.ensure(size + gap);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font });
      this.y -= size + gap;
    }
  }
  space(h = 8) {
    this.y -= h;
  }
  table(head: string[], rows: string[][], widths: number[], { size = 8.5, boldLast = false } = {}) {
    const total = widths.reduce((a, b) => a + b, 0);
    const scale = (A4[0] - 2 * MARGIN) / total;
    const cols = widths.map((w) => w * scale);
    const draw = (cells: string[], bold: boolean, shade: boolean) => {
      const font = bold ? this.bold : this.font;
      const wrapped = cells.map((c, i) => this.wrap(c, size, cols[i]! - 6, font));
      const h = Math.max(...wrapped.map((w) => w.length)) * (size + 2) + 6;
      this.ensure(h);
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        this.page.drawRectangle({
          x,
          y: this.y - h,
          width: cols[i]!,
          height: h,
          borderColor: rgb(0.55, 0.55, 0.55),
          borderWidth: 0.5,
          color: shade ? rgb(0.92, 0.94, 0.97) : undefined,
        });
        for (const [j, l] of lines.entries())
          this.page.drawText(l, { x: x + 3, y: this.y - 3 - (j + 1) * (size + 2) + 2, size, font });
        x += cols[i]!;
      });
      this.y -= h;
    };
    draw(head, true, true);
    for (const [i, r] of rows.entries()) draw(r, boldLast && i === rows.length - 1, false);
    this.space(10);
  }
}

/** The SKM report as a printable A4 PDF (pdf-lib, Helvetica). */
export async function skmPdf(r: SkmReportDto, generatedAt: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Laporan SKM ${r.mall.name} ${r.from} s.d. ${r.to}`);
  doc.setAuthor('Satu Atap');
  doc.setCreationDate(generatedAt);
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  w.text('LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT (SKM)', { size: 14, bold: true, gap: 6 });
  for (const l of headerLines(r)) w.text(l, { size: 10 });
  w.space();
  w.text('A. Hasil', { size: 11, bold: true, gap: 5 });
  for (const l of summaryLines(r)) w.text(l);
  w.space(6);
  w.text('B. Nilai per unsur pelayanan', { size: 11, bold: true, gap: 5 });
  w.table(
    ELEMENT_HEAD,
    [
      ...elementRows(r),
      ['', '', 'Nilai SKM (jumlah NRR tertimbang)', '', '', '', '', idNumber(r.skm, 4)],
      ['', '', 'IKM = nilai SKM × 25', '', '', '', '', idNumber(r.ikm, 2)],
    ],
    [22, 34, 170, 52, 52, 46, 40, 60],
    { boldLast: true },
  );
  w.text(
    'NRR = jumlah nilai ÷ responden yang menjawab; bobot tepat (1/9), tanpa pembulatan antara; IKM dibulatkan 2 desimal (setengah ke atas). Mutu: A mulai 88,31; B mulai 76,61; C mulai 65,00; D di bawahnya.',
    { size: 8 },
  );
  w.space();
  if (r.byService.length > 1) {
    w.text('C. Hasil per layanan', { size: 11, bold: true, gap: 5 });
    w.table(
      ['Layanan', 'Responden', 'IKM', 'Mutu'],
      r.byService.map((s) => [s.serviceName, String(s.respondents), idNumber(s.ikm, 2), s.grade ?? '–']),
      [300, 70, 60, 50],
    );
  }
  w.text('D. Profil responden', { size: 11, bold: true, gap: 5 });
  for (const [key, title] of Object.entries(PROFILE_TITLES) as [keyof SkmReportDto['profile'], string][]) {
    const rows = r.profile[key];
    if (!rows.length) continue;
    const total = rows.reduce((s, x) => s + x.count, 0);
    w.table(
      [title, 'Jumlah', 'Persen'],
      rows.map((x) => [
        PROFILE_VALUES[x.value] ?? x.value,
        String(x.count),
        `${idNumber((100 * x.count) / total, 1)}%`,
      ]),
      [300, 80, 80],
    );
  }
  w.text('E. Catatan perbaikan (rencana tindak lanjut)', { size: 11, bold: true, gap: 5 });
  if (!r.improvements.length) w.text('Belum ada jawaban pada periode ini.');
  for (const [i, x] of r.improvements.entries())
    w.text(`${i + 1}. ${x.code} ${x.name} (NRR ${idNumber(x.nrr, 4)}): ${x.note}`, { indent: 6 });
  if (r.suggestions.length) {
    w.space(6);
    w.text('F. Saran dan masukan responden (terbaru)', { size: 11, bold: true, gap: 5 });
    for (const s of r.suggestions) w.text(`• ${s.serviceName}: ${s.text}`, { size: 9, indent: 6 });
  }
  const pages = doc.getPages();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const [i, p] of pages.entries())
    p.drawText(
      `Dibuat dengan Satu Atap, ${generatedAt.toISOString().slice(0, 10)} — halaman ${i + 1} dari ${pages.length}`,
      { x: MARGIN, y: 24, size: 7.5, font, color: rgb(0.4, 0.4, 0.4) },
    );
  return doc.save();
}
