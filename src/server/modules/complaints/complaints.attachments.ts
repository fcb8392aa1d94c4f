import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { LIMITS } from '../../../shared/contracts/complaints.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import { loadByCode, loadForStaff } from './complaints.actions.js';
import { toAttachment } from './complaints.mapper.js';
import * as repo from './complaints.repo.js';
import { recordStep, type StepActor } from './complaints.steps.js';

/** What a report may carry: photos and PDF letters, recognised by their first bytes (not the name). */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

/** A file name safe to keep and to send back in Content-Disposition. */
function cleanName(name: string | undefined, ext: string): string {
  const base = (name ?? '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._ -]/gu, '')
    .trim()
    .slice(0, 100);
  return base || `lampiran.${ext}`;
}

/**
 * Adds an attachment by tracking code (the reporter, or staff taking it in at the counter). The type
 * is what the bytes are (file-type's magic numbers); a claimed Content-Type must agree.
 */
export async function addAttachment(
  ctx: AppContext,
  who: StepActor,
  mall: MallRecord,
  code: string,
  data: Buffer,
  claimedType: string | undefined,
  name: string | undefined,
) {
  const c = await loadByCode(ctx, mall, code);
  if (c.status === 'closed' || c.status === 'archived')
    throw new AppError('COMPLAINT_STATE', 'Laporan sudah ditutup (the report is closed).');
  if (data.length === 0 || data.length > LIMITS.attachmentBytes)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Lampiran paling besar ${LIMITS.attachmentBytes / 1024 / 1024} MB (attachment too large).`,
    );
  const found = await fileTypeFromBuffer(data);
  const type = found?.mime;
  const claimed = claimedType?.split(';')[0]?.trim().toLowerCase();
  if (
    !type ||
    !(ATTACHMENT_TYPES as readonly string[]).includes(type) ||
    (claimed && claimed !== 'application/octet-stream' && claimed !== type)
  )
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Lampiran harus berupa foto JPG, PNG, WebP atau PDF (attachments must be JPG, PNG, WebP or PDF).',
    );
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    if ((await repo.listAttachments(tx.db, c.id)).length >= LIMITS.attachments)
      throw new AppError(
        'ATTACHMENT_LIMIT',
        `Paling banyak ${LIMITS.attachments} lampiran (too many attachments).`,
      );
    const row = {
      mall_id: mall.id,
      complaint_id: c.id,
      name: cleanName(name, found.ext),
      content_type: type,
      size_bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
      uploaded_at: at,
    };
    const id = await repo.insertAttachment(tx.db, row);
    await recordStep(
      tx,
      c,
      who,
      {
        kind: 'attached',
        status: c.status,
        message: row.name,
        visibility: 'reporter',
        audit: { attachmentId: id, contentType: type, sizeBytes: data.length, sha256: row.sha256 },
      },
      at,
    );
    return toAttachment({ ...row, id });
  });
}

const download = async (complaintId: number, id: number, ctx: AppContext) => {
  const a = await repo.findAttachment(ctx.database.db, complaintId, id);
  if (!a) throw notFound('ATTACHMENT_NOT_FOUND', 'Lampiran');
  return { name: a.name, contentType: a.content_type, data: Buffer.from(a.data) };
};

export async function attachmentByCode(ctx: AppContext, mall: MallRecord, code: string, id: number) {
  return download((await loadByCode(ctx, mall, code)).id, id, ctx);
}

export async function attachmentForStaff(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  complaintId: number,
  id: number,
) {
  const { c } = await loadForStaff(ctx, actor, mall, complaintId, 'complaint.read');
  return download(c.id, id, ctx);
}
