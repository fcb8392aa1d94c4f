import type { z } from 'zod';
import type {
  AgreementList,
  CoverageReport,
  OpeningSummary,
  Plan,
  Readiness,
} from '../../../shared/contracts/opening.js';
import type { AppContext } from '../../context.js';
import type { MallRecord } from '../malls/malls.service.js';
import { listAgreements } from './agreements.service.js';
import { listCandidates } from './candidates.service.js';
import { coverageReport, listDualism } from './coverage.service.js';
import { openingSummary } from './opening.service.js';
import { getPlan } from './plan.service.js';
import { getReadiness } from './readiness.service.js';

export interface ReportData {
  mall: MallRecord;
  generatedAt: string;
  summary: z.infer<typeof OpeningSummary>;
  plan: z.infer<typeof Plan>;
  readiness: z.infer<typeof Readiness>;
  agreements: z.infer<typeof AgreementList>;
  coverage: z.infer<typeof CoverageReport>;
  dualism: Awaited<ReturnType<typeof listDualism>>;
  candidates: Awaited<ReturnType<typeof listCandidates>>;
}

/** Everything the progress report and the export show, read once. */
export async function reportData(ctx: AppContext, mall: MallRecord): Promise<ReportData> {
  const [summary, plan, readiness, agreements, coverage, dualism, candidates] = await Promise.all([
    openingSummary(ctx, mall),
    getPlan(ctx, mall),
    getReadiness(ctx, mall),
    listAgreements(ctx, mall),
    coverageReport(ctx, mall.id),
    listDualism(ctx, mall),
    listCandidates(ctx, mall.id),
  ]);
  return {
    mall,
    generatedAt: ctx.now().toISOString(),
    summary,
    plan,
    readiness,
    agreements,
    coverage,
    dualism,
    candidates,
  };
}

export const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
export const STAGE_NAMES = {
  committed: 'Komitmen',
  preparing: 'Persiapan',
  trial: 'Uji coba',
  soft_opening: 'Soft opening',
  open: 'Beroperasi',
} as const;
export const MILESTONE_NAMES = {
  commitment: 'Komitmen',
  trial: 'Uji coba',
  soft_opening: 'Soft opening',
  grand_opening: 'Grand opening',
} as const;
export const STATUS_NAMES = {
  todo: 'Belum',
  doing: 'Berjalan',
  done: 'Selesai',
  dropped: 'Dibatalkan',
} as const;

/** Every list of the road to opening as one workbook: plan, readiness, agreements, coverage, dualism, candidates. */
export async function reportXlsx(d: ReportData): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(d.generatedAt);
  const sheet = (name: string, header: string[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c) => {
      c.width = 22;
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const s = d.summary;
  sheet(
    'Ringkasan',
    ['Butir', 'Nilai'],
    [
      ['Mal', d.mall.name],
      ['Tahap', STAGE_NAMES[s.stage]],
      ['Rencana aksi selesai (%)', s.plan.percent],
      ['Aksi selesai / total', `${s.plan.done} / ${s.plan.total}`],
      ['Skor kesiapan (%)', s.readiness.score],
      ['PKS ditandatangani / instansi', `${s.agreements.signed} / ${s.agreements.total}`],
      [
        'Layanan penuh / hanya pendaftaran / tidak dilayani',
        `${s.coverage.full} / ${s.coverage.intakeOnly} / ${s.coverage.notServed}`,
      ],
      ['Anggaran direncanakan (Rp)', s.budget.planned],
      ['Anggaran terealisasi (Rp)', s.budget.realised],
      ...s.milestones.map((m) => [MILESTONE_NAMES[m.key], m.date ?? '-'] as [string, string]),
      ['Dibuat', d.generatedAt],
    ],
  );
  sheet(
    'Rencana aksi',
    [
      'Tahap',
      'Aksi',
      'Penanggung jawab',
      'Tenggat',
      'Status',
      'Terlambat',
      'Bukti',
      'Anggaran rencana',
      'Anggaran realisasi',
    ],
    d.plan.stages.flatMap((st) =>
      st.actions.map((a) => [
        st.name,
        a.title,
        a.owner,
        a.dueDate,
        STATUS_NAMES[a.status],
        a.overdue ? 'ya' : '',
        a.evidence,
        a.budgetPlanned,
        a.budgetRealised,
      ]),
    ),
  );
  sheet(
    'Kesiapan',
    ['Bidang', 'Butir', 'Terpenuhi', 'Dihitung', 'Bukti / catatan'],
    d.readiness.areas.flatMap((a) =>
      a.items.map((i) => [
        a.name,
        i.title,
        i.done ? 'ya' : 'belum',
        i.computed ? 'ya' : '',
        i.detail ?? i.evidence,
      ]),
    ),
  );
  sheet(
    'Perjanjian',
    ['Instansi', 'Nota kesepakatan', 'Tanggal', 'PKS', 'Tanggal PKS', 'Alasan', 'Tenggat', 'Pengecualian'],
    d.agreements.items.map((a) => [
      a.name,
      a.mou?.status ?? '-',
      a.mou?.date ?? null,
      a.pks?.status ?? '-',
      a.pks?.date ?? null,
      a.pks?.reason ?? a.mou?.reason ?? null,
      a.pks?.deadline ?? null,
      a.override,
    ]),
  );
  sheet(
    'Cakupan layanan',
    ['Instansi', 'Layanan', 'Cakupan', 'Alasan'],
    d.coverage.agencies.flatMap((a) =>
      a.services.map((sv) => [a.name, sv.name, sv.coverage, sv.coverageReason]),
    ),
  );
  sheet(
    'Dualisme',
    ['Instansi', 'Layanan', 'Rencana', 'Tanggal akhir', 'Selesai', 'Terlambat'],
    d.dualism.map((x) => [x.agencyName, x.serviceName, x.plan, x.endDate, x.endedAt, x.overdue ? 'ya' : '']),
  );
  sheet(
    'Calon instansi',
    ['Calon', 'Jenis', 'Layanan', 'Suara', 'Loket', 'Meja', 'Keputusan', 'Alasan'],
    d.candidates.map((c) => [
      c.name,
      c.type,
      c.services.map((x) => x.name).join('; '),
      c.votes,
      c.countersNeeded,
      c.desksNeeded,
      c.decision,
      c.decisionReason,
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
