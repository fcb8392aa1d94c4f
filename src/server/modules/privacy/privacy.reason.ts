import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AccessReason, type RevealInput } from '../../../shared/contracts/privacy.js';
import { AppError } from '../../errors.js';

/**
 * The route hook of every full-NIK read and subject export: without a reason (or with 'other' and no
 * note of at least 10 characters) the answer is 400 ACCESS_REASON_REQUIRED, before the body's schema
 * is checked, so the caller learns exactly what is missing. It runs after the access gate (401/403).
 */
export async function requireAccessReason(req: FastifyRequest): Promise<void> {
  const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
  const reason = body.reason;
  const note = typeof body.note === 'string' ? body.note.trim() : '';
  if (typeof reason !== 'string' || reason.trim() === '' || (reason === 'other' && note.length < 10))
    throw new AppError(
      'ACCESS_REASON_REQUIRED',
      'Sebutkan alasan membuka data pribadi ini; alasan "other" perlu keterangan minimal 10 huruf (a reason is required; "other" needs a note of at least 10 characters).',
      { reasons: AccessReason.options },
    );
}

/** What the audit row of a read keeps about why: the reason and the (number-masked) note. */
export const readReason = (input: z.infer<typeof RevealInput>) => ({
  reason: input.reason,
  note: input.note ?? null,
});

/** 410: the record's personal data was anonymised after the mall's retention period. */
export const personalDataErased = () =>
  new AppError(
    'PERSONAL_DATA_ERASED',
    'Data pribadi berkas ini sudah dianonimkan setelah masa simpannya (personal data anonymised after the retention period).',
  );
