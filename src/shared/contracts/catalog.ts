import { z } from 'zod';
import { LIMITS } from './limits.js';
import { patchOf } from './patch.js';

/** Zod contracts for the catalog: the single source of validation, types and OpenAPI. */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes');
/**
 * A local calendar date. Years outside 1900–2199 are refused at the edge: date arithmetic far beyond
 * them (e.g. 9999-12-31 + 5 working days) has no meaning for a public service and leaves the
 * four-digit format.
 */
export const LocalDate = z
  .string()
  .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, 'YYYY-MM-DD (1900–2199)')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'Tanggal tidak valid (not a calendar date)');
export const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
export const Id = z.coerce.number().int().positive().max(2_147_483_647);

export const AgencyType = z.enum([
  'regency_office',
  'provincial_office',
  'vertical_agency',
  'state_enterprise',
  'regional_enterprise',
  'private',
]);
export const AgreementStatus = z.enum(['none', 'invited', 'negotiating', 'signed', 'expired', 'terminated']);
export const ServiceKind = z.enum(['licensing', 'non_licensing']);
/**
 * How a service is delivered at the mall: `full` (served there), `intake_only` (registered at the mall,
 * handled by the agency's back office) or `not_served` (issue 14). `servedAtMall` follows it.
 */
export const Coverage = z.enum(['full', 'intake_only', 'not_served']);
/** Completion time as the standard states it: "24 jam" stays 24 hours, never 1440 minutes. */
export const TimeUnit = z.enum(['minutes', 'hours', 'working_days', 'calendar_days']);
/** What one fee amount is charged for, as fee schedules (PP PNBP, Perda) state it. */
export const FeeUnit = z.enum([
  'per_application',
  'per_document',
  'per_page',
  'per_sheet',
  'per_book',
  'per_certificate',
  'per_parcel',
  'per_case',
  'per_decision',
  'per_deed',
  'per_person',
  'per_vehicle',
]);

/** A mall in preparation has no public catalog and issues no tickets until it is launched (issue 14). */
export const MallStatus = z.enum(['preparing', 'open']);
export const Mall = z.object({
  id: z.number(),
  status: MallStatus,
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
  address: z.string(),
  workingWeekdays: z.array(z.number()),
  /** Default of "tell me when this many people are ahead of me" ("Beri tahu saya"). */
  notifyWhenAhead: z.number(),
  /** Days after a booking, application, complaint or message is finished before its personal data is anonymised. */
  retentionDays: z.number(),
});

export const Agency = z.object({
  id: z.number(),
  key: z.string(),
  name: z.string(),
  type: AgencyType,
  agreementStatus: AgreementStatus,
  agreementDate: z.string().nullable(),
  hotline: z.string().nullable(),
  backOfficeContact: z.string().nullable(),
  retired: z.boolean(),
  serviceCount: z.number().optional(),
});
/** What anyone may read about an agency: never the back-office contact or the agreement. */
export const PublicAgency = Agency.pick({
  id: true,
  key: true,
  name: true,
  type: true,
  hotline: true,
  retired: true,
  serviceCount: true,
});
/** An agency as the API answers it: the staff shape for the mall's staff, the public one for others. */
export const AgencyView = z.union([Agency, PublicAgency]);

export const AgencyInput = z.object({
  key: Slug,
  name: z.string().trim().min(2).max(LIMITS.agencyName),
  type: AgencyType,
  agreementStatus: AgreementStatus.default('none'),
  agreementDate: LocalDate.nullable().optional(),
  hotline: z.string().trim().max(LIMITS.hotline).nullable().optional(),
  backOfficeContact: z.string().trim().max(LIMITS.backOfficeContact).nullable().optional(),
});
export const AgencyPatch = patchOf(AgencyInput);

/** A further charge of the same service, e.g. the fixed leges on top of a per-page fee. */
export const FeeComponent = z.object({
  label: z.string().trim().min(1).max(200),
  amount: z.number().int().min(0).max(1_000_000_000_000),
  unit: FeeUnit.nullable().optional(),
});

/**
 * The fee component: amount in rupiah (0 = "Gratis"; null = depends on the case) per `unit`, plus
 * further `components`, with its legal basis.
 */
export const Fee = z.object({
  amount: z.number().int().min(0).max(1_000_000_000_000).nullable(),
  unit: FeeUnit.nullable().optional(),
  components: z.array(FeeComponent).max(10).optional(),
  legalBasis: z.string().trim().min(1).max(2000),
  note: z.string().max(1000).nullable().optional(),
});

/** The 14 components of a service standard (UU 25/2009 art. 21, PermenPANRB 15/2014). */
export const StandardBody = z.object({
  legalBasis: z.string().max(LIMITS.standardLegalBasis).default(''),
  requirements: z.array(z.string().trim().min(1).max(LIMITS.standardItem)).min(1).max(100),
  procedure: z.array(z.string().trim().min(1).max(LIMITS.standardItem)).min(1).max(100),
  completionTime: z.object({ value: z.number().positive().max(100_000), unit: TimeUnit }),
  fee: Fee,
  product: z.string().trim().min(1).max(LIMITS.product),
  complaintHandling: z.string().trim().min(1).max(LIMITS.standardText),
  facilities: z.string().max(LIMITS.standardText).default(''),
  officerCompetence: z.string().max(LIMITS.standardText).default(''),
  internalSupervision: z.string().max(LIMITS.standardText).default(''),
  officerCount: z.number().int().min(0).max(1000).nullable().default(null),
  serviceGuarantee: z.string().max(LIMITS.standardText).default(''),
  securityGuarantee: z.string().max(LIMITS.standardText).default(''),
  performanceEvaluation: z.string().max(LIMITS.standardText).default(''),
  source: z.string().max(1000).nullable().optional(),
});
export type StandardBody = z.infer<typeof StandardBody>;

/** The six components published to citizens. */
export const PublishedStandard = StandardBody.pick({
  requirements: true,
  procedure: true,
  completionTime: true,
  fee: true,
  product: true,
  complaintHandling: true,
}).extend({ version: z.number(), validFrom: z.string() });

export const StandardVersion = z.object({
  version: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  body: StandardBody,
});

/** Online booking (issue 11): a service's sessions and how far ahead citizens may book. */
export const BookingSessionInput = z
  .strictObject({
    start: HHMM,
    end: HHMM,
    capacity: z.number().int().min(1).max(10_000),
  })
  .refine((s) => s.start < s.end, { message: 'start must be before end', path: ['end'] });

/**
 * A service's booking settings as a PATCH names them: `sessions` replaces the list (a session with
 * the same start and end keeps its id and bookings; others are retired), `daysAhead` alone leaves the
 * sessions as they are.
 */
export const BookingSettingsPatch = z.strictObject({
  sessions: z.array(BookingSessionInput).max(24).optional(),
  daysAhead: z.number().int().min(0).max(90).optional(),
});

export const BookingSession = z.object({
  id: z.number(),
  start: z.string(),
  end: z.string(),
  capacity: z.number(),
});
export const BookingSettings = z.object({
  sessions: z.array(BookingSession),
  /** null: online booking not set up for this service. */
  daysAhead: z.number().nullable(),
});

export const ServiceSummary = z.object({
  id: z.number(),
  name: z.string(),
  kind: ServiceKind,
  agencyId: z.number(),
  agencyName: z.string(),
  keywords: z.array(z.string()),
  servedAtMall: z.boolean(),
  coverage: Coverage,
  bookable: z.boolean(),
  notServedNote: z.string().nullable(),
  queuePrefix: z.string(),
  retired: z.boolean(),
  completionTime: z.object({ value: z.number(), unit: TimeUnit }).nullable(),
  feeAmount: z.number().nullable(),
  /** Today's daily quota is used up: the kiosk and portal say so before the citizen starts. */
  quotaFull: z.boolean(),
  /** The whole fee as the standard states it (unit, components) for lists, kiosk and slip. */
  fee: Fee.omit({ legalBasis: true, note: true }).nullable(),
});

export const ServiceDetail = ServiceSummary.extend({
  standard: PublishedStandard,
  agency: z.object({ id: z.number(), name: z.string(), hotline: z.string().nullable() }),
  counters: z.array(z.object({ id: z.number(), number: z.number(), name: z.string() })),
  /** The stored setting (bookable also needs served at the mall); editors show and send this one. */
  onlineBookable: z.boolean(),
  dailyQuota: z.number().nullable(),
  issueCutoff: z.string().nullable(),
  booking: BookingSettings,
});

export const ServiceInput = z.object({
  agencyId: Id,
  name: z.string().trim().min(3).max(LIMITS.serviceName),
  kind: ServiceKind,
  keywords: z.array(z.string().trim().min(1).max(LIMITS.keyword)).max(50).default([]),
  servedAtMall: z.boolean().default(true),
  notServedNote: z.string().trim().max(LIMITS.notServedNote).nullable().optional(),
  /** Default: `full` when served at the mall, else `not_served`; setting it sets `servedAtMall`. */
  coverage: Coverage.optional(),
  /** Why the service is covered so (staff only; e.g. "needs the agency's own equipment"). */
  coverageReason: z.string().trim().max(LIMITS.notServedNote).nullable().optional(),
  queuePrefix: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,3}$/, '1–3 capital letters')
    .optional(),
  onlineBookable: z.boolean().default(true),
  dailyQuota: z.number().int().positive().max(100_000).nullable().optional(),
  issueCutoff: HHMM.nullable().optional(),
  priorityMaxStreak: z.number().int().min(1).max(100).default(3),
  priorityMaxWaitMinutes: z.number().int().min(1).max(1440).nullable().optional(),
  standard: StandardBody,
});
/** A sent standard is a whole new version (its own defaults apply); the other fields change only when named. */
export const ServicePatch = patchOf(ServiceInput).extend({ booking: BookingSettingsPatch.optional() });

export const ServiceListQuery = z.object({
  q: z.string().max(200).optional(),
  agencyId: Id.optional(),
  kind: ServiceKind.optional(),
  includeRetired: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CounterStatus = z.enum(['open', 'closed', 'break']);
export const Counter = z.object({
  id: z.number(),
  number: z.number(),
  name: z.string(),
  status: CounterStatus,
  agencyId: z.number(),
  agencyName: z.string(),
  zone: z.string().nullable(),
  serviceIds: z.array(z.number()),
  services: z.array(z.object({ id: z.number(), name: z.string(), queuePrefix: z.string() })),
});

export const CounterInput = z.object({
  agencyId: Id,
  number: z.number().int().min(1).max(999),
  name: z.string().trim().min(1).max(LIMITS.counterName),
  zone: Slug.nullable().optional(),
  serviceIds: z.array(Id).max(500).default([]),
  status: CounterStatus.default('open'),
});
export const CounterPatch = patchOf(CounterInput);

export const Break = z.object({
  start: HHMM,
  end: HHMM,
  label: z.string().max(LIMITS.breakLabel).default('Istirahat'),
});
export const OpeningDay = z.object({
  weekday: z.number().int().min(1).max(7),
  opens: HHMM,
  closes: HHMM,
  breaks: z.array(Break).max(10).default([]),
});
/** Whether the mall serves right now; when not, why and when it opens next (ISO instant). */
export const OpeningNow = z.object({
  open: z.boolean(),
  reason: z.string().nullable(),
  nextOpening: z.string().nullable(),
});
export const OpeningHoursInput = z.object({ days: z.array(OpeningDay).max(7) });
export const Holiday = z.object({ date: LocalDate, name: z.string().trim().min(1).max(200) });

/** Indonesian time zones: WIB, WITA, WIT. */
/** How many people ahead a notification request may wait for (0: only when next in line). */
export const NotifyWhenAhead = z.number().int().min(0).max(50);
/**
 * Personal-data retention in days after a record is finished (UU 27/2022 PDP; docs/privacy.md): at
 * least 90 (the booking no-show rule and complaint reopening look back that far), at most 10 years.
 */
export const RetentionDays = z.number().int().min(90).max(3650);
export const MallTimezone = z.enum(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);
export const MallInput = z.object({
  slug: Slug,
  name: z.string().trim().min(3).max(LIMITS.mallName),
  timezone: MallTimezone.default('Asia/Jakarta'),
  address: z.string().trim().min(3).max(LIMITS.address),
  workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]),
  notifyWhenAhead: NotifyWhenAhead.default(3),
  retentionDays: RetentionDays.default(365),
});
export const MallPatch = patchOf(MallInput.omit({ slug: true }));
export const Zone = z.object({ id: z.number(), slug: z.string(), name: z.string() });
export const ZoneInput = z.object({ slug: Slug, name: z.string().trim().min(1).max(100) });
