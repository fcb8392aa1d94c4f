import { createHash, randomBytes } from 'node:crypto';
import type { DocumentCheck } from '../../../shared/contracts/applications.js';
import type { StandardBody } from '../../../shared/contracts/catalog.js';
import { localMoment } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { resolvePublicUrl } from '../../public-url.js';
import { dateWords } from '../applications/applications.notify.js';
import { loadFor } from '../applications/applications.service.js';
import type { MallRecord } from '../malls/malls.service.js';
import { lockApplication } from '../payments/payments.repo.js';
import { personalDataErased } from '../privacy/privacy.reason.js';
import { renderSignedDocument } from './document.pdf.js';
import * as repo from './documents.repo.js';
import { signingKey } from './signing.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Ten characters without look-alikes (no I, O, 0, 1): 50 bits, short enough to type from paper. */
export const newVerifyCode = () => [...randomBytes(10)].map((b) => CODE_ALPHABET[b % 32]).join('');
const ISSUABLE = ['approved', 'ready', 'collected', 'delivered'];

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function checkDto(d: repo.DocumentRow): DocumentCheck {
  return {
    verifyCode: d.verify_code,
    valid: d.revoked_at === null,
    revoked: d.revoked_at !== null,
    revokedAt: d.revoked_at,
    revokedReason: d.revoked_reason,
    sha256: d.sha256,
    number: d.number,
    issuedAt: d.issued_at,
    mall: d.mall_name,
    agency: d.agency_name,
    service: d.service_name,
    demo: d.demo === 1,
  };
}

/**
 * Issues the signed PDF of an approved application: rendered and signed before the transaction
 * (signing takes a moment), stored with its SHA-256 in one transaction with its audit row. One live
 * document per application (409 DOCUMENT_EXISTS; revoke it to issue again).
 */
export async function issueDocument(ctx: AppContext, actor: Actor, mall: MallRecord, applicationId: number) {
  const a = await loadFor(ctx, actor, mall, applicationId, 'application.process');
  if (!ISSUABLE.includes(a.status))
    throw new AppError(
      'ILLEGAL_TRANSITION',
      'Dokumen terbit setelah permohonan disetujui (approve it first).',
      {
        status: a.status,
      },
    );
  if (await repo.liveDocumentOf(ctx.database.db, a.id))
    throw new AppError('DOCUMENT_EXISTS', 'Dokumen permohonan ini sudah terbit (already issued).');
  const key = await signingKey(ctx);
  const now = ctx.now();
  const local = localMoment(now, mall.timezone).date;
  const year = local.slice(0, 4);
  const standard = JSON.parse(
    (await repo.serviceStandard(ctx.database.db, a.standard_id)).body,
  ) as StandardBody;
  const verifyCode = newVerifyCode();
  const url = `${resolvePublicUrl(ctx.config)}/verify/${verifyCode}`;
  const seq = (await repo.countIssued(ctx.database.db, mall.id, a.agency_id, year)) + 1;
  const number = `${mall.slug.toUpperCase()}/${a.agency_id}/${year}/${String(seq).padStart(5, '0')}-${a.id}`;
  const pdf = await renderSignedDocument(
    {
      mall: { name: mall.name, address: mall.address },
      agency: a.agency_name,
      service: a.service_name,
      product: standard.product,
      number,
      applicantName: a.applicant_name,
      nikMasked: a.nik_masked,
      receivedDate: dateWords(a.received_date),
      issuedDate: dateWords(local),
      verifyCode,
      verifyUrl: url,
      standardVersion: a.standard_version,
      legalBasis: standard.legalBasis || standard.fee.legalBasis,
    },
    key,
    now,
  );
  const at = now.toISOString();
  const hash = sha256(pdf);
  await inTransaction(ctx.database.db, async (tx) => {
    await lockApplication(tx.db, a.id, at);
    if (await repo.liveDocumentOf(tx.db, a.id))
      throw new AppError('DOCUMENT_EXISTS', 'Dokumen permohonan ini sudah terbit (already issued).');
    const id = await repo.insertDocument(tx.db, {
      mall_id: mall.id,
      application_id: a.id,
      agency_id: a.agency_id,
      verify_code: verifyCode,
      number,
      sha256: hash,
      pdf,
      demo: key.demo ? 1 : 0,
      signer: key.signer,
      issued_at: at,
      issued_by: actor.id || null,
      revoked_at: null,
      revoked_reason: null,
      revoked_by: null,
    });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'document.issue',
      entity: 'document',
      entityId: id,
      after: { applicationId: a.id, verifyCode, number, sha256: hash, demo: key.demo },
      at,
    });
  });
  return { verifyCode, url, number };
}

export async function revokeDocument(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  code: string,
  reason: string,
) {
  const d = await repo.findByCode(ctx.database.db, code.toUpperCase());
  if (!d || d.mall_id !== mall.id) throw notFound('DOCUMENT_NOT_FOUND', 'Dokumen');
  await loadFor(ctx, actor, mall, d.application_id, 'application.process');
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    if (!(await repo.revoke(tx.db, d.id, at, reason, actor.id || null)))
      throw new AppError('CONFLICT', 'Dokumen ini sudah dicabut (already revoked).');
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'document.revoke',
      entity: 'document',
      entityId: d.id,
      before: { verifyCode: d.verify_code },
      after: { reason },
      at,
    });
  });
  return checkDto((await repo.findByCode(ctx.database.db, d.verify_code))!);
}

export async function checkDocument(ctx: AppContext, code: string) {
  const d = await repo.findByCode(ctx.database.db, code.trim().toUpperCase());
  if (!d) throw notFound('DOCUMENT_NOT_FOUND', 'Dokumen');
  return checkDto(d);
}

export async function documentPdf(ctx: AppContext, code: string) {
  const d = await repo.pdfOf(ctx.database.db, code.trim().toUpperCase());
  if (!d) throw notFound('DOCUMENT_NOT_FOUND', 'Dokumen');
  // The file went with the applicant's data after the retention period; its SHA-256 still verifies a copy.
  if (d.pdf.length === 0) throw personalDataErased();
  return d;
}

/** Whether an uploaded file is exactly an issued document (byte for byte, by SHA-256). */
export async function verifyUpload(ctx: AppContext, file: Buffer) {
  const hash = sha256(file);
  const d = await repo.findBySha(ctx.database.db, hash);
  return { valid: !!d && d.revoked_at === null, document: d ? checkDto(d) : null, sha256: hash };
}
