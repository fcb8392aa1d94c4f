import type { z } from 'zod';
import type {
  BookingSettings,
  ServiceDetail,
  ServiceSummary,
  StandardBody,
} from '../../../shared/contracts/catalog.js';
import type { ServiceWithStandard } from './services.repo.js';

type Summary = z.infer<typeof ServiceSummary>;

export const parseStandard = (body: string | null): StandardBody | null =>
  body ? (JSON.parse(body) as StandardBody) : null;

/** What a citizen sees in a list: never internal columns. */
export function toServiceSummary(s: ServiceWithStandard, quotaFull = false): Summary {
  const std = parseStandard(s.standard_body);
  return {
    id: s.id,
    name: s.name,
    kind: s.kind as Summary['kind'],
    agencyId: s.agency_id,
    agencyName: s.agency_name,
    keywords: JSON.parse(s.keywords) as string[],
    servedAtMall: s.served_at_mall === 1,
    coverage: s.coverage as Summary['coverage'],
    bookable: s.served_at_mall === 1 && s.online_bookable === 1 && s.retired_at === null,
    notServedNote: s.not_served_note,
    queuePrefix: s.queue_prefix,
    retired: s.retired_at !== null,
    completionTime: std?.completionTime ?? null,
    feeAmount: std ? std.fee.amount : null,
    quotaFull,
    fee: std
      ? {
          amount: std.fee.amount,
          ...(std.fee.unit != null && { unit: std.fee.unit }),
          ...(std.fee.components?.length && { components: std.fee.components }),
        }
      : null,
  };
}

/** The six published components of the standard in force, plus the agency and its hotline. */
export function toServiceDetail(
  s: ServiceWithStandard,
  counters: { id: number; number: number; name: string }[],
  quotaFull = false,
  booking: z.infer<typeof BookingSettings> = { sessions: [], daysAhead: null },
): z.infer<typeof ServiceDetail> {
  const std = parseStandard(s.standard_body);
  if (!std) throw new Error(`service ${s.id} has no standard in force`);
  return {
    ...toServiceSummary(s, quotaFull),
    standard: {
      requirements: std.requirements,
      procedure: std.procedure,
      completionTime: std.completionTime,
      fee: std.fee,
      product: std.product,
      complaintHandling: std.complaintHandling,
      version: s.standard_version ?? 1,
      validFrom: s.standard_valid_from ?? '',
    },
    agency: { id: s.agency_id, name: s.agency_name, hotline: s.agency_hotline },
    counters,
    onlineBookable: s.online_bookable === 1,
    dailyQuota: s.daily_quota,
    issueCutoff: s.issue_cutoff,
    booking,
  };
}
