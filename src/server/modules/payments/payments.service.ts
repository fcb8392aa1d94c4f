import type { z } from 'zod';
import type {
  Payment,
  PaymentCorrectionInput,
  PaymentInput,
  PaymentReport,
} from '../../../shared/contracts/applications.js';
import { localMoment } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import { authorize } from '../../auth/guard.js';
import { type Actor, scopeIn } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { loadFor } from '../applications/applications.service.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './payments.repo.js';

/**
 * Money. There is exactly one place an amount comes from: the application's fee, pinned from the
 * standard in force on the day of intake (`applications.fee_amount`). No request carries an amount
 * (the schemas are strict), so no API path can record another one; `payments.amounts.test.ts`
 * walks them all. Corrections are new entries (refund/void with a reason), each with its own
 * receipt number; nothing is ever edited.
 */
export function paymentDto(p: repo.PaymentRow): Payment {
  return {
    id: p.id,
    kind: p.kind as Payment['kind'],
    receiptNumber: p.receipt_number,
    amount: p.amount,
    method: p.method as Payment['method'],
    reference: p.reference,
    paidAt: p.at,
    correctsReceipt: p.corrects_receipt ?? null,
    reason: p.reason,
  };
}

export const receiptNumber = (mall: MallRecord, year: number, seq: number) =>
  `${mall.slug.toUpperCase()}/${year}/${String(seq).padStart(6, '0')}`;

async function newEntry(
  ctx: AppContext,
  tx: Tx,
  mall: MallRecord,
  entry: {
    applicationId: number;
    agencyId: number;
    counterId: number | null;
    kind: 'payment' | 'refund' | 'void';
    amount: number;
    method: string;
    reference: string | null;
    correctsId: number | null;
    reason: string | null;
    legalBasis: string;
    actorId: number | null;
  },
): Promise<number> {
  const now = ctx.now();
  const local = localMoment(now, mall.timezone).date;
  const year = Number(local.slice(0, 4));
  const seq = await repo.nextReceiptSeq(tx.db, mall.id, year);
  return repo.insertPayment(tx.db, {
    mall_id: mall.id,
    application_id: entry.applicationId,
    agency_id: entry.agencyId,
    counter_id: entry.counterId,
    kind: entry.kind,
    amount: entry.amount,
    method: entry.method,
    reference: entry.reference,
    receipt_year: year,
    receipt_seq: seq,
    receipt_number: receiptNumber(mall, year, seq),
    corrects_id: entry.correctsId,
    reason: entry.reason,
    legal_basis: entry.legalBasis,
    at: now.toISOString(),
    local_date: local,
    actor_id: entry.actorId,
  });
}

/** Takes the standard's fee for an application: 201 with the receipt; twice → 409; Gratis → 409. */
export async function pay(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  applicationId: number,
  input: z.infer<typeof PaymentInput>,
): Promise<Payment> {
  return inTransaction(ctx.database.db, async (tx) => {
    const a = await loadFor(ctx, actor, mall, applicationId, 'payment.take', tx.db);
    const at = ctx.now().toISOString();
    await repo.lockApplication(tx.db, a.id, at);
    if (a.fee_amount === null)
      throw new AppError(
        'FEE_UNDETERMINED',
        'Standar layanan tidak menetapkan satu besaran biaya; tidak ada yang bisa dibayar di sini (fee decided case by case).',
      );
    if (a.fee_amount === 0)
      throw new AppError(
        'NO_PAYMENT_DUE',
        'Layanan ini gratis; tidak ada pembayaran (this service is free).',
      );
    if (a.status === 'rejected')
      throw new AppError(
        'ILLEGAL_TRANSITION',
        'Permohonan ditolak; tidak ada pembayaran (application rejected).',
      );
    if (await repo.livePayment(tx.db, a.id))
      throw new AppError('ALREADY_PAID', 'Permohonan ini sudah dibayar (already paid).');
    const counterId = input.counterId ?? a.counter_id;
    if (input.counterId !== undefined && input.counterId !== a.counter_id)
      authorize(actor, 'payment.take', {
        mallId: mall.id,
        agencyId: a.agency_id,
        counterId: input.counterId,
      });
    const id = await newEntry(ctx, tx, mall, {
      applicationId: a.id,
      agencyId: a.agency_id,
      counterId,
      kind: 'payment',
      amount: a.fee_amount,
      method: input.method,
      reference: input.reference ?? null,
      correctsId: null,
      reason: null,
      legalBasis: a.fee_legal_basis,
      actorId: actor.id || null,
    });
    const p = (await repo.findPayment(tx.db, mall.id, id))!;
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'payment.take',
      entity: 'payment',
      entityId: id,
      after: {
        applicationId: a.id,
        receiptNumber: p.receipt_number,
        amount: p.amount,
        method: p.method,
        standardVersion: a.standard_version,
      },
      at,
    });
    return paymentDto(p);
  });
}

/** A refund or void of a payment: a new entry of the same amount with its reason and receipt number. */
export async function correct(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  applicationId: number,
  paymentId: number,
  input: z.infer<typeof PaymentCorrectionInput>,
): Promise<Payment> {
  return inTransaction(ctx.database.db, async (tx) => {
    const a = await loadFor(ctx, actor, mall, applicationId, 'payment.correct', tx.db);
    const at = ctx.now().toISOString();
    await repo.lockApplication(tx.db, a.id, at);
    const target = await repo.findPayment(tx.db, mall.id, paymentId);
    if (!target || target.application_id !== a.id) throw notFound('PAYMENT_NOT_FOUND', 'Pembayaran');
    const live = await repo.livePayment(tx.db, a.id);
    if (target.kind !== 'payment' || live?.id !== target.id)
      throw new AppError(
        'NOT_PAID',
        'Pembayaran ini sudah dikoreksi atau bukan pembayaran (already corrected).',
      );
    const id = await newEntry(ctx, tx, mall, {
      applicationId: a.id,
      agencyId: a.agency_id,
      counterId: target.counter_id,
      kind: input.kind,
      amount: target.amount,
      method: target.method,
      reference: null,
      correctsId: target.id,
      reason: input.reason,
      legalBasis: target.legal_basis,
      actorId: actor.id || null,
    });
    const p = (await repo.findPayment(tx.db, mall.id, id))!;
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: `payment.${input.kind}`,
      entity: 'payment',
      entityId: id,
      before: { receiptNumber: target.receipt_number, amount: target.amount },
      after: { receiptNumber: p.receipt_number, amount: p.amount, reason: input.reason },
      at,
    });
    return paymentDto(p);
  });
}

/** The printable receipt: legal basis of the fee, mall, agency, service; applicant's name with NIK masked. */
export async function receipt(ctx: AppContext, actor: Actor, mall: MallRecord, paymentId: number) {
  const p = await repo.findPayment(ctx.database.db, mall.id, paymentId);
  if (!p) throw notFound('PAYMENT_NOT_FOUND', 'Pembayaran');
  await loadFor(ctx, actor, mall, p.application_id, 'application.read');
  const [a, counter, cashier] = await repo.receiptContext(
    ctx.database.db,
    p.application_id,
    p.counter_id,
    p.actor_id,
  );
  return {
    ...paymentDto(p),
    mall: { name: a.mall_name, address: a.mall_address },
    agency: a.agency_name,
    service: a.service_name,
    standardVersion: a.standard_version,
    legalBasis: p.legal_basis,
    applicantName: a.applicant_name,
    nikMasked: a.nik_masked,
    trackingCode: a.tracking_code,
    counter: counter?.name ?? null,
    cashier: cashier ? cashier.display_name || cashier.username : null,
  };
}

/**
 * The day's reconciliation: per agency and counter, what came in, what went back (refunds and voids)
 * and the net, by method; every entry listed in receipt order. Agency staff see their agency only.
 */
export async function dailyReport(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  date: string,
): Promise<z.infer<typeof PaymentReport>> {
  const scope = scopeIn(actor, 'payments.report', mall.id);
  const entries = await repo.dayEntries(
    ctx.database.db,
    mall.id,
    date,
    scope === 'mall' ? undefined : (actor.agencyId ?? -1),
  );
  const rows = new Map<string, z.infer<typeof PaymentReport>['rows'][number]>();
  for (const e of entries) {
    const key = `${e.agency_id}:${e.counter_id ?? ''}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        agencyId: e.agency_id,
        agency: e.agency_name,
        counterId: e.counter_id,
        counter: e.counter_name ?? null,
        payments: 0,
        refunds: 0,
        voids: 0,
        collected: 0,
        returned: 0,
        net: 0,
        byMethod: {},
      };
      rows.set(key, r);
    }
    const sign = e.kind === 'payment' ? 1 : -1;
    if (e.kind === 'payment') {
      r.payments++;
      r.collected += e.amount;
    } else {
      if (e.kind === 'refund') r.refunds++;
      else r.voids++;
      r.returned += e.amount;
    }
    r.net += sign * e.amount;
    r.byMethod[e.method] = (r.byMethod[e.method] ?? 0) + sign * e.amount;
  }
  const list = [...rows.values()].sort(
    (x, y) => x.agency.localeCompare(y.agency) || (x.counter ?? '').localeCompare(y.counter ?? ''),
  );
  const collected = list.reduce((s, r) => s + r.collected, 0);
  const returned = list.reduce((s, r) => s + r.returned, 0);
  return {
    date,
    rows: list,
    total: { collected, returned, net: collected - returned, entries: entries.length },
    entries: entries.map((e) => ({
      ...paymentDto(e),
      agency: e.agency_name,
      counter: e.counter_name ?? null,
      trackingCode: e.tracking_code,
    })),
  };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Spreadsheet formula injection: a cell starting with = + - @ is read as text.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The report's entries as CSV (one line per receipt), for the agency's bookkeeping. */
export function reportCsv(r: z.infer<typeof PaymentReport>): string {
  const head = [
    'receipt',
    'kind',
    'corrects',
    'at',
    'agency',
    'counter',
    'tracking_code',
    'method',
    'reference',
    'amount',
    'signed_amount',
    'reason',
  ];
  const lines = r.entries.map((e) =>
    [
      e.receiptNumber,
      e.kind,
      e.correctsReceipt,
      e.paidAt,
      e.agency,
      e.counter,
      e.trackingCode,
      e.method,
      e.reference,
      e.amount,
      e.kind === 'payment' ? e.amount : -e.amount,
      e.reason,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[head.join(','), ...lines].join('\n')}\n`;
}
