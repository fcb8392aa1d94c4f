import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StandardBody } from '../../shared/contracts/catalog.js';

/** The published catalog the demo mall is built from (17 agencies, 59 services; see SOURCES in shared/). */
export interface CatalogService {
  name: string;
  keywords: string[];
  kind: 'licensing' | 'non_licensing';
  requirements: string[];
  procedure: string[];
  completionTime: { value: number; unit: StandardBody['completionTime']['unit'] };
  fee: Pick<StandardBody['fee'], 'amount' | 'unit' | 'components' | 'legalBasis'>;
  product: string;
  servedAtMall: boolean;
  source?: string;
}
export interface CatalogAgency {
  key: string;
  name: string;
  type: string;
  services: CatalogService[];
}

const catalogPath = fileURLToPath(new URL('./demo-catalog.json', import.meta.url));
export const loadDemoCatalog = (): CatalogAgency[] =>
  (JSON.parse(fs.readFileSync(catalogPath, 'utf8')) as { agencies: CatalogAgency[] }).agencies;

/** How many counters each agency gets in the demo mall (busy agencies get several). */
export const COUNTERS: Record<string, number> = {
  disdukcapil: 3,
  'polres-satlantas': 2,
  samsat: 2,
  dpmptsp: 2,
};
export const ZONE_OF = (i: number) => (i < 12 ? 'lantai-1' : 'lantai-2');

export function standardFrom(s: CatalogService, agencyName: string): StandardBody {
  return {
    legalBasis: s.fee.legalBasis,
    requirements: s.requirements,
    procedure: s.procedure,
    // As the standard states it: "24 jam" stays 24 hours.
    completionTime: s.completionTime,
    fee: {
      amount: s.fee.amount,
      ...(s.fee.unit && { unit: s.fee.unit }),
      ...(s.fee.components && { components: s.fee.components }),
      legalBasis: s.fee.legalBasis,
      note:
        s.fee.amount === null
          ? 'Besaran sesuai ketentuan dan dihitung saat permohonan (amount depends on the case).'
          : null,
    },
    product: s.product,
    complaintHandling: `Pengaduan melalui SP4N-LAPOR! (lapor.go.id), meja pengaduan MPP, kotak saran, atau hotline ${agencyName}; ditindaklanjuti paling lama 5 hari kerja.`,
    facilities:
      'Ruang tunggu ber-AC, kursi prioritas, jalur kursi roda, toilet disabilitas, ruang laktasi, area bermain anak.',
    officerCompetence: 'Petugas memahami standar pelayanan dan SOP instansi, terlatih pelayanan prima.',
    internalSupervision:
      'Atasan langsung dan pengelola MPP melakukan pengawasan harian; Inspektorat melakukan audit berkala.',
    officerCount: 2,
    serviceGuarantee:
      'Pelayanan sesuai standar; biaya hanya sesuai ketentuan dan tanpa pungutan lain (maklumat pelayanan).',
    securityGuarantee: 'Data pribadi dilindungi sesuai UU 27/2022; area pelayanan diawasi CCTV.',
    performanceEvaluation:
      'Survei Kepuasan Masyarakat (PermenPANRB 14/2017) berkelanjutan dan evaluasi kinerja triwulanan.',
    source: s.source ?? null,
  };
}
