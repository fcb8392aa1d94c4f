import { z } from 'zod';
import { Id, LocalDate } from './catalog.js';
import { LIMITS } from './limits.js';
import { staffText } from './queue.js';

/** An officer's time signed in at a counter. */
export const CounterSession = z.object({
  id: z.number(),
  counterId: z.number(),
  counterNumber: z.number(),
  userId: z.number(),
  displayName: z.string(),
  localDate: z.string(),
  startedAt: z.string(),
  /** Null while signed in. */
  endedAt: z.string().nullable(),
  /** signed_out | replaced (signed in elsewhere) | day_end */
  endReason: z.string().nullable(),
});

export const AttendanceQuery = z.strictObject({ date: LocalDate, agencyId: Id.optional() });

/** One officer's day: first sign-in, last sign-out and minutes signed in, over all counters. */
export const AttendanceRow = z.object({
  userId: z.number(),
  displayName: z.string(),
  agencyId: z.number().nullable(),
  firstIn: z.string(),
  /** Null while still signed in. */
  lastOut: z.string().nullable(),
  minutes: z.number(),
  sessions: z.array(CounterSession),
});
export const Attendance = z.object({ date: z.string(), items: z.array(AttendanceRow) });

export const CounterRequestKind = z.enum(['break', 'closure']);
export const CounterRequestStatus = z.enum(['pending', 'approved', 'rejected', 'cancelled']);
export const CounterRequestInput = z.strictObject({
  kind: CounterRequestKind,
  /** Shown on the display board once approved, e.g. "Istirahat sholat" or "Gangguan jaringan". */
  reason: staffText(LIMITS.counterRequestReason).min(3),
  /** How long the break should last; for a closure, optional. */
  minutes: z.number().int().min(1).max(600).optional(),
});
export const CounterRequestDecision = z.strictObject({
  approve: z.boolean(),
  note: staffText(500).optional(),
});
export const CounterRequest = z.object({
  id: z.number(),
  counterId: z.number(),
  counterNumber: z.number(),
  userId: z.number(),
  displayName: z.string(),
  kind: CounterRequestKind,
  reason: z.string(),
  minutes: z.number().nullable(),
  status: CounterRequestStatus,
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
export const CounterRequestList = z.object({ items: z.array(CounterRequest) });
export const CounterRequestQuery = z.strictObject({ status: CounterRequestStatus.optional() });

export const OfficerWorkQuery = z
  .strictObject({ from: LocalDate, to: LocalDate, agencyId: Id.optional() })
  .refine((q) => q.from <= q.to, {
    message: 'Tanggal awal harus sebelum tanggal akhir (from must not be after to)',
    path: ['to'],
  });

/**
 * One officer at one counter over the period, in minutes: signed in; serving (started → finished,
 * transferred or no-show); called but not started (called → started, or → no-show); idle while
 * citizens of the counter's services were waiting (signed in, nobody at the counter, someone in line).
 */
export const OfficerWorkRow = z.object({
  userId: z.number(),
  displayName: z.string(),
  counterId: z.number(),
  counterNumber: z.number(),
  signedInMinutes: z.number(),
  servingMinutes: z.number(),
  calledNotStartedMinutes: z.number(),
  idleWhileWaitingMinutes: z.number(),
  served: z.number(),
});
export const OfficerWork = z.object({ from: z.string(), to: z.string(), items: z.array(OfficerWorkRow) });

export type CounterSessionDto = z.infer<typeof CounterSession>;
export type CounterRequestDto = z.infer<typeof CounterRequest>;
export type OfficerWorkRowDto = z.infer<typeof OfficerWorkRow>;
