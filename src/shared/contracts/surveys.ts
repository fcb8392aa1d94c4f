import { z } from 'zod';
import { MAX_POPULATION } from '../domain/sample-size.js';
import { Id, LocalDate } from './catalog.js';
import { staffText } from './queue.js';
import { MAX_STATS_DAYS } from './stats.js';

/** Zod contracts of the satisfaction survey (SKM, PermenPANRB 14/2017); see docs/skm.md. */

export const SURVEY_LIMITS = { code: 10, name: 200, question: 500, option: 100, suggestion: 1000 } as const;

/** An element code: U1…U9 by default; a mall may add its own (U10, KEAMANAN…). */
export const SurveyCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,9}$/, 'A–Z, 0–9, _ (max 10), starting with a letter');
export const SurveyScore = z.number().int().min(1).max(4);
export const SurveyChannel = z.enum(['ticket', 'counter', 'portal', 'kiosk']);
export const AgeBand = z.enum(['under_20', '20_29', '30_39', '40_49', '50_59', '60_plus']);
export const Sex = z.enum(['male', 'female']);
export const Education = z.enum(['sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3']);
export const Occupation = z.enum(['pns', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya']);

export const RespondentProfile = z.strictObject({
  ageBand: AgeBand.optional(),
  sex: Sex.optional(),
  education: Education.optional(),
  occupation: Occupation.optional(),
});

const Answers = z
  .record(SurveyCode, SurveyScore)
  .refine((a) => Object.keys(a).length > 0, 'answer at least one element')
  .refine((a) => Object.keys(a).length <= 30, 'at most 30 elements');
/** Saran/masukan; NIK- and phone-like numbers are masked as it is read. */
const Suggestion = staffText(SURVEY_LIMITS.suggestion);

export const SurveyInput = z.strictObject({
  serviceId: Id,
  /** The finished ticket the answer is about: answers it once (409 after). */
  ticketTrackingCode: z.string().trim().min(1).max(64).optional(),
  channel: SurveyChannel.optional(),
  answers: Answers,
  respondent: RespondentProfile.optional(),
  suggestion: Suggestion.optional(),
});

/** Most questionnaires one batch may carry (a year of a busy service fits in a few). */
export const MAX_SURVEY_BATCH = 2000;
/** Paper questionnaires entered by staff: one service, the day they were filled in, many answers. */
export const SurveyBatchInput = z.strictObject({
  serviceId: Id,
  /** The local day the forms were filled in (not in the future); default today. */
  answeredOn: LocalDate.optional(),
  questionnaires: z
    .array(
      z.strictObject({
        answers: Answers,
        respondent: RespondentProfile.optional(),
        suggestion: Suggestion.optional(),
      }),
    )
    .min(1)
    .max(MAX_SURVEY_BATCH),
});
export const SurveyBatchResult = z.object({
  created: z.number(),
  serviceId: z.number(),
  answeredOn: z.string(),
});

export const SurveyReceipt = z.object({
  id: z.number(),
  serviceId: z.number(),
  submittedAt: z.string(),
});

/** Whether the holder of a ticket may answer the survey now. */
export const TicketSurveyState = z.object({
  state: z.enum(['open', 'answered', 'not_finished']),
  serviceId: z.number(),
  serviceName: z.string(),
  number: z.string(),
});

export const SurveyElement = z.object({
  code: z.string(),
  name: z.string(),
  question: z.string(),
  options: z.array(z.string()).length(4),
  /** Exact weight as a fraction ("1/9"). */
  weight: z.string(),
});

export const SurveyElements = z.object({
  elements: z.array(SurveyElement),
  /** False while the mall uses the regulation's nine at 1/9 (nothing saved). */
  customised: z.boolean(),
});

const Weight = z.union([
  z.number().positive().max(1),
  z
    .string()
    .regex(/^\d{1,12}(\.\d{1,12})?$|^\d{1,12}\s*\/\s*\d{1,12}$/, 'a decimal (0.2) or a fraction (1/9)'),
]);
export const SurveyElementsInput = z.strictObject({
  elements: z
    .array(
      z.strictObject({
        code: SurveyCode,
        name: z.string().trim().min(1).max(SURVEY_LIMITS.name),
        question: z.string().trim().min(1).max(SURVEY_LIMITS.question).optional(),
        options: z.array(z.string().trim().min(1).max(SURVEY_LIMITS.option)).length(4).optional(),
        /** A decimal or an exact fraction; all weights must add up to exactly 1. */
        weight: Weight,
      }),
    )
    .min(1)
    .max(30),
});

export const SampleSizeQuery = z.strictObject({
  population: z.coerce.number().int().min(0).max(MAX_POPULATION),
});
export const SampleSize = z.object({ population: z.number(), required: z.number() });

export const SkmReportQuery = z
  .strictObject({
    from: LocalDate,
    to: LocalDate,
    serviceId: Id.optional(),
    agencyId: Id.optional(),
    /** Service users of the previous period, when known from elsewhere (else counted from finished tickets). */
    population: z.coerce.number().int().min(0).max(MAX_POPULATION).optional(),
  })
  .refine((q) => q.from <= q.to, {
    message: 'Tanggal awal harus sebelum tanggal akhir (from must not be after to)',
    path: ['to'],
  });

export const SkmGrade = z.enum(['A', 'B', 'C', 'D']);
const Count = z.object({ value: z.string(), count: z.number() });

export const SkmReport = z.object({
  mall: z.object({ slug: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  serviceId: z.number().nullable(),
  serviceName: z.string().nullable(),
  agencyId: z.number().nullable(),
  agencyName: z.string().nullable(),
  respondents: z.number(),
  elements: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      weight: z.string(),
      answered: z.number(),
      sum: z.number(),
      nrr: z.number().nullable(),
      nrrWeighted: z.number().nullable(),
    }),
  ),
  /** SKM value 1–4 (4 decimals). */
  skm: z.number().nullable(),
  /** IKM 25–100, 2 decimals half up; null without answers. */
  ikm: z.number().nullable(),
  grade: SkmGrade.nullable(),
  label: z.string().nullable(),
  unanswered: z.array(z.string()),
  /** The hand-made figure (weights rounded to 0.111, NRR to 2 dp): for comparison only. */
  legacy: z
    .object({ ikm: z.number(), grade: SkmGrade, label: z.string(), weights: z.array(z.number()) })
    .nullable(),
  sample: z.object({
    /** Service users the sample is measured against. */
    population: z.number(),
    populationSource: z.enum(['given', 'previous_period_tickets']),
    previousFrom: z.string(),
    previousTo: z.string(),
    required: z.number(),
    /** Null when the population is unknown (0). */
    sufficient: z.boolean().nullable(),
  }),
  profile: z.object({
    ageBand: z.array(Count),
    sex: z.array(Count),
    education: z.array(Count),
    occupation: z.array(Count),
  }),
  byService: z.array(
    z.object({
      serviceId: z.number(),
      serviceName: z.string(),
      agencyId: z.number(),
      respondents: z.number(),
      ikm: z.number().nullable(),
      grade: SkmGrade.nullable(),
    }),
  ),
  /** The weakest elements first, each with a suggested follow-up (rencana tindak lanjut). */
  improvements: z.array(z.object({ code: z.string(), name: z.string(), nrr: z.number(), note: z.string() })),
  suggestions: z.array(z.object({ at: z.string(), serviceName: z.string(), text: z.string() })),
});

export type SurveyInputDto = z.infer<typeof SurveyInput>;
export type SurveyBatchInputDto = z.infer<typeof SurveyBatchInput>;
export type SkmReportDto = z.infer<typeof SkmReport>;
export type SkmReportQueryInput = z.infer<typeof SkmReportQuery>;
export const MAX_SKM_DAYS = MAX_STATS_DAYS;
