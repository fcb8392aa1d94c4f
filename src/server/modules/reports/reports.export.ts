import type { ReportDto, ReportFiguresDto } from '../../../shared/contracts/reports.js';

type Lang = 'id' | 'en';

const HEAD: Record<Lang, string[]> = {
  id: [
    'Pengunjung',
    'Tiket',
    'Kios',
    'Daring',
    'Loket',
    'Booking',
    'Dilayani',
    'Tidak hadir',
    'Tingkat tidak hadir',
    'Dialihkan',
    'Porsi prioritas',
    'Tunggu rata-rata (mnt)',
    'Tunggu median',
    'Tunggu p90',
    'Jalan rata-rata',
    'Layanan rata-rata',
    'Layanan median',
    'Layanan p90',
  ],
  en: [
    'Visitors',
    'Tickets',
    'Kiosk',
    'Online',
    'Counter',
    'Booking',
    'Served',
    'No-shows',
    'No-show rate',
    'Transferred',
    'Priority share',
    'Mean wait (min)',
    'Median wait',
    'p90 wait',
    'Mean walk',
    'Mean service',
    'Median service',
    'p90 service',
  ],
};

const TEXT = {
  id: {
    title: 'Laporan pelayanan',
    period: 'Periode',
    end: 'Sampai',
    service: 'Layanan',
    agency: 'Instansi',
    counter: 'Loket',
    officer: 'Petugas',
    total: 'Jumlah',
    periods: 'Per periode',
    services: 'Per layanan',
    counters: 'Per loket',
    officers: 'Per petugas',
    applications: 'Kepatuhan SLA permohonan',
    complaints: 'Pengaduan',
    bookings: 'Pemesanan daring',
  },
  en: {
    title: 'Service report',
    period: 'Period',
    end: 'To',
    service: 'Service',
    agency: 'Agency',
    counter: 'Counter',
    officer: 'Officer',
    total: 'Total',
    periods: 'By period',
    services: 'By service',
    counters: 'By counter',
    officers: 'By officer',
    applications: 'Application SLA compliance',
    complaints: 'Complaints',
    bookings: 'Online bookings',
  },
} as const;

type Cellv = string | number | null;

function values(f: ReportFiguresDto): Cellv[] {
  return [
    f.visitors,
    f.issued,
    f.bySource.kiosk,
    f.bySource.online,
    f.bySource.counter,
    f.bySource.booking,
    f.served,
    f.noShows,
    f.noShowRate,
    f.transferred,
    f.priorityShare,
    f.wait.mean,
    f.wait.p50,
    f.wait.p90,
    f.walk.mean,
    f.service.mean,
    f.service.p50,
    f.service.p90,
  ];
}

interface Table {
  title: string;
  head: string[];
  rows: Cellv[][];
}

/** The report as tables: the same content for CSV, XLSX and PDF. */
export function reportTables(r: ReportDto, lang: Lang): Table[] {
  const t = TEXT[lang];
  const head = HEAD[lang];
  const tables: Table[] = [
    { title: t.total, head: [t.period, t.end, ...head], rows: [[r.from, r.to, ...values(r.totals)]] },
    {
      title: t.periods,
      head: [t.period, t.end, ...head],
      rows: r.periods.map((p) => [p.start, p.end, ...values(p)]),
    },
    {
      title: t.services,
      head: [t.service, t.agency, ...head],
      rows: r.services.map((s) => [s.serviceName, s.agencyName, ...values(s)]),
    },
    {
      title: t.counters,
      head: [t.counter, ...head],
      rows: r.counters.map((c) => [c.name, ...values(c)]),
    },
    {
      title: t.officers,
      head: [t.officer, ...head],
      rows: r.officers.map((o) => [o.name, ...values(o)]),
    },
  ];
  if (r.applications) {
    const a = r.applications;
    tables.push({
      title: t.applications,
      head:
        lang === 'id'
          ? ['Diterima', 'Selesai', 'Tepat waktu', 'Kepatuhan', 'Terlambat (terbuka)']
          : ['Received', 'Finished', 'On time', 'Compliance', 'Overdue (open)'],
      rows: [[a.received, a.finished, a.finishedOnTime, a.compliance, a.openOverdue]],
    });
  }
  if (r.bookings) {
    const b = r.bookings;
    tables.push({
      title: t.bookings,
      head:
        lang === 'id'
          ? ['Dipesan', 'Hadir', 'Tidak hadir', 'Tingkat kehadiran']
          : ['Booked', 'Showed', 'No-shows', 'Show rate'],
      rows: [[b.booked, b.showed, b.noShows, b.showRate]],
    });
  }
  if (r.complaints) {
    const c = r.complaints;
    tables.push({
      title: t.complaints,
      head: lang === 'id' ? ['Jenis/status', 'Jumlah'] : ['Type/status', 'Count'],
      rows: [
        [lang === 'id' ? 'total' : 'total', c.total],
        ...Object.entries(c.byType).map(([k, v]) => [k, v] as Cellv[]),
        ...Object.entries(c.byStatus).map(([k, v]) => [k, v] as Cellv[]),
        [lang === 'id' ? 'melewati tenggat' : 'overdue', c.overdue],
        [lang === 'id' ? 'dieskalasi' : 'escalated', c.escalated],
      ],
    });
  }
  return tables;
}

const csvCell = (v: Cellv) => {
  if (v === null) return '';
  const s = String(v);
  // Quote what needs it; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function reportCsv(r: ReportDto, lang: Lang): string {
  const lines: string[] = [`# ${TEXT[lang].title} ${r.mall} ${r.from}..${r.to} (${r.timezone})`];
  for (const t of reportTables(r, lang)) {
    lines.push('', `# ${t.title}`, t.head.map(csvCell).join(','));
    for (const row of t.rows) lines.push(row.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function reportXlsx(r: ReportDto, lang: Lang): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Satu Atap';
  wb.created = new Date();
  for (const t of reportTables(r, lang)) {
    const ws = wb.addWorksheet(t.title.slice(0, 31));
    ws.addRow([`${TEXT[lang].title} ${r.mall} ${r.from} – ${r.to}`]).font = { bold: true };
    const head = ws.addRow(t.head);
    head.font = { bold: true };
    for (const row of t.rows) ws.addRow(row);
    ws.columns.forEach((c, i) => {
      c.width = i < 2 ? 28 : 14;
    });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** WinAnsi (the standard PDF fonts' encoding) has no glyph for most of Unicode: keep what it has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const pdfSafe = (s: string) =>
  [...s].map((ch) => (ch.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRA.has(ch) ? ch : '?')).join('');

const fmt = (v: Cellv) => (v === null ? '-' : typeof v === 'number' ? String(Math.round(v * 100) / 100) : v);

export async function reportPdf(r: ReportDto, lang: Lang): Promise<Buffer> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(`${TEXT[lang].title} ${r.mall} ${r.from}..${r.to}`);
  doc.setProducer('Satu Atap');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const W = 842; // A4 landscape
  const H = 595;
  const margin = 28;
  let page = doc.addPage([W, H]);
  let y = H - margin;
  const line = (text: string, size: number, f = font, x = margin) => {
    if (y < margin + size) {
      page = doc.addPage([W, H]);
      y = H - margin;
    }
    page.drawText(pdfSafe(text), { x, y: y - size, size, font: f, color: rgb(0.1, 0.1, 0.1) });
  };
  line(`${TEXT[lang].title} — ${r.mall} — ${r.from} .. ${r.to} (${r.timezone})`, 14, bold);
  y -= 24;
  for (const t of reportTables(r, lang)) {
    const first = t.head.length - HEAD[lang].length;
    const firstW = first === 2 ? 110 : 150;
    const restW = (W - 2 * margin - first * firstW) / Math.max(1, t.head.length - first);
    const widths = t.head.map((_, i) => (i < first ? firstW : restW));
    const rowAt = (cells: string[], f = font, size = 6.5) => {
      if (y < margin + 20) {
        page = doc.addPage([W, H]);
        y = H - margin;
      }
      let x = margin;
      cells.forEach((c, i) => {
        let s = pdfSafe(c);
        while (s.length > 1 && f.widthOfTextAtSize(s, size) > widths[i]! - 3) s = s.slice(0, -1);
        page.drawText(s, { x, y: y - size, size, font: f });
        x += widths[i]!;
      });
      y -= size + 4;
    };
    y -= 6;
    line(t.title, 10, bold);
    y -= 14;
    // Headers wrap over two lines of short words at this width.
    rowAt(t.head, bold, 6);
    for (const row of t.rows.slice(0, 400)) rowAt(row.map(fmt));
  }
  return Buffer.from(await doc.save());
}
