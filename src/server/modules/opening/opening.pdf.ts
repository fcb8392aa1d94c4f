import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { MILESTONE_NAMES, type ReportData, rupiah, STAGE_NAMES, STATUS_NAMES } from './opening.report.js';

const MONTHS = [
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
];
/** "2026-12-01" → "1 Desember 2026". */
const formatLocalDate = (d: string) =>
  `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

/** The standard fonts speak WinAnsi only: anything else becomes a plain look-alike. */
const safe = (s: string) =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2192]/g, '->')
    .replace(/[^\x20-\x7E\u00A0-\u00FF\u2013\u2014]/g, '?');

class Writer {
  page: PDFPage;
  y = 0;
  constructor(
    private doc: PDFDocument,
    private font: PDFFont,
    private bold: PDFFont,
  ) {
    this.page = this.newPage();
  }
  private newPage() {
    const p = this.doc.addPage([595.28, 841.89]);
    this.y = 800;
    this.page = p;
    return p;
  }
  line(
    text: string,
    o: { size?: number; bold?: boolean; indent?: number; color?: [number, number, number] } = {},
  ) {
    const size = o.size ?? 10;
    const font = o.bold ? this.bold : this.font;
    const maxWidth = 515 - (o.indent ?? 0);
    // Wrap by words to the page width.
    const words = safe(text).split(' ');
    let current = '';
    const lines: string[] = [];
    for (const w of words) {
      const next = current ? `${current} ${w}` : w;
      if (font.widthOfTextAtSize(next, size) > maxWidth && current) {
        lines.push(current);
        current = w;
      } else current = next;
    }
    lines.push(current);
    for (const l of lines) {
      if (this.y < 50) this.newPage();
      this.page.drawText(l, {
        x: 40 + (o.indent ?? 0),
        y: this.y,
        size,
        font,
        color: rgb(...(o.color ?? [0, 0, 0])),
      });
      this.y -= size + 4;
    }
  }
  gap(n = 6) {
    this.y -= n;
  }
}

/** The printable progress report for the regent and the ministry (A4, Bahasa Indonesia). */
export async function reportPdf(d: ReportData): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Laporan kemajuan ${d.mall.name}`);
  doc.setCreator('Satu Atap');
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const s = d.summary;
  const date = d.generatedAt.slice(0, 10);
  w.line(`Laporan Kemajuan Persiapan ${d.mall.name}`, { size: 16, bold: true });
  w.line(`Per ${formatLocalDate(date)} - tahap: ${STAGE_NAMES[s.stage]}`, {
    size: 10,
    color: [0.3, 0.3, 0.3],
  });
  w.gap(8);
  w.line('Ringkasan', { size: 12, bold: true });
  w.line(
    `Rencana aksi: ${s.plan.percent} % (${s.plan.done} dari ${s.plan.total} aksi selesai; yang dibatalkan tidak dihitung)`,
  );
  w.line(`Kesiapan: skor ${s.readiness.score} %, ${s.readiness.missing} butir belum terpenuhi`);
  w.line(
    `Perjanjian kerja sama: ${s.agreements.signed} dari ${s.agreements.total} instansi telah menandatangani PKS`,
  );
  w.line(
    `Cakupan layanan: ${s.coverage.full} dilayani penuh, ${s.coverage.intakeOnly} hanya pendaftaran, ${s.coverage.notServed} tidak dilayani (dari ${s.coverage.total})`,
  );
  w.line(`Anggaran: direncanakan ${rupiah(s.budget.planned)}, terealisasi ${rupiah(s.budget.realised)}`);
  w.gap(8);
  w.line('Tonggak', { size: 12, bold: true });
  for (const m of s.milestones) {
    const when = m.date
      ? `${formatLocalDate(m.date)}${m.daysRemaining !== null && m.daysRemaining >= 0 ? ` (${m.daysRemaining} hari lagi)` : ''}`
      : 'belum ditetapkan';
    w.line(`${MILESTONE_NAMES[m.key]}: ${when}`);
    if (m.blockers.length)
      w.line(`Penghambat: ${m.blockers.slice(0, 6).join('; ')}`, {
        indent: 12,
        size: 9,
        color: [0.6, 0.1, 0.1],
      });
  }
  w.gap(8);
  w.line('Rencana aksi per tahap', { size: 12, bold: true });
  for (const st of d.plan.stages) {
    w.line(`${st.name} - ${st.percent} % (${st.done}/${st.total})`, { bold: true });
    for (const a of st.actions)
      w.line(
        `[${STATUS_NAMES[a.status]}] ${a.title}${a.owner ? ` - ${a.owner}` : ''}${a.dueDate ? `, tenggat ${a.dueDate}` : ''}${a.overdue ? ' (TERLAMBAT)' : ''}`,
        { indent: 12, size: 9, color: a.overdue ? [0.6, 0.1, 0.1] : [0, 0, 0] },
      );
  }
  w.gap(8);
  w.line('Kesiapan per bidang', { size: 12, bold: true });
  for (const area of d.readiness.areas) {
    w.line(`${area.name}: ${area.done}/${area.total}`, { bold: true });
    for (const i of area.items)
      w.line(`${i.done ? '[v]' : '[ ]'} ${i.title}${i.detail ? ` - ${i.detail}` : ''}`, {
        indent: 12,
        size: 9,
      });
  }
  if (d.agreements.unsigned.length) {
    w.gap(8);
    w.line('Instansi yang belum menandatangani PKS', { size: 12, bold: true });
    for (const u of d.agreements.unsigned)
      w.line(
        `${u.name}: ${u.reason ?? 'tanpa alasan tercatat'}${u.deadline ? `; tenggat ${u.deadline}` : ''}`,
        { indent: 12, size: 9 },
      );
  }
  return Buffer.from(await doc.save());
}
